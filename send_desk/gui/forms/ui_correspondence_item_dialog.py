# generated - do not edit: compiled from ui/correspondence_item_dialog.ui by scripts/compile_forms.py
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CorrespondenceItemDialog(object):
    def setupUi(self, CorrespondenceItemDialog):
        if not CorrespondenceItemDialog.objectName():
            CorrespondenceItemDialog.setObjectName(u"CorrespondenceItemDialog")
        CorrespondenceItemDialog.resize(560, 520)
        CorrespondenceItemDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CorrespondenceItemDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CorrespondenceItemDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(CorrespondenceItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.directionComboLabel = QLabel(CorrespondenceItemDialog)
        self.directionComboLabel.setObjectName(u"directionComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.directionComboLabel)

        self.directionCombo = QComboBox(CorrespondenceItemDialog)
        self.directionCombo.setObjectName(u"directionCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.channelComboLabel = QLabel(CorrespondenceItemDialog)
        self.channelComboLabel.setObjectName(u"channelComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelComboLabel)

        self.channelCombo = QComboBox(CorrespondenceItemDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.contactDateEditLabel = QLabel(CorrespondenceItemDialog)
        self.contactDateEditLabel.setObjectName(u"contactDateEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactDateEditLabel)

        self.contactDateEdit = QDateEdit(CorrespondenceItemDialog)
        self.contactDateEdit.setObjectName(u"contactDateEdit")
        self.contactDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactDateEdit)

        self.correspondentComboLabel = QLabel(CorrespondenceItemDialog)
        self.correspondentComboLabel.setObjectName(u"correspondentComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.correspondentComboLabel)

        self.correspondentCombo = QComboBox(CorrespondenceItemDialog)
        self.correspondentCombo.setObjectName(u"correspondentCombo")
        self.correspondentCombo.setEditable(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.correspondentCombo)

        self.summaryEditLabel = QLabel(CorrespondenceItemDialog)
        self.summaryEditLabel.setObjectName(u"summaryEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.summaryEditLabel)

        self.summaryEdit = QPlainTextEdit(CorrespondenceItemDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.referenceEditLabel = QLabel(CorrespondenceItemDialog)
        self.referenceEditLabel.setObjectName(u"referenceEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.referenceEditLabel)

        self.referenceEdit = QLineEdit(CorrespondenceItemDialog)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.needsResponseCheck = QCheckBox(CorrespondenceItemDialog)
        self.needsResponseCheck.setObjectName(u"needsResponseCheck")
        self.needsResponseCheck.setChecked(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.needsResponseCheck)

        self.dueValueLabel = QLabel(CorrespondenceItemDialog)
        self.dueValueLabel.setObjectName(u"dueValueLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.dueValueLabel)

        self.dueValue = QLabel(CorrespondenceItemDialog)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setWordWrap(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dueValue)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(CorrespondenceItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.directionComboLabel.setBuddy(self.directionCombo)
        self.channelComboLabel.setBuddy(self.channelCombo)
        self.contactDateEditLabel.setBuddy(self.contactDateEdit)
        self.correspondentComboLabel.setBuddy(self.correspondentCombo)
        self.summaryEditLabel.setBuddy(self.summaryEdit)
        self.referenceEditLabel.setBuddy(self.referenceEdit)
        self.dueValueLabel.setBuddy(self.dueValue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CorrespondenceItemDialog)
    # setupUi

    def retranslateUi(self, CorrespondenceItemDialog):
        CorrespondenceItemDialog.setWindowTitle(QCoreApplication.translate("CorrespondenceItemDialog", u"Log correspondence", None))
        self.introLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"Log an email, letter, call or portal message. The date a reply is due comes from the service standard for the channel, in working days.", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.directionComboLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"&Direction", None))
#if QT_CONFIG(accessibility)
        self.directionCombo.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"From or to the family", None))
#endif // QT_CONFIG(accessibility)
        self.channelComboLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"Ch&annel", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Channel", None))
#endif // QT_CONFIG(accessibility)
        self.contactDateEditLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"Da&te", None))
#if QT_CONFIG(accessibility)
        self.contactDateEdit.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Date it arrived or was sent", None))
#endif // QT_CONFIG(accessibility)
        self.contactDateEdit.setDisplayFormat(QCoreApplication.translate("CorrespondenceItemDialog", u"dd/MM/yyyy", None))
        self.correspondentComboLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"&Who", None))
#if QT_CONFIG(accessibility)
        self.correspondentCombo.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Who it came from or went to", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEditLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"S&ummary", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"What it is about", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("CorrespondenceItemDialog", u"In a sentence: what they asked or told us", None))
        self.referenceEditLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"Re&ference", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Reference: the email's subject or message id, or the portal reference", None))
#endif // QT_CONFIG(accessibility)
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("CorrespondenceItemDialog", u"Optional: the email's subject or message id, or the portal reference", None))
#if QT_CONFIG(accessibility)
        self.needsResponseCheck.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Needs a reply", None))
#endif // QT_CONFIG(accessibility)
        self.needsResponseCheck.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"Needs a &reply", None))
        self.dueValueLabel.setText(QCoreApplication.translate("CorrespondenceItemDialog", u"Reply due", None))
#if QT_CONFIG(accessibility)
        self.dueValue.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Reply due", None))
#endif // QT_CONFIG(accessibility)
        self.dueValue.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("CorrespondenceItemDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
