# generated - do not edit: compiled from ui/family_member_dialog.ui by scripts/compile_forms.py
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_FamilyMemberDialog(object):
    def setupUi(self, FamilyMemberDialog):
        if not FamilyMemberDialog.objectName():
            FamilyMemberDialog.setObjectName(u"FamilyMemberDialog")
        FamilyMemberDialog.resize(520, 400)
        FamilyMemberDialog.setModal(True)
        self.mainLayout = QVBoxLayout(FamilyMemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(FamilyMemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(FamilyMemberDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FamilyMemberDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.relationshipLabel = QLabel(FamilyMemberDialog)
        self.relationshipLabel.setObjectName(u"relationshipLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.relationshipLabel)

        self.relationshipCombo = QComboBox(FamilyMemberDialog)
        self.relationshipCombo.setObjectName(u"relationshipCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.relationshipCombo)

        self.parentalResponsibilityCheck = QCheckBox(FamilyMemberDialog)
        self.parentalResponsibilityCheck.setObjectName(u"parentalResponsibilityCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.parentalResponsibilityCheck)

        self.mainContactCheck = QCheckBox(FamilyMemberDialog)
        self.mainContactCheck.setObjectName(u"mainContactCheck")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.mainContactCheck)

        self.phoneLabel = QLabel(FamilyMemberDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(FamilyMemberDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(FamilyMemberDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(FamilyMemberDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.addressLabel = QLabel(FamilyMemberDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(FamilyMemberDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 64))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.postcodeLabel = QLabel(FamilyMemberDialog)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcodeEdit = QLineEdit(FamilyMemberDialog)
        self.postcodeEdit.setObjectName(u"postcodeEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.postcodeEdit)

        self.preferredContactLabel = QLabel(FamilyMemberDialog)
        self.preferredContactLabel.setObjectName(u"preferredContactLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.preferredContactLabel)

        self.preferredContactCombo = QComboBox(FamilyMemberDialog)
        self.preferredContactCombo.setObjectName(u"preferredContactCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.preferredContactCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.communicationBox = QGroupBox(FamilyMemberDialog)
        self.communicationBox.setObjectName(u"communicationBox")
        self.communicationLayout = QFormLayout(self.communicationBox)
        self.communicationLayout.setObjectName(u"communicationLayout")
        self.languageLabel = QLabel(self.communicationBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.communicationLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageEdit = QLineEdit(self.communicationBox)
        self.languageEdit.setObjectName(u"languageEdit")

        self.communicationLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageEdit)

        self.interpreterCheck = QCheckBox(self.communicationBox)
        self.interpreterCheck.setObjectName(u"interpreterCheck")

        self.communicationLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.interpreterCheck)

        self.independentInterpreterCheck = QCheckBox(self.communicationBox)
        self.independentInterpreterCheck.setObjectName(u"independentInterpreterCheck")

        self.communicationLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.independentInterpreterCheck)

        self.easyReadCheck = QCheckBox(self.communicationBox)
        self.easyReadCheck.setObjectName(u"easyReadCheck")

        self.communicationLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.easyReadCheck)

        self.largePrintCheck = QCheckBox(self.communicationBox)
        self.largePrintCheck.setObjectName(u"largePrintCheck")

        self.communicationLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.largePrintCheck)


        self.mainLayout.addWidget(self.communicationBox)

        self.notesEdit = QPlainTextEdit(FamilyMemberDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.notesEdit)

        self.buttonBox = QDialogButtonBox(FamilyMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.relationshipLabel.setBuddy(self.relationshipCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.postcodeLabel.setBuddy(self.postcodeEdit)
        self.preferredContactLabel.setBuddy(self.preferredContactCombo)
        self.languageLabel.setBuddy(self.languageEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FamilyMemberDialog)
    # setupUi

    def retranslateUi(self, FamilyMemberDialog):
        FamilyMemberDialog.setWindowTitle(QCoreApplication.translate("FamilyMemberDialog", u"Family member or contact", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.relationshipLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Relationship", None))
#if QT_CONFIG(accessibility)
        self.relationshipCombo.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Relationship to the child", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.parentalResponsibilityCheck.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Has parental responsibility", None))
#endif // QT_CONFIG(accessibility)
        self.parentalResponsibilityCheck.setText(QCoreApplication.translate("FamilyMemberDialog", u"Has &parental responsibility", None))
#if QT_CONFIG(accessibility)
        self.mainContactCheck.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Main contact for the case", None))
#endif // QT_CONFIG(accessibility)
        self.mainContactCheck.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Main contact for the case", None))
        self.phoneLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"P&hone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.postcodeLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"P&ostcode", None))
#if QT_CONFIG(accessibility)
        self.postcodeEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Postcode", None))
#endif // QT_CONFIG(accessibility)
        self.preferredContactLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"Pre&ferred contact", None))
#if QT_CONFIG(accessibility)
        self.preferredContactCombo.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Preferred contact", None))
#endif // QT_CONFIG(accessibility)
        self.communicationBox.setTitle(QCoreApplication.translate("FamilyMemberDialog", u"Communication needs", None))
#if QT_CONFIG(accessibility)
        self.communicationBox.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Communication needs", None))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Language", None))
#if QT_CONFIG(accessibility)
        self.languageEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Language", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.interpreterCheck.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Interpreter needed", None))
#endif // QT_CONFIG(accessibility)
        self.interpreterCheck.setText(QCoreApplication.translate("FamilyMemberDialog", u"&Interpreter needed", None))
#if QT_CONFIG(accessibility)
        self.independentInterpreterCheck.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Independent interpreter (not a family member or friend)", None))
#endif // QT_CONFIG(accessibility)
        self.independentInterpreterCheck.setText(QCoreApplication.translate("FamilyMemberDialog", u"In&dependent interpreter (not a family member or friend)", None))
#if QT_CONFIG(accessibility)
        self.easyReadCheck.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Send letters in easy-read", None))
#endif // QT_CONFIG(accessibility)
        self.easyReadCheck.setText(QCoreApplication.translate("FamilyMemberDialog", u"Send letters in eas&y-read", None))
#if QT_CONFIG(accessibility)
        self.largePrintCheck.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Send letters in large print", None))
#endif // QT_CONFIG(accessibility)
        self.largePrintCheck.setText(QCoreApplication.translate("FamilyMemberDialog", u"Send letters in lar&ge print", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("FamilyMemberDialog", u"Notes (for example, best times to call)", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("FamilyMemberDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
