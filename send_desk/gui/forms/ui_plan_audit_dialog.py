# generated - do not edit: compiled from ui/plan_audit_dialog.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PlanAuditDialog(object):
    def setupUi(self, PlanAuditDialog):
        if not PlanAuditDialog.objectName():
            PlanAuditDialog.setObjectName(u"PlanAuditDialog")
        PlanAuditDialog.resize(720, 640)
        PlanAuditDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PlanAuditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scrollArea = QScrollArea(PlanAuditDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollBody = QWidget()
        self.scrollBody.setObjectName(u"scrollBody")
        self.bodyLayout = QVBoxLayout(self.scrollBody)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.headLabel = QLabel(self.scrollBody)
        self.headLabel.setObjectName(u"headLabel")
        self.headLabel.setWordWrap(True)
        self.headLabel.setTextFormat(Qt.RichText)

        self.bodyLayout.addWidget(self.headLabel)

        self.planText = QPlainTextEdit(self.scrollBody)
        self.planText.setObjectName(u"planText")
        self.planText.setMaximumSize(QSize(16777215, 180))
        self.planText.setReadOnly(True)
        self.planText.setTabChangesFocus(True)

        self.bodyLayout.addWidget(self.planText)

        self.automaticGroup = QGroupBox(self.scrollBody)
        self.automaticGroup.setObjectName(u"automaticGroup")
        self.automaticLayout = QVBoxLayout(self.automaticGroup)
        self.automaticLayout.setObjectName(u"automaticLayout")

        self.bodyLayout.addWidget(self.automaticGroup)

        self.manualGroup = QGroupBox(self.scrollBody)
        self.manualGroup.setObjectName(u"manualGroup")
        self.manualLayout = QFormLayout(self.manualGroup)
        self.manualLayout.setObjectName(u"manualLayout")

        self.bodyLayout.addWidget(self.manualGroup)

        self.overallLabel = QLabel(self.scrollBody)
        self.overallLabel.setObjectName(u"overallLabel")
        self.overallLabel.setWordWrap(True)
        self.overallLabel.setTextFormat(Qt.RichText)

        self.bodyLayout.addWidget(self.overallLabel)

        self.otherLayout = QFormLayout()
        self.otherLayout.setObjectName(u"otherLayout")
        self.commentsLabel = QLabel(self.scrollBody)
        self.commentsLabel.setObjectName(u"commentsLabel")

        self.otherLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.commentsLabel)

        self.commentsEdit = QPlainTextEdit(self.scrollBody)
        self.commentsEdit.setObjectName(u"commentsEdit")
        self.commentsEdit.setMaximumSize(QSize(16777215, 70))
        self.commentsEdit.setTabChangesFocus(True)

        self.otherLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.commentsEdit)

        self.actionLabel = QLabel(self.scrollBody)
        self.actionLabel.setObjectName(u"actionLabel")

        self.otherLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionEdit = QLineEdit(self.scrollBody)
        self.actionEdit.setObjectName(u"actionEdit")

        self.otherLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.actionEdit)

        self.dueLabel = QLabel(self.scrollBody)
        self.dueLabel.setObjectName(u"dueLabel")

        self.otherLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateEdit(self.scrollBody)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.otherLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dueEdit)


        self.bodyLayout.addLayout(self.otherLayout)

        self.errorLabel = QLabel(self.scrollBody)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #a00;")

        self.bodyLayout.addWidget(self.errorLabel)

        self.scrollArea.setWidget(self.scrollBody)

        self.mainLayout.addWidget(self.scrollArea)

        self.buttonBox = QDialogButtonBox(PlanAuditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.commentsLabel.setBuddy(self.commentsEdit)
        self.actionLabel.setBuddy(self.actionEdit)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanAuditDialog)
    # setupUi

    def retranslateUi(self, PlanAuditDialog):
        PlanAuditDialog.setWindowTitle(QCoreApplication.translate("PlanAuditDialog", u"Audit an EHC plan", None))
        self.headLabel.setText("")
#if QT_CONFIG(accessibility)
        self.planText.setAccessibleName(QCoreApplication.translate("PlanAuditDialog", u"The plan as issued, section by section", None))
#endif // QT_CONFIG(accessibility)
        self.automaticGroup.setTitle(QCoreApplication.translate("PlanAuditDialog", u"The plan checker on the issued version (automatic)", None))
        self.manualGroup.setTitle(QCoreApplication.translate("PlanAuditDialog", u"Graded by you: each criterion's section and weight; the grade suggested by the checker is filled in", None))
        self.overallLabel.setText("")
#if QT_CONFIG(accessibility)
        self.overallLabel.setAccessibleName(QCoreApplication.translate("PlanAuditDialog", u"Overall grade", None))
#endif // QT_CONFIG(accessibility)
        self.commentsLabel.setText(QCoreApplication.translate("PlanAuditDialog", u"&Comments", None))
#if QT_CONFIG(accessibility)
        self.commentsEdit.setAccessibleName(QCoreApplication.translate("PlanAuditDialog", u"Comments", None))
#endif // QT_CONFIG(accessibility)
        self.actionLabel.setText(QCoreApplication.translate("PlanAuditDialog", u"&Action for the caseworker", None))
#if QT_CONFIG(accessibility)
        self.actionEdit.setAccessibleName(QCoreApplication.translate("PlanAuditDialog", u"Action for the caseworker", None))
#endif // QT_CONFIG(accessibility)
        self.actionEdit.setPlaceholderText(QCoreApplication.translate("PlanAuditDialog", u"What the caseworker should do, if anything", None))
        self.dueLabel.setText(QCoreApplication.translate("PlanAuditDialog", u"Action &due", None))
#if QT_CONFIG(accessibility)
        self.dueEdit.setAccessibleName(QCoreApplication.translate("PlanAuditDialog", u"Action due", None))
#endif // QT_CONFIG(accessibility)
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("PlanAuditDialog", u"dd/MM/yyyy", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("PlanAuditDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
