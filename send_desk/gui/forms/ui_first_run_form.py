# generated - do not edit: compiled from ui/first_run_form.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_FirstRunForm(object):
    def setupUi(self, FirstRunForm):
        if not FirstRunForm.objectName():
            FirstRunForm.setObjectName(u"FirstRunForm")
        FirstRunForm.resize(420, 300)
        self.mainLayout = QVBoxLayout(FirstRunForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(FirstRunForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(FirstRunForm)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.passwordLabel = QLabel(FirstRunForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(FirstRunForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.confirmLabel = QLabel(FirstRunForm)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(FirstRunForm)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.strengthLabel = QLabel(FirstRunForm)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.strengthLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.createButton = QPushButton(FirstRunForm)
        self.createButton.setObjectName(u"createButton")

        self.buttonLayout.addWidget(self.createButton)

        self.demoButton = QPushButton(FirstRunForm)
        self.demoButton.setObjectName(u"demoButton")

        self.buttonLayout.addWidget(self.demoButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.demoLabel = QLabel(FirstRunForm)
        self.demoLabel.setObjectName(u"demoLabel")
        self.demoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.demoLabel)

        self.progressBar = QProgressBar(FirstRunForm)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setTextVisible(False)

        self.mainLayout.addWidget(self.progressBar)

        self.progressLabel = QLabel(FirstRunForm)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.progressLabel)

#if QT_CONFIG(shortcut)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunForm)
    # setupUi

    def retranslateUi(self, FirstRunForm):
        self.titleLabel.setText(QCoreApplication.translate("FirstRunForm", u"Welcome to SEND Desk", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunForm", u"Case data on this laptop is kept in an encrypted store that only your password opens. Choose a password you will remember: it cannot be recovered.", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstRunForm", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("FirstRunForm", u"&Again", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Type the password again", None))
#endif // QT_CONFIG(accessibility)
        self.strengthLabel.setText(QCoreApplication.translate("FirstRunForm", u"At least 10 characters.", None))
#if QT_CONFIG(accessibility)
        self.strengthLabel.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Password strength", None))
#endif // QT_CONFIG(accessibility)
        self.createButton.setText(QCoreApplication.translate("FirstRunForm", u"&Create an empty store", None))
#if QT_CONFIG(accessibility)
        self.createButton.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Create an empty store", None))
#endif // QT_CONFIG(accessibility)
        self.demoButton.setText(QCoreApplication.translate("FirstRunForm", u"Load the &demo caseload", None))
#if QT_CONFIG(accessibility)
        self.demoButton.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Load the demo caseload of synthetic children", None))
#endif // QT_CONFIG(accessibility)
        self.demoLabel.setText(QCoreApplication.translate("FirstRunForm", u"The demo caseload holds 2,000 synthetic children, families and staff (no real people) so you can try every screen.", None))
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.progressLabel.setText("")
#if QT_CONFIG(accessibility)
        self.progressLabel.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Progress message", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
