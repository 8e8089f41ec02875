# generated - do not edit: compiled from ui/plan_export_dialog.ui by scripts/compile_forms.py
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PlanExportDialog(object):
    def setupUi(self, PlanExportDialog):
        if not PlanExportDialog.objectName():
            PlanExportDialog.setObjectName(u"PlanExportDialog")
        PlanExportDialog.resize(560, 280)
        self.mainLayout = QVBoxLayout(PlanExportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.exportForm = QFormLayout()
        self.exportForm.setObjectName(u"exportForm")
        self.versionLabel = QLabel(PlanExportDialog)
        self.versionLabel.setObjectName(u"versionLabel")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.versionLabel)

        self.versionCombo = QComboBox(PlanExportDialog)
        self.versionCombo.setObjectName(u"versionCombo")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.versionCombo)

        self.formatLabel = QLabel(PlanExportDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.exportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(PlanExportDialog)
        self.formatCombo.setObjectName(u"formatCombo")

        self.exportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.pathLabel = QLabel(PlanExportDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.exportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathLayout = QHBoxLayout()
        self.pathLayout.setObjectName(u"pathLayout")
        self.pathEdit = QLineEdit(PlanExportDialog)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathLayout.addWidget(self.pathEdit)

        self.browseButton = QPushButton(PlanExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.pathLayout.addWidget(self.browseButton)


        self.exportForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.pathLayout)


        self.mainLayout.addLayout(self.exportForm)

        self.appendicesCheck = QCheckBox(PlanExportDialog)
        self.appendicesCheck.setObjectName(u"appendicesCheck")

        self.mainLayout.addWidget(self.appendicesCheck)

        self.missingCheck = QCheckBox(PlanExportDialog)
        self.missingCheck.setObjectName(u"missingCheck")

        self.mainLayout.addWidget(self.missingCheck)

        self.noteLabel = QLabel(PlanExportDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.buttons = QDialogButtonBox(PlanExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.versionLabel.setBuddy(self.versionCombo)
        self.formatLabel.setBuddy(self.formatCombo)
        self.pathLabel.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanExportDialog)
    # setupUi

    def retranslateUi(self, PlanExportDialog):
        PlanExportDialog.setWindowTitle(QCoreApplication.translate("PlanExportDialog", u"Export the plan", None))
#if QT_CONFIG(accessibility)
        PlanExportDialog.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"Export the plan", None))
#endif // QT_CONFIG(accessibility)
        self.versionLabel.setText(QCoreApplication.translate("PlanExportDialog", u"&Version", None))
#if QT_CONFIG(accessibility)
        self.versionCombo.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"Version of the plan to export", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("PlanExportDialog", u"&Format", None))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"File format", None))
#endif // QT_CONFIG(accessibility)
        self.pathLabel.setText(QCoreApplication.translate("PlanExportDialog", u"Save &to", None))
#if QT_CONFIG(accessibility)
        self.pathEdit.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"File to save the plan to", None))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(QCoreApplication.translate("PlanExportDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"Choose the file", None))
#endif // QT_CONFIG(accessibility)
        self.appendicesCheck.setText(QCoreApplication.translate("PlanExportDialog", u"&Append the advice as appendices", None))
#if QT_CONFIG(accessibility)
        self.appendicesCheck.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"Append the advice reports as appendices (PDF only)", None))
#endif // QT_CONFIG(accessibility)
        self.missingCheck.setText(QCoreApplication.translate("PlanExportDialog", u"Give reports &not on this laptop a page saying they are sent separately", None))
#if QT_CONFIG(accessibility)
        self.missingCheck.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"A page for advice reports not on this laptop", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText("")
#if QT_CONFIG(accessibility)
        self.noteLabel.setAccessibleName(QCoreApplication.translate("PlanExportDialog", u"About the appendices", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
