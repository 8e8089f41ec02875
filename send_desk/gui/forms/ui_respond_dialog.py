# generated - do not edit: compiled from ui/respond_dialog.ui by scripts/compile_forms.py
# (pyside6-uic). Change the form in Qt Designer and run the script again.
# -*- coding: utf-8 -*-

################################################################################
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RespondDialog(object):
    def setupUi(self, RespondDialog):
        if not RespondDialog.objectName():
            RespondDialog.setObjectName(u"RespondDialog")
        RespondDialog.resize(560, 460)
        RespondDialog.setModal(True)
        self.mainLayout = QVBoxLayout(RespondDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(RespondDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindComboLabel = QLabel(RespondDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(RespondDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.onEditLabel = QLabel(RespondDialog)
        self.onEditLabel.setObjectName(u"onEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.onEditLabel)

        self.onEdit = QDateEdit(RespondDialog)
        self.onEdit.setObjectName(u"onEdit")
        self.onEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.onEdit)

        self.refComboLabel = QLabel(RespondDialog)
        self.refComboLabel.setObjectName(u"refComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.refComboLabel)

        self.refCombo = QComboBox(RespondDialog)
        self.refCombo.setObjectName(u"refCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.refCombo)

        self.correspondentEditLabel = QLabel(RespondDialog)
        self.correspondentEditLabel.setObjectName(u"correspondentEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.correspondentEditLabel)

        self.correspondentEdit = QLineEdit(RespondDialog)
        self.correspondentEdit.setObjectName(u"correspondentEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.correspondentEdit)

        self.summaryEditLabel = QLabel(RespondDialog)
        self.summaryEditLabel.setObjectName(u"summaryEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.summaryEditLabel)

        self.summaryEdit = QPlainTextEdit(RespondDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.summaryEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.letterButton = QPushButton(RespondDialog)
        self.letterButton.setObjectName(u"letterButton")

        self.mainLayout.addWidget(self.letterButton)

        self.buttonBox = QDialogButtonBox(RespondDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.onEditLabel.setBuddy(self.onEdit)
        self.refComboLabel.setBuddy(self.refCombo)
        self.correspondentEditLabel.setBuddy(self.correspondentEdit)
        self.summaryEditLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RespondDialog)
    # setupUi

    def retranslateUi(self, RespondDialog):
        RespondDialog.setWindowTitle(QCoreApplication.translate("RespondDialog", u"Record the reply", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("RespondDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.kindComboLabel.setText(QCoreApplication.translate("RespondDialog", u"&Answered by", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("RespondDialog", u"How it was answered", None))
#endif // QT_CONFIG(accessibility)
        self.onEditLabel.setText(QCoreApplication.translate("RespondDialog", u"&On", None))
#if QT_CONFIG(accessibility)
        self.onEdit.setAccessibleName(QCoreApplication.translate("RespondDialog", u"Date of the reply", None))
#endif // QT_CONFIG(accessibility)
        self.onEdit.setDisplayFormat(QCoreApplication.translate("RespondDialog", u"dd/MM/yyyy", None))
        self.refComboLabel.setText(QCoreApplication.translate("RespondDialog", u"&Note or letter", None))
#if QT_CONFIG(accessibility)
        self.refCombo.setAccessibleName(QCoreApplication.translate("RespondDialog", u"The case note or letter that answered it", None))
#endif // QT_CONFIG(accessibility)
        self.correspondentEditLabel.setText(QCoreApplication.translate("RespondDialog", u"&To", None))
#if QT_CONFIG(accessibility)
        self.correspondentEdit.setAccessibleName(QCoreApplication.translate("RespondDialog", u"Who the reply went to", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEditLabel.setText(QCoreApplication.translate("RespondDialog", u"&What we said", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("RespondDialog", u"What the reply said", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("RespondDialog", u"In a sentence: what we told them", None))
#if QT_CONFIG(accessibility)
        self.letterButton.setAccessibleName(QCoreApplication.translate("RespondDialog", u"Write the reply as a letter", None))
#endif // QT_CONFIG(accessibility)
        self.letterButton.setText(QCoreApplication.translate("RespondDialog", u"Write the reply as a &letter\u2026", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("RespondDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
