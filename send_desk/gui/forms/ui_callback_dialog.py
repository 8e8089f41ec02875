# generated - do not edit: compiled from ui/callback_dialog.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CallbackDialog(object):
    def setupUi(self, CallbackDialog):
        if not CallbackDialog.objectName():
            CallbackDialog.setObjectName(u"CallbackDialog")
        CallbackDialog.resize(640, 600)
        CallbackDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CallbackDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CallbackDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(CallbackDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.requestedByComboLabel = QLabel(CallbackDialog)
        self.requestedByComboLabel.setObjectName(u"requestedByComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.requestedByComboLabel)

        self.requestedByCombo = QComboBox(CallbackDialog)
        self.requestedByCombo.setObjectName(u"requestedByCombo")
        self.requestedByCombo.setEditable(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.requestedByCombo)

        self.phoneEditLabel = QLabel(CallbackDialog)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(CallbackDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.aboutEditLabel = QLabel(CallbackDialog)
        self.aboutEditLabel.setObjectName(u"aboutEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.aboutEditLabel)

        self.aboutEdit = QPlainTextEdit(CallbackDialog)
        self.aboutEdit.setObjectName(u"aboutEdit")
        self.aboutEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.aboutEdit)

        self.slotListLabel = QLabel(CallbackDialog)
        self.slotListLabel.setObjectName(u"slotListLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.slotListLabel)

        self.slotList = QListWidget(CallbackDialog)
        self.slotList.setObjectName(u"slotList")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.slotList)

        self.slotNotes = QLabel(CallbackDialog)
        self.slotNotes.setObjectName(u"slotNotes")
        self.slotNotes.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.slotNotes)

        self.confirmComboLabel = QLabel(CallbackDialog)
        self.confirmComboLabel.setObjectName(u"confirmComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.confirmComboLabel)

        self.confirmCombo = QComboBox(CallbackDialog)
        self.confirmCombo.setObjectName(u"confirmCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.confirmCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(CallbackDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.requestedByComboLabel.setBuddy(self.requestedByCombo)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.aboutEditLabel.setBuddy(self.aboutEdit)
        self.slotListLabel.setBuddy(self.slotList)
        self.confirmComboLabel.setBuddy(self.confirmCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CallbackDialog)
    # setupUi

    def retranslateUi(self, CallbackDialog):
        CallbackDialog.setWindowTitle(QCoreApplication.translate("CallbackDialog", u"Book a callback", None))
        self.introLabel.setText(QCoreApplication.translate("CallbackDialog", u"Book the call into a free slot with the child's caseworker, or with the team's duty officer on a day the caseworker is away.", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.requestedByComboLabel.setText(QCoreApplication.translate("CallbackDialog", u"&Who asked", None))
#if QT_CONFIG(accessibility)
        self.requestedByCombo.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"Who asked for the call", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEditLabel.setText(QCoreApplication.translate("CallbackDialog", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"The number to call", None))
#endif // QT_CONFIG(accessibility)
        self.aboutEditLabel.setText(QCoreApplication.translate("CallbackDialog", u"&About", None))
#if QT_CONFIG(accessibility)
        self.aboutEdit.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"What the call is about", None))
#endif // QT_CONFIG(accessibility)
        self.aboutEdit.setPlaceholderText(QCoreApplication.translate("CallbackDialog", u"What they want to talk about", None))
        self.slotListLabel.setText(QCoreApplication.translate("CallbackDialog", u"&Slot", None))
#if QT_CONFIG(accessibility)
        self.slotList.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"Free slots, earliest first", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.slotNotes.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"Why some days have no slots or go to the duty officer", None))
#endif // QT_CONFIG(accessibility)
        self.slotNotes.setText("")
        self.confirmComboLabel.setText(QCoreApplication.translate("CallbackDialog", u"&Confirm by", None))
#if QT_CONFIG(accessibility)
        self.confirmCombo.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"How the family is told about the call", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("CallbackDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
