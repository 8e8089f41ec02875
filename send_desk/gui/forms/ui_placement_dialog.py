# generated - do not edit: compiled from ui/placement_dialog.ui by scripts/compile_forms.py
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PlacementDialog(object):
    def setupUi(self, PlacementDialog):
        if not PlacementDialog.objectName():
            PlacementDialog.setObjectName(u"PlacementDialog")
        PlacementDialog.resize(520, 400)
        PlacementDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PlacementDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PlacementDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(PlacementDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.settingLabel = QLabel(PlacementDialog)
        self.settingLabel.setObjectName(u"settingLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.settingLabel)

        self.settingCombo = QComboBox(PlacementDialog)
        self.settingCombo.setObjectName(u"settingCombo")
        self.settingCombo.setEditable(True)
        self.settingCombo.setInsertPolicy(QComboBox.NoInsert)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.settingCombo)

        self.startDateLabel = QLabel(PlacementDialog)
        self.startDateLabel.setObjectName(u"startDateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startDateLabel)

        self.startDateEdit = QDateEdit(PlacementDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startDateEdit)

        self.provisionLabel = QLabel(PlacementDialog)
        self.provisionLabel.setObjectName(u"provisionLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.provisionLabel)

        self.provisionCombo = QComboBox(PlacementDialog)
        self.provisionCombo.setObjectName(u"provisionCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.provisionCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(PlacementDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.settingLabel.setBuddy(self.settingCombo)
        self.startDateLabel.setBuddy(self.startDateEdit)
        self.provisionLabel.setBuddy(self.provisionCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlacementDialog)
    # setupUi

    def retranslateUi(self, PlacementDialog):
        PlacementDialog.setWindowTitle(QCoreApplication.translate("PlacementDialog", u"Change setting", None))
        self.introLabel.setText(QCoreApplication.translate("PlacementDialog", u"The current setting ends on the day the new one starts, so the history stays complete.", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("PlacementDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.settingLabel.setText(QCoreApplication.translate("PlacementDialog", u"&Setting", None))
#if QT_CONFIG(accessibility)
        self.settingCombo.setAccessibleName(QCoreApplication.translate("PlacementDialog", u"School or setting", None))
#endif // QT_CONFIG(accessibility)
        self.startDateLabel.setText(QCoreApplication.translate("PlacementDialog", u"S&tarted on", None))
#if QT_CONFIG(accessibility)
        self.startDateEdit.setAccessibleName(QCoreApplication.translate("PlacementDialog", u"Start date", None))
#endif // QT_CONFIG(accessibility)
        self.startDateEdit.setDisplayFormat(QCoreApplication.translate("PlacementDialog", u"dd/MM/yyyy", None))
        self.provisionLabel.setText(QCoreApplication.translate("PlacementDialog", u"&Place in", None))
#if QT_CONFIG(accessibility)
        self.provisionCombo.setAccessibleName(QCoreApplication.translate("PlacementDialog", u"Place in the setting's SEN unit or resourced provision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("PlacementDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
