# generated - do not edit: compiled from ui/record_event_dialog.ui by scripts/compile_forms.py
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
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_RecordEventDialog(object):
    def setupUi(self, RecordEventDialog):
        if not RecordEventDialog.objectName():
            RecordEventDialog.setObjectName(u"RecordEventDialog")
        RecordEventDialog.resize(560, 420)
        RecordEventDialog.setModal(True)
        self.mainLayout = QVBoxLayout(RecordEventDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(RecordEventDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.milestoneLabel = QLabel(RecordEventDialog)
        self.milestoneLabel.setObjectName(u"milestoneLabel")
        self.milestoneLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.milestoneLabel)

        self.errorLabel = QLabel(RecordEventDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.typeLabel = QLabel(RecordEventDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(RecordEventDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.dateLabel = QLabel(RecordEventDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(RecordEventDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.extrasLayout = QFormLayout()
        self.extrasLayout.setObjectName(u"extrasLayout")

        self.mainLayout.addLayout(self.extrasLayout)

        self.evidenceLayout = QFormLayout()
        self.evidenceLayout.setObjectName(u"evidenceLayout")
        self.evidenceLabel = QLabel(RecordEventDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.evidenceLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceEdit = QLineEdit(RecordEventDialog)
        self.evidenceEdit.setObjectName(u"evidenceEdit")

        self.evidenceLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.evidenceEdit)


        self.mainLayout.addLayout(self.evidenceLayout)

        self.confirmDatesCheck = QCheckBox(RecordEventDialog)
        self.confirmDatesCheck.setObjectName(u"confirmDatesCheck")

        self.mainLayout.addWidget(self.confirmDatesCheck)

        self.buttonBox = QDialogButtonBox(RecordEventDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.typeLabel.setBuddy(self.typeCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.evidenceLabel.setBuddy(self.evidenceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordEventDialog)
    # setupUi

    def retranslateUi(self, RecordEventDialog):
        RecordEventDialog.setWindowTitle(QCoreApplication.translate("RecordEventDialog", u"Record what happened", None))
        self.introLabel.setText(QCoreApplication.translate("RecordEventDialog", u"Record an event on the child's case. SEND Desk checks it against the other events and works out the deadlines again.", None))
        self.milestoneLabel.setText("")
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("RecordEventDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(QCoreApplication.translate("RecordEventDialog", u"&What happened", None))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(QCoreApplication.translate("RecordEventDialog", u"What happened", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("RecordEventDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("RecordEventDialog", u"Date it happened", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("RecordEventDialog", u"dd/MM/yyyy", None))
        self.evidenceLabel.setText(QCoreApplication.translate("RecordEventDialog", u"E&vidence (optional)", None))
#if QT_CONFIG(accessibility)
        self.evidenceEdit.setAccessibleName(QCoreApplication.translate("RecordEventDialog", u"Evidence attached to the event", None))
#endif // QT_CONFIG(accessibility)
        self.evidenceEdit.setPlaceholderText(QCoreApplication.translate("RecordEventDialog", u"A letter reference or document name", None))
        self.confirmDatesCheck.setText(QCoreApplication.translate("RecordEventDialog", u"The date is &right: this happened before the other events", None))
#if QT_CONFIG(accessibility)
        self.confirmDatesCheck.setAccessibleName(QCoreApplication.translate("RecordEventDialog", u"Confirm the date although it comes before the other events", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("RecordEventDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
