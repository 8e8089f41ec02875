# generated - do not edit: compiled from ui/plan_issue_dialog.ui by scripts/compile_forms.py
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PlanIssueDialog(object):
    def setupUi(self, PlanIssueDialog):
        if not PlanIssueDialog.objectName():
            PlanIssueDialog.setObjectName(u"PlanIssueDialog")
        PlanIssueDialog.resize(460, 200)
        self.mainLayout = QVBoxLayout(PlanIssueDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PlanIssueDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.issueForm = QFormLayout()
        self.issueForm.setObjectName(u"issueForm")
        self.dateLabel = QLabel(PlanIssueDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.issueForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(PlanIssueDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.issueForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.issueForm)

        self.commentsLabel = QLabel(PlanIssueDialog)
        self.commentsLabel.setObjectName(u"commentsLabel")
        self.commentsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.commentsLabel)

        self.buttons = QDialogButtonBox(PlanIssueDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanIssueDialog)
    # setupUi

    def retranslateUi(self, PlanIssueDialog):
        PlanIssueDialog.setWindowTitle(QCoreApplication.translate("PlanIssueDialog", u"Issue the draft plan", None))
#if QT_CONFIG(accessibility)
        PlanIssueDialog.setAccessibleName(QCoreApplication.translate("PlanIssueDialog", u"Issue the draft plan", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("PlanIssueDialog", u"Issuing sends the draft to the family, who have 15 days to comment and to ask for a school. The draft names no school.", None))
        self.dateLabel.setText(QCoreApplication.translate("PlanIssueDialog", u"&Issued on", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("PlanIssueDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("PlanIssueDialog", u"Date the draft plan is issued", None))
#endif // QT_CONFIG(accessibility)
        self.commentsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.commentsLabel.setAccessibleName(QCoreApplication.translate("PlanIssueDialog", u"When comments are due", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
