# generated - do not edit: compiled from ui/allocation_dialog.ui by scripts/compile_forms.py
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AllocationDialog(object):
    def setupUi(self, AllocationDialog):
        if not AllocationDialog.objectName():
            AllocationDialog.setObjectName(u"AllocationDialog")
        AllocationDialog.resize(520, 400)
        AllocationDialog.setModal(True)
        self.mainLayout = QVBoxLayout(AllocationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AllocationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(AllocationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.caseworkerLabel = QLabel(AllocationDialog)
        self.caseworkerLabel.setObjectName(u"caseworkerLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseworkerLabel)

        self.caseworkerCombo = QComboBox(AllocationDialog)
        self.caseworkerCombo.setObjectName(u"caseworkerCombo")
        self.caseworkerCombo.setEditable(True)
        self.caseworkerCombo.setInsertPolicy(QComboBox.NoInsert)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caseworkerCombo)

        self.startDateLabel = QLabel(AllocationDialog)
        self.startDateLabel.setObjectName(u"startDateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startDateLabel)

        self.startDateEdit = QDateEdit(AllocationDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startDateEdit)

        self.reasonLabel = QLabel(AllocationDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(AllocationDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(AllocationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.caseworkerLabel.setBuddy(self.caseworkerCombo)
        self.startDateLabel.setBuddy(self.startDateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AllocationDialog)
    # setupUi

    def retranslateUi(self, AllocationDialog):
        AllocationDialog.setWindowTitle(QCoreApplication.translate("AllocationDialog", u"Allocate caseworker", None))
        self.introLabel.setText(QCoreApplication.translate("AllocationDialog", u"The current allocation ends on the day the new one starts. The family should be told who their new caseworker is.", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AllocationDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.caseworkerLabel.setText(QCoreApplication.translate("AllocationDialog", u"&Caseworker", None))
#if QT_CONFIG(accessibility)
        self.caseworkerCombo.setAccessibleName(QCoreApplication.translate("AllocationDialog", u"Caseworker", None))
#endif // QT_CONFIG(accessibility)
        self.startDateLabel.setText(QCoreApplication.translate("AllocationDialog", u"&From", None))
#if QT_CONFIG(accessibility)
        self.startDateEdit.setAccessibleName(QCoreApplication.translate("AllocationDialog", u"Allocated from", None))
#endif // QT_CONFIG(accessibility)
        self.startDateEdit.setDisplayFormat(QCoreApplication.translate("AllocationDialog", u"dd/MM/yyyy", None))
        self.reasonLabel.setText(QCoreApplication.translate("AllocationDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("AllocationDialog", u"Reason for the change", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("AllocationDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
