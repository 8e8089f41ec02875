# generated - do not edit: compiled from ui/exception_dialog.ui by scripts/compile_forms.py
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

class Ui_ExceptionDialog(object):
    def setupUi(self, ExceptionDialog):
        if not ExceptionDialog.objectName():
            ExceptionDialog.setObjectName(u"ExceptionDialog")
        ExceptionDialog.resize(580, 480)
        ExceptionDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ExceptionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ExceptionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)

        self.mainLayout.addWidget(self.introLabel)

        self.milestoneLabel = QLabel(ExceptionDialog)
        self.milestoneLabel.setObjectName(u"milestoneLabel")
        self.milestoneLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.milestoneLabel)

        self.errorLabel = QLabel(ExceptionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reasonLabel = QLabel(ExceptionDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(ExceptionDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.reasonHelpLabel = QLabel(ExceptionDialog)
        self.reasonHelpLabel.setObjectName(u"reasonHelpLabel")
        self.reasonHelpLabel.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.reasonHelpLabel)

        self.dateLabel = QLabel(ExceptionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ExceptionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.evidenceLabel = QLabel(ExceptionDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceEdit = QPlainTextEdit(ExceptionDialog)
        self.evidenceEdit.setObjectName(u"evidenceEdit")
        self.evidenceEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.evidenceEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ExceptionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.evidenceLabel.setBuddy(self.evidenceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExceptionDialog)
    # setupUi

    def retranslateUi(self, ExceptionDialog):
        ExceptionDialog.setWindowTitle(QCoreApplication.translate("ExceptionDialog", u"Record an exception to a time limit", None))
        self.introLabel.setText(QCoreApplication.translate("ExceptionDialog", u"<b>The due date does not move.</b> An exception records why the council could not practicably meet a time limit. The duty to act as soon as practicable stays, and the family should be told. Staff workload and waiting lists are not exceptions.", None))
        self.milestoneLabel.setText("")
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ExceptionDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ExceptionDialog", u"&Reason the law allows", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("ExceptionDialog", u"Reason the law allows", None))
#endif // QT_CONFIG(accessibility)
        self.reasonHelpLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("ExceptionDialog", u"Recorded &on", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("ExceptionDialog", u"Date the exception is recorded", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ExceptionDialog", u"dd/MM/yyyy", None))
        self.evidenceLabel.setText(QCoreApplication.translate("ExceptionDialog", u"&Evidence", None))
#if QT_CONFIG(accessibility)
        self.evidenceEdit.setAccessibleName(QCoreApplication.translate("ExceptionDialog", u"Evidence that the reason applies", None))
#endif // QT_CONFIG(accessibility)
        self.evidenceEdit.setPlaceholderText(QCoreApplication.translate("ExceptionDialog", u"What shows the reason applies, with dates: for example 'Family abroad 10/02/2026 to 20/03/2026, email from parent 09/02/2026'", None))
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ExceptionDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
