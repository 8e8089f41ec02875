# generated - do not edit: compiled from ui/complaint_dialog.ui by scripts/compile_forms.py
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ComplaintDialog(object):
    def setupUi(self, ComplaintDialog):
        if not ComplaintDialog.objectName():
            ComplaintDialog.setObjectName(u"ComplaintDialog")
        ComplaintDialog.resize(580, 480)
        ComplaintDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ComplaintDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ComplaintDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(ComplaintDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.receivedEditLabel = QLabel(ComplaintDialog)
        self.receivedEditLabel.setObjectName(u"receivedEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receivedEditLabel)

        self.receivedEdit = QDateEdit(ComplaintDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.complainantComboLabel = QLabel(ComplaintDialog)
        self.complainantComboLabel.setObjectName(u"complainantComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.complainantComboLabel)

        self.complainantCombo = QComboBox(ComplaintDialog)
        self.complainantCombo.setObjectName(u"complainantCombo")
        self.complainantCombo.setEditable(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.complainantCombo)

        self.viaComboLabel = QLabel(ComplaintDialog)
        self.viaComboLabel.setObjectName(u"viaComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.viaComboLabel)

        self.viaCombo = QComboBox(ComplaintDialog)
        self.viaCombo.setObjectName(u"viaCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.viaCombo)

        self.summaryEditLabel = QLabel(ComplaintDialog)
        self.summaryEditLabel.setObjectName(u"summaryEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.summaryEditLabel)

        self.summaryEdit = QPlainTextEdit(ComplaintDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.caseworkerComboLabel = QLabel(ComplaintDialog)
        self.caseworkerComboLabel.setObjectName(u"caseworkerComboLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.caseworkerComboLabel)

        self.caseworkerCombo = QComboBox(ComplaintDialog)
        self.caseworkerCombo.setObjectName(u"caseworkerCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.caseworkerCombo)

        self.rootCauseComboLabel = QLabel(ComplaintDialog)
        self.rootCauseComboLabel.setObjectName(u"rootCauseComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.rootCauseComboLabel)

        self.rootCauseCombo = QComboBox(ComplaintDialog)
        self.rootCauseCombo.setObjectName(u"rootCauseCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rootCauseCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ComplaintDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.receivedEditLabel.setBuddy(self.receivedEdit)
        self.complainantComboLabel.setBuddy(self.complainantCombo)
        self.viaComboLabel.setBuddy(self.viaCombo)
        self.summaryEditLabel.setBuddy(self.summaryEdit)
        self.caseworkerComboLabel.setBuddy(self.caseworkerCombo)
        self.rootCauseComboLabel.setBuddy(self.rootCauseCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ComplaintDialog)
    # setupUi

    def retranslateUi(self, ComplaintDialog):
        ComplaintDialog.setWindowTitle(QCoreApplication.translate("ComplaintDialog", u"Record a complaint", None))
        self.introLabel.setText(QCoreApplication.translate("ComplaintDialog", u"A complaint is recorded on the record of the child or young person it is about. Stage 1 starts on the day it was received, with its dates from the service standard.", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.receivedEditLabel.setText(QCoreApplication.translate("ComplaintDialog", u"&Received on", None))
#if QT_CONFIG(accessibility)
        self.receivedEdit.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"Date the complaint was received", None))
#endif // QT_CONFIG(accessibility)
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("ComplaintDialog", u"dd/MM/yyyy", None))
        self.complainantComboLabel.setText(QCoreApplication.translate("ComplaintDialog", u"&From", None))
#if QT_CONFIG(accessibility)
        self.complainantCombo.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"Who complained", None))
#endif // QT_CONFIG(accessibility)
        self.viaComboLabel.setText(QCoreApplication.translate("ComplaintDialog", u"&How", None))
#if QT_CONFIG(accessibility)
        self.viaCombo.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"How the complaint came", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEditLabel.setText(QCoreApplication.translate("ComplaintDialog", u"&About", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"What the complaint is about", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("ComplaintDialog", u"One point a line", None))
        self.caseworkerComboLabel.setText(QCoreApplication.translate("ComplaintDialog", u"Case&worker", None))
#if QT_CONFIG(accessibility)
        self.caseworkerCombo.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"Caseworker the complaint is linked to", None))
#endif // QT_CONFIG(accessibility)
        self.rootCauseComboLabel.setText(QCoreApplication.translate("ComplaintDialog", u"Roo&t cause", None))
#if QT_CONFIG(accessibility)
        self.rootCauseCombo.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"Root cause (can be added later)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ComplaintDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
