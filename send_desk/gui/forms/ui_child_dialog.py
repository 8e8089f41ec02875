# generated - do not edit: compiled from ui/child_dialog.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ChildDialog(object):
    def setupUi(self, ChildDialog):
        if not ChildDialog.objectName():
            ChildDialog.setObjectName(u"ChildDialog")
        ChildDialog.resize(520, 400)
        ChildDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ChildDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ChildDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.firstNameLabel = QLabel(ChildDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(ChildDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(ChildDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(ChildDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.preferredNameLabel = QLabel(ChildDialog)
        self.preferredNameLabel.setObjectName(u"preferredNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.preferredNameLabel)

        self.preferredNameEdit = QLineEdit(ChildDialog)
        self.preferredNameEdit.setObjectName(u"preferredNameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.preferredNameEdit)

        self.dateOfBirthLabel = QLabel(ChildDialog)
        self.dateOfBirthLabel.setObjectName(u"dateOfBirthLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateOfBirthLabel)

        self.dateOfBirthEdit = QDateEdit(ChildDialog)
        self.dateOfBirthEdit.setObjectName(u"dateOfBirthEdit")
        self.dateOfBirthEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateOfBirthEdit)

        self.sexLabel = QLabel(ChildDialog)
        self.sexLabel.setObjectName(u"sexLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexRow = QHBoxLayout()
        self.sexRow.setObjectName(u"sexRow")
        self.sexCombo = QComboBox(ChildDialog)
        self.sexCombo.setObjectName(u"sexCombo")

        self.sexRow.addWidget(self.sexCombo)

        self.ethnicityLabel = QLabel(ChildDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.sexRow.addWidget(self.ethnicityLabel)

        self.ethnicityCombo = QComboBox(ChildDialog)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.ethnicityCombo.sizePolicy().hasHeightForWidth())
        self.ethnicityCombo.setSizePolicy(sizePolicy)

        self.sexRow.addWidget(self.ethnicityCombo)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.sexRow)

        self.upnLabel = QLabel(ChildDialog)
        self.upnLabel.setObjectName(u"upnLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.upnLabel)

        self.upnRow = QHBoxLayout()
        self.upnRow.setObjectName(u"upnRow")
        self.upnEdit = QLineEdit(ChildDialog)
        self.upnEdit.setObjectName(u"upnEdit")

        self.upnRow.addWidget(self.upnEdit)

        self.ulnLabel = QLabel(ChildDialog)
        self.ulnLabel.setObjectName(u"ulnLabel")

        self.upnRow.addWidget(self.ulnLabel)

        self.ulnEdit = QLineEdit(ChildDialog)
        self.ulnEdit.setObjectName(u"ulnEdit")

        self.upnRow.addWidget(self.ulnEdit)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.upnRow)

        self.upnUnknownLabel = QLabel(ChildDialog)
        self.upnUnknownLabel.setObjectName(u"upnUnknownLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.upnUnknownLabel)

        self.upnUnknownCombo = QComboBox(ChildDialog)
        self.upnUnknownCombo.setObjectName(u"upnUnknownCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.upnUnknownCombo)

        self.addressLabel = QLabel(ChildDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(ChildDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 64))

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.postcodeLabel = QLabel(ChildDialog)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcodeEdit = QLineEdit(ChildDialog)
        self.postcodeEdit.setObjectName(u"postcodeEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.postcodeEdit)

        self.homeLanguageLabel = QLabel(ChildDialog)
        self.homeLanguageLabel.setObjectName(u"homeLanguageLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.homeLanguageLabel)

        self.homeLanguageEdit = QLineEdit(ChildDialog)
        self.homeLanguageEdit.setObjectName(u"homeLanguageEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.homeLanguageEdit)

        self.primaryNeedLabel = QLabel(ChildDialog)
        self.primaryNeedLabel.setObjectName(u"primaryNeedLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.primaryNeedLabel)

        self.primaryNeedCombo = QComboBox(ChildDialog)
        self.primaryNeedCombo.setObjectName(u"primaryNeedCombo")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.primaryNeedCombo)

        self.secondaryNeedLabel = QLabel(ChildDialog)
        self.secondaryNeedLabel.setObjectName(u"secondaryNeedLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.secondaryNeedLabel)

        self.secondaryNeedCombo = QComboBox(ChildDialog)
        self.secondaryNeedCombo.setObjectName(u"secondaryNeedCombo")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.secondaryNeedCombo)

        self.yearGroupLabel = QLabel(ChildDialog)
        self.yearGroupLabel.setObjectName(u"yearGroupLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.yearGroupLabel)

        self.yearGroupCombo = QComboBox(ChildDialog)
        self.yearGroupCombo.setObjectName(u"yearGroupCombo")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.yearGroupCombo)

        self.lookedAfterCheck = QCheckBox(ChildDialog)
        self.lookedAfterCheck.setObjectName(u"lookedAfterCheck")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.SpanningRole, self.lookedAfterCheck)

        self.placingAuthorityLabel = QLabel(ChildDialog)
        self.placingAuthorityLabel.setObjectName(u"placingAuthorityLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.placingAuthorityLabel)

        self.placingAuthorityEdit = QLineEdit(ChildDialog)
        self.placingAuthorityEdit.setObjectName(u"placingAuthorityEdit")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.placingAuthorityEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ChildDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.preferredNameLabel.setBuddy(self.preferredNameEdit)
        self.dateOfBirthLabel.setBuddy(self.dateOfBirthEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.upnLabel.setBuddy(self.upnEdit)
        self.ulnLabel.setBuddy(self.ulnEdit)
        self.upnUnknownLabel.setBuddy(self.upnUnknownCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.postcodeLabel.setBuddy(self.postcodeEdit)
        self.homeLanguageLabel.setBuddy(self.homeLanguageEdit)
        self.primaryNeedLabel.setBuddy(self.primaryNeedCombo)
        self.secondaryNeedLabel.setBuddy(self.secondaryNeedCombo)
        self.yearGroupLabel.setBuddy(self.yearGroupCombo)
        self.placingAuthorityLabel.setBuddy(self.placingAuthorityEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChildDialog)
    # setupUi

    def retranslateUi(self, ChildDialog):
        ChildDialog.setWindowTitle(QCoreApplication.translate("ChildDialog", u"Child or young person", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameLabel.setText(QCoreApplication.translate("ChildDialog", u"&First name", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("ChildDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.preferredNameLabel.setText(QCoreApplication.translate("ChildDialog", u"&Preferred name", None))
#if QT_CONFIG(accessibility)
        self.preferredNameEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Preferred name", None))
#endif // QT_CONFIG(accessibility)
        self.dateOfBirthLabel.setText(QCoreApplication.translate("ChildDialog", u"&Date of birth", None))
#if QT_CONFIG(accessibility)
        self.dateOfBirthEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.dateOfBirthEdit.setDisplayFormat(QCoreApplication.translate("ChildDialog", u"dd/MM/yyyy", None))
        self.sexLabel.setText(QCoreApplication.translate("ChildDialog", u"&Sex", None))
#if QT_CONFIG(accessibility)
        self.sexCombo.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.ethnicityLabel.setText(QCoreApplication.translate("ChildDialog", u"Ethn&icity", None))
#if QT_CONFIG(accessibility)
        self.ethnicityCombo.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Ethnicity (school census code)", None))
#endif // QT_CONFIG(accessibility)
        self.upnLabel.setText(QCoreApplication.translate("ChildDialog", u"&UPN", None))
#if QT_CONFIG(accessibility)
        self.upnEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Unique pupil number (UPN)", None))
#endif // QT_CONFIG(accessibility)
        self.upnEdit.setPlaceholderText(QCoreApplication.translate("ChildDialog", u"13 characters, from the school", None))
        self.ulnLabel.setText(QCoreApplication.translate("ChildDialog", u"ULN", None))
#if QT_CONFIG(accessibility)
        self.ulnEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Unique learner number (ULN)", None))
#endif // QT_CONFIG(accessibility)
        self.ulnEdit.setPlaceholderText(QCoreApplication.translate("ChildDialog", u"10 digits, from the college", None))
        self.upnUnknownLabel.setText(QCoreApplication.translate("ChildDialog", u"No UPN &because", None))
#if QT_CONFIG(accessibility)
        self.upnUnknownCombo.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Why there is no UPN or ULN", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("ChildDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.postcodeLabel.setText(QCoreApplication.translate("ChildDialog", u"P&ostcode", None))
#if QT_CONFIG(accessibility)
        self.postcodeEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Postcode", None))
#endif // QT_CONFIG(accessibility)
        self.homeLanguageLabel.setText(QCoreApplication.translate("ChildDialog", u"&Home language", None))
#if QT_CONFIG(accessibility)
        self.homeLanguageEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Home language", None))
#endif // QT_CONFIG(accessibility)
        self.primaryNeedLabel.setText(QCoreApplication.translate("ChildDialog", u"Primary &need", None))
#if QT_CONFIG(accessibility)
        self.primaryNeedCombo.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Primary need", None))
#endif // QT_CONFIG(accessibility)
        self.secondaryNeedLabel.setText(QCoreApplication.translate("ChildDialog", u"Secondary n&eed", None))
#if QT_CONFIG(accessibility)
        self.secondaryNeedCombo.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Secondary need", None))
#endif // QT_CONFIG(accessibility)
        self.yearGroupLabel.setText(QCoreApplication.translate("ChildDialog", u"&Year group", None))
#if QT_CONFIG(accessibility)
        self.yearGroupCombo.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Year group", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lookedAfterCheck.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Looked after by a local authority", None))
#endif // QT_CONFIG(accessibility)
        self.lookedAfterCheck.setText(QCoreApplication.translate("ChildDialog", u"Loo&ked after by a local authority", None))
        self.placingAuthorityLabel.setText(QCoreApplication.translate("ChildDialog", u"Placing au&thority", None))
#if QT_CONFIG(accessibility)
        self.placingAuthorityEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Placing authority", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
