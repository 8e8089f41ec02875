# generated - do not edit: compiled from ui/callback_outcome_dialog.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CallbackOutcomeDialog(object):
    def setupUi(self, CallbackOutcomeDialog):
        if not CallbackOutcomeDialog.objectName():
            CallbackOutcomeDialog.setObjectName(u"CallbackOutcomeDialog")
        CallbackOutcomeDialog.resize(480, 320)
        CallbackOutcomeDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CallbackOutcomeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(CallbackOutcomeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.outcomeComboLabel = QLabel(CallbackOutcomeDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(CallbackOutcomeDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.atEditLabel = QLabel(CallbackOutcomeDialog)
        self.atEditLabel.setObjectName(u"atEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.atEditLabel)

        self.atEdit = QDateTimeEdit(CallbackOutcomeDialog)
        self.atEdit.setObjectName(u"atEdit")
        self.atEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.atEdit)

        self.noteEditLabel = QLabel(CallbackOutcomeDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(CallbackOutcomeDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(CallbackOutcomeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.atEditLabel.setBuddy(self.atEdit)
        self.noteEditLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CallbackOutcomeDialog)
    # setupUi

    def retranslateUi(self, CallbackOutcomeDialog):
        CallbackOutcomeDialog.setWindowTitle(QCoreApplication.translate("CallbackOutcomeDialog", u"What happened with the call", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("CallbackOutcomeDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.outcomeComboLabel.setText(QCoreApplication.translate("CallbackOutcomeDialog", u"&Outcome", None))
#if QT_CONFIG(accessibility)
        self.outcomeCombo.setAccessibleName(QCoreApplication.translate("CallbackOutcomeDialog", u"What happened", None))
#endif // QT_CONFIG(accessibility)
        self.atEditLabel.setText(QCoreApplication.translate("CallbackOutcomeDialog", u"&When", None))
#if QT_CONFIG(accessibility)
        self.atEdit.setAccessibleName(QCoreApplication.translate("CallbackOutcomeDialog", u"When the call was made or tried", None))
#endif // QT_CONFIG(accessibility)
        self.atEdit.setDisplayFormat(QCoreApplication.translate("CallbackOutcomeDialog", u"dd/MM/yyyy HH:mm", None))
        self.noteEditLabel.setText(QCoreApplication.translate("CallbackOutcomeDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("CallbackOutcomeDialog", u"What was said", None))
#endif // QT_CONFIG(accessibility)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("CallbackOutcomeDialog", u"Optional: what was agreed", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("CallbackOutcomeDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
