# generated - do not edit: compiled from ui/reminder_settings_dialog.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReminderSettingsDialog(object):
    def setupUi(self, ReminderSettingsDialog):
        if not ReminderSettingsDialog.objectName():
            ReminderSettingsDialog.setObjectName(u"ReminderSettingsDialog")
        ReminderSettingsDialog.resize(480, 300)
        ReminderSettingsDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ReminderSettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ReminderSettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(ReminderSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.enabledCheck = QCheckBox(ReminderSettingsDialog)
        self.enabledCheck.setObjectName(u"enabledCheck")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.enabledCheck)

        self.leadLabel = QLabel(ReminderSettingsDialog)
        self.leadLabel.setObjectName(u"leadLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadEdit = QLineEdit(ReminderSettingsDialog)
        self.leadEdit.setObjectName(u"leadEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.leadEdit)

        self.leadHelpLabel = QLabel(ReminderSettingsDialog)
        self.leadHelpLabel.setObjectName(u"leadHelpLabel")
        self.leadHelpLabel.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.leadHelpLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ReminderSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.leadLabel.setBuddy(self.leadEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReminderSettingsDialog)
    # setupUi

    def retranslateUi(self, ReminderSettingsDialog):
        ReminderSettingsDialog.setWindowTitle(QCoreApplication.translate("ReminderSettingsDialog", u"Reminders", None))
        self.introLabel.setText(QCoreApplication.translate("ReminderSettingsDialog", u"SEND Desk reminds you from the system tray about the statutory deadlines of your caseload: before they are due, on the day, and the day after one is missed.", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.enabledCheck.setText(QCoreApplication.translate("ReminderSettingsDialog", u"Show &desktop reminders", None))
#if QT_CONFIG(accessibility)
        self.enabledCheck.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Show desktop reminders", None))
#endif // QT_CONFIG(accessibility)
        self.leadLabel.setText(QCoreApplication.translate("ReminderSettingsDialog", u"Remind me this &many days before", None))
#if QT_CONFIG(accessibility)
        self.leadEdit.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Days before a deadline to remind me, separated by commas", None))
#endif // QT_CONFIG(accessibility)
        self.leadEdit.setPlaceholderText(QCoreApplication.translate("ReminderSettingsDialog", u"10, 5, 1, 0", None))
        self.leadHelpLabel.setText(QCoreApplication.translate("ReminderSettingsDialog", u"Calendar days, separated by commas; 0 is the day it is due.", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
