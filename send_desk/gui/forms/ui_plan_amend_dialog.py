# generated - do not edit: compiled from ui/plan_amend_dialog.ui by scripts/compile_forms.py
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PlanAmendDialog(object):
    def setupUi(self, PlanAmendDialog):
        if not PlanAmendDialog.objectName():
            PlanAmendDialog.setObjectName(u"PlanAmendDialog")
        PlanAmendDialog.resize(520, 300)
        self.mainLayout = QVBoxLayout(PlanAmendDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PlanAmendDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.amendForm = QFormLayout()
        self.amendForm.setObjectName(u"amendForm")
        self.dateLabel = QLabel(PlanAmendDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.amendForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(PlanAmendDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.amendForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reasonLabel = QLabel(PlanAmendDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.amendForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(PlanAmendDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.amendForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.amendForm)

        self.buttons = QDialogButtonBox(PlanAmendDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanAmendDialog)
    # setupUi

    def retranslateUi(self, PlanAmendDialog):
        PlanAmendDialog.setWindowTitle(QCoreApplication.translate("PlanAmendDialog", u"Propose an amendment", None))
#if QT_CONFIG(accessibility)
        PlanAmendDialog.setAccessibleName(QCoreApplication.translate("PlanAmendDialog", u"Propose an amendment of the plan", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("PlanAmendDialog", u"The amendment notice sends the family the changes to the plan in force, as this draft makes them. They have 15 days to comment before the amended plan is issued.", None))
        self.dateLabel.setText(QCoreApplication.translate("PlanAmendDialog", u"Issued &on", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("PlanAmendDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("PlanAmendDialog", u"Date the amendment notice is issued", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("PlanAmendDialog", u"&Reason (required)", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("PlanAmendDialog", u"Why the plan is amended", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("PlanAmendDialog", u"For example: the annual review found the needs in communication have changed", None))
    # retranslateUi
