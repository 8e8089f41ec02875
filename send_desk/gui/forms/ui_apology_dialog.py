# generated - do not edit: compiled from ui/apology_dialog.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ApologyDialog(object):
    def setupUi(self, ApologyDialog):
        if not ApologyDialog.objectName():
            ApologyDialog.setObjectName(u"ApologyDialog")
        ApologyDialog.resize(560, 420)
        ApologyDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ApologyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ApologyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.missedLabel = QLabel(ApologyDialog)
        self.missedLabel.setObjectName(u"missedLabel")
        self.missedLabel.setWordWrap(True)
        self.missedLabel.setTextFormat(Qt.RichText)

        self.mainLayout.addWidget(self.missedLabel)

        self.errorLabel = QLabel(ApologyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reasonLabel = QLabel(ApologyDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ApologyDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.lettersLabel = QLabel(ApologyDialog)
        self.lettersLabel.setObjectName(u"lettersLabel")
        self.lettersLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.lettersLabel)

        self.progressLabel = QLabel(ApologyDialog)
        self.progressLabel.setObjectName(u"progressLabel")

        self.mainLayout.addWidget(self.progressLabel)

        self.buttonBox = QDialogButtonBox(ApologyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ApologyDialog)
    # setupUi

    def retranslateUi(self, ApologyDialog):
        ApologyDialog.setWindowTitle(QCoreApplication.translate("ApologyDialog", u"A deadline was missed", None))
        self.introLabel.setText(QCoreApplication.translate("ApologyDialog", u"When a statutory deadline is missed the family should hear from the council: an apology, the reason, and what happens next.", None))
        self.missedLabel.setText("")
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ApologyDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ApologyDialog", u"&Reason for the delay", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ApologyDialog", u"Reason for the delay, as the family will read it", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ApologyDialog", u"In plain words, for the family: for example 'The educational psychologist's report arrived late because of illness.'", None))
        self.lettersLabel.setText(QCoreApplication.translate("ApologyDialog", u"Saving records on the child's case that the family is owed an apology, and why. The apology letter then opens in the letter composer with this reason in it, for you to check, save to the record and send.", None))
        self.progressLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ApologyDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
