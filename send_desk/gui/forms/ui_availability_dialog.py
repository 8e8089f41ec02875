# generated - do not edit: compiled from ui/availability_dialog.ui by scripts/compile_forms.py
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AvailabilityDialog(object):
    def setupUi(self, AvailabilityDialog):
        if not AvailabilityDialog.objectName():
            AvailabilityDialog.setObjectName(u"AvailabilityDialog")
        AvailabilityDialog.resize(480, 300)
        AvailabilityDialog.setModal(True)
        self.mainLayout = QVBoxLayout(AvailabilityDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AvailabilityDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(AvailabilityDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindComboLabel = QLabel(AvailabilityDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(AvailabilityDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.userComboLabel = QLabel(AvailabilityDialog)
        self.userComboLabel.setObjectName(u"userComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.userComboLabel)

        self.userCombo = QComboBox(AvailabilityDialog)
        self.userCombo.setObjectName(u"userCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.userCombo)

        self.teamComboLabel = QLabel(AvailabilityDialog)
        self.teamComboLabel.setObjectName(u"teamComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.teamComboLabel)

        self.teamCombo = QComboBox(AvailabilityDialog)
        self.teamCombo.setObjectName(u"teamCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.teamCombo)

        self.firstEditLabel = QLabel(AvailabilityDialog)
        self.firstEditLabel.setObjectName(u"firstEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.firstEditLabel)

        self.firstEdit = QDateEdit(AvailabilityDialog)
        self.firstEdit.setObjectName(u"firstEdit")
        self.firstEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.firstEdit)

        self.lastEditLabel = QLabel(AvailabilityDialog)
        self.lastEditLabel.setObjectName(u"lastEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lastEditLabel)

        self.lastEdit = QDateEdit(AvailabilityDialog)
        self.lastEdit.setObjectName(u"lastEdit")
        self.lastEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lastEdit)

        self.reasonEditLabel = QLabel(AvailabilityDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEdit = QLineEdit(AvailabilityDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(AvailabilityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.userComboLabel.setBuddy(self.userCombo)
        self.teamComboLabel.setBuddy(self.teamCombo)
        self.firstEditLabel.setBuddy(self.firstEdit)
        self.lastEditLabel.setBuddy(self.lastEdit)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AvailabilityDialog)
    # setupUi

    def retranslateUi(self, AvailabilityDialog):
        AvailabilityDialog.setWindowTitle(QCoreApplication.translate("AvailabilityDialog", u"Away or on duty", None))
        self.introLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"Record a caseworker's absence, or put someone on a team's duty rota: their callbacks go to the duty officer on the days they are away.", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.kindComboLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"&What", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Absence or duty", None))
#endif // QT_CONFIG(accessibility)
        self.userComboLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"W&ho", None))
#if QT_CONFIG(accessibility)
        self.userCombo.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Who", None))
#endif // QT_CONFIG(accessibility)
        self.teamComboLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"&Team", None))
#if QT_CONFIG(accessibility)
        self.teamCombo.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Team (for duty)", None))
#endif // QT_CONFIG(accessibility)
        self.firstEditLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"&From", None))
#if QT_CONFIG(accessibility)
        self.firstEdit.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"First day", None))
#endif // QT_CONFIG(accessibility)
        self.firstEdit.setDisplayFormat(QCoreApplication.translate("AvailabilityDialog", u"dd/MM/yyyy", None))
        self.lastEditLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"T&o", None))
#if QT_CONFIG(accessibility)
        self.lastEdit.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Last day", None))
#endif // QT_CONFIG(accessibility)
        self.lastEdit.setDisplayFormat(QCoreApplication.translate("AvailabilityDialog", u"dd/MM/yyyy", None))
        self.reasonEditLabel.setText(QCoreApplication.translate("AvailabilityDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Reason (for an absence)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("AvailabilityDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
