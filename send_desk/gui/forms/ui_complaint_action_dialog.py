# generated - do not edit: compiled from ui/complaint_action_dialog.ui by scripts/compile_forms.py
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

class Ui_ComplaintActionDialog(object):
    def setupUi(self, ComplaintActionDialog):
        if not ComplaintActionDialog.objectName():
            ComplaintActionDialog.setObjectName(u"ComplaintActionDialog")
        ComplaintActionDialog.resize(560, 520)
        ComplaintActionDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ComplaintActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ComplaintActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.actionComboLabel = QLabel(ComplaintActionDialog)
        self.actionComboLabel.setObjectName(u"actionComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.actionComboLabel)

        self.actionCombo = QComboBox(ComplaintActionDialog)
        self.actionCombo.setObjectName(u"actionCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.actionCombo)

        self.onEditLabel = QLabel(ComplaintActionDialog)
        self.onEditLabel.setObjectName(u"onEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.onEditLabel)

        self.onEdit = QDateEdit(ComplaintActionDialog)
        self.onEdit.setObjectName(u"onEdit")
        self.onEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.onEdit)

        self.outcomeComboLabel = QLabel(ComplaintActionDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(ComplaintActionDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.investigatorEditLabel = QLabel(ComplaintActionDialog)
        self.investigatorEditLabel.setObjectName(u"investigatorEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.investigatorEditLabel)

        self.investigatorEdit = QLineEdit(ComplaintActionDialog)
        self.investigatorEdit.setObjectName(u"investigatorEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.investigatorEdit)

        self.referenceEditLabel = QLabel(ComplaintActionDialog)
        self.referenceEditLabel.setObjectName(u"referenceEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.referenceEditLabel)

        self.referenceEdit = QLineEdit(ComplaintActionDialog)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.rootCauseComboLabel = QLabel(ComplaintActionDialog)
        self.rootCauseComboLabel.setObjectName(u"rootCauseComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.rootCauseComboLabel)

        self.rootCauseCombo = QComboBox(ComplaintActionDialog)
        self.rootCauseCombo.setObjectName(u"rootCauseCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rootCauseCombo)

        self.lessonsEditLabel = QLabel(ComplaintActionDialog)
        self.lessonsEditLabel.setObjectName(u"lessonsEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lessonsEditLabel)

        self.lessonsEdit = QPlainTextEdit(ComplaintActionDialog)
        self.lessonsEdit.setObjectName(u"lessonsEdit")
        self.lessonsEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.lessonsEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.letterButton = QPushButton(ComplaintActionDialog)
        self.letterButton.setObjectName(u"letterButton")

        self.mainLayout.addWidget(self.letterButton)

        self.buttonBox = QDialogButtonBox(ComplaintActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.actionComboLabel.setBuddy(self.actionCombo)
        self.onEditLabel.setBuddy(self.onEdit)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.investigatorEditLabel.setBuddy(self.investigatorEdit)
        self.referenceEditLabel.setBuddy(self.referenceEdit)
        self.rootCauseComboLabel.setBuddy(self.rootCauseCombo)
        self.lessonsEditLabel.setBuddy(self.lessonsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ComplaintActionDialog)
    # setupUi

    def retranslateUi(self, ComplaintActionDialog):
        ComplaintActionDialog.setWindowTitle(QCoreApplication.translate("ComplaintActionDialog", u"Complaint", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.actionComboLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"&What", None))
#if QT_CONFIG(accessibility)
        self.actionCombo.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"What to record", None))
#endif // QT_CONFIG(accessibility)
        self.onEditLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.onEdit.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.onEdit.setDisplayFormat(QCoreApplication.translate("ComplaintActionDialog", u"dd/MM/yyyy", None))
        self.outcomeComboLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"&Outcome", None))
#if QT_CONFIG(accessibility)
        self.outcomeCombo.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.investigatorEditLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"&Investigator", None))
#if QT_CONFIG(accessibility)
        self.investigatorEdit.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Who is looking into it", None))
#endif // QT_CONFIG(accessibility)
        self.referenceEditLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"&Reference", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"The Ombudsman's reference", None))
#endif // QT_CONFIG(accessibility)
        self.rootCauseComboLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"Root ca&use", None))
#if QT_CONFIG(accessibility)
        self.rootCauseCombo.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Root cause", None))
#endif // QT_CONFIG(accessibility)
        self.lessonsEditLabel.setText(QCoreApplication.translate("ComplaintActionDialog", u"Lesso&ns learned", None))
#if QT_CONFIG(accessibility)
        self.lessonsEdit.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Lessons learned", None))
#endif // QT_CONFIG(accessibility)
        self.lessonsEdit.setPlaceholderText(QCoreApplication.translate("ComplaintActionDialog", u"What the service will do differently", None))
#if QT_CONFIG(accessibility)
        self.letterButton.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Write the letter", None))
#endif // QT_CONFIG(accessibility)
        self.letterButton.setText(QCoreApplication.translate("ComplaintActionDialog", u"Write the &letter\u2026", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ComplaintActionDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
