# generated - do not edit: compiled from ui/plan_finalise_dialog.ui by scripts/compile_forms.py
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

class Ui_PlanFinaliseDialog(object):
    def setupUi(self, PlanFinaliseDialog):
        if not PlanFinaliseDialog.objectName():
            PlanFinaliseDialog.setObjectName(u"PlanFinaliseDialog")
        PlanFinaliseDialog.resize(520, 230)
        self.mainLayout = QVBoxLayout(PlanFinaliseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PlanFinaliseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.finaliseForm = QFormLayout()
        self.finaliseForm.setObjectName(u"finaliseForm")
        self.dateLabel = QLabel(PlanFinaliseDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.finaliseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(PlanFinaliseDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.finaliseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.schoolLabel = QLabel(PlanFinaliseDialog)
        self.schoolLabel.setObjectName(u"schoolLabel")

        self.finaliseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.schoolLabel)

        self.schoolCombo = QComboBox(PlanFinaliseDialog)
        self.schoolCombo.setObjectName(u"schoolCombo")
        self.schoolCombo.setEditable(True)
        self.schoolCombo.setInsertPolicy(QComboBox.NoInsert)

        self.finaliseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.schoolCombo)


        self.mainLayout.addLayout(self.finaliseForm)

        self.hintLabel = QLabel(PlanFinaliseDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttons = QDialogButtonBox(PlanFinaliseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.schoolLabel.setBuddy(self.schoolCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanFinaliseDialog)
    # setupUi

    def retranslateUi(self, PlanFinaliseDialog):
        PlanFinaliseDialog.setWindowTitle(QCoreApplication.translate("PlanFinaliseDialog", u"Finalise the plan", None))
#if QT_CONFIG(accessibility)
        PlanFinaliseDialog.setAccessibleName(QCoreApplication.translate("PlanFinaliseDialog", u"Finalise the plan", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("PlanFinaliseDialog", u"Issued &on", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("PlanFinaliseDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("PlanFinaliseDialog", u"Date the plan is issued", None))
#endif // QT_CONFIG(accessibility)
        self.schoolLabel.setText(QCoreApplication.translate("PlanFinaliseDialog", u"&School or setting", None))
#if QT_CONFIG(accessibility)
        self.schoolCombo.setAccessibleName(QCoreApplication.translate("PlanFinaliseDialog", u"School or setting named in Section I", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.schoolCombo.setToolTip(QCoreApplication.translate("PlanFinaliseDialog", u"Choose a setting of the caseload, or type its URN or its name", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("PlanFinaliseDialog", u"The plan names this school or setting in Section I. Choose one of the caseload's settings, or type its URN or its name.", None))
    # retranslateUi
