# generated - do not edit: compiled from ui/letter_composer.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDialog, QFormLayout, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSplitter, QTextBrowser,
    QVBoxLayout, QWidget)

class Ui_LetterComposer(object):
    def setupUi(self, LetterComposer):
        if not LetterComposer.objectName():
            LetterComposer.setObjectName(u"LetterComposer")
        LetterComposer.resize(1280, 700)
        self.mainLayout = QVBoxLayout(LetterComposer)
        self.mainLayout.setObjectName(u"mainLayout")
        self.choiceRow = QHBoxLayout()
        self.choiceRow.setObjectName(u"choiceRow")
        self.templateLabel = QLabel(LetterComposer)
        self.templateLabel.setObjectName(u"templateLabel")

        self.choiceRow.addWidget(self.templateLabel)

        self.templateCombo = QComboBox(LetterComposer)
        self.templateCombo.setObjectName(u"templateCombo")
        self.templateCombo.setMinimumContentsLength(40)

        self.choiceRow.addWidget(self.templateCombo)

        self.variantLabel = QLabel(LetterComposer)
        self.variantLabel.setObjectName(u"variantLabel")

        self.choiceRow.addWidget(self.variantLabel)

        self.variantCombo = QComboBox(LetterComposer)
        self.variantCombo.setObjectName(u"variantCombo")

        self.choiceRow.addWidget(self.variantCombo)

        self.dateLabel = QLabel(LetterComposer)
        self.dateLabel.setObjectName(u"dateLabel")

        self.choiceRow.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(LetterComposer)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.choiceRow.addWidget(self.dateEdit)

        self.recipientLabel = QLabel(LetterComposer)
        self.recipientLabel.setObjectName(u"recipientLabel")

        self.choiceRow.addWidget(self.recipientLabel)

        self.recipientCombo = QComboBox(LetterComposer)
        self.recipientCombo.setObjectName(u"recipientCombo")

        self.choiceRow.addWidget(self.recipientCombo)

        self.choiceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choiceRow.addItem(self.choiceSpacer)


        self.mainLayout.addLayout(self.choiceRow)

        self.purposeLabel = QLabel(LetterComposer)
        self.purposeLabel.setObjectName(u"purposeLabel")
        self.purposeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.purposeLabel)

        self.splitter = QSplitter(LetterComposer)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.inputsArea = QScrollArea(self.splitter)
        self.inputsArea.setObjectName(u"inputsArea")
        self.inputsArea.setWidgetResizable(True)
        self.inputsWidget = QWidget()
        self.inputsWidget.setObjectName(u"inputsWidget")
        self.inputsLayout = QVBoxLayout(self.inputsWidget)
        self.inputsLayout.setObjectName(u"inputsLayout")
        self.inputsHeading = QLabel(self.inputsWidget)
        self.inputsHeading.setObjectName(u"inputsHeading")

        self.inputsLayout.addWidget(self.inputsHeading)

        self.inputsForm = QFormLayout()
        self.inputsForm.setObjectName(u"inputsForm")

        self.inputsLayout.addLayout(self.inputsForm)

        self.needsLabel = QLabel(self.inputsWidget)
        self.needsLabel.setObjectName(u"needsLabel")
        self.needsLabel.setWordWrap(True)

        self.inputsLayout.addWidget(self.needsLabel)

        self.inputsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.inputsLayout.addItem(self.inputsSpacer)

        self.inputsArea.setWidget(self.inputsWidget)
        self.splitter.addWidget(self.inputsArea)
        self.previewBrowser = QTextBrowser(self.splitter)
        self.previewBrowser.setObjectName(u"previewBrowser")
        self.previewBrowser.setOpenLinks(False)
        self.splitter.addWidget(self.previewBrowser)
        self.checkPanel = QWidget(self.splitter)
        self.checkPanel.setObjectName(u"checkPanel")
        self.checkLayout = QVBoxLayout(self.checkPanel)
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkLayout.setContentsMargins(0, 0, 0, 0)
        self.checkHeading = QLabel(self.checkPanel)
        self.checkHeading.setObjectName(u"checkHeading")

        self.checkLayout.addWidget(self.checkHeading)

        self.checkSummaryLabel = QLabel(self.checkPanel)
        self.checkSummaryLabel.setObjectName(u"checkSummaryLabel")
        self.checkSummaryLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.checkSummaryLabel)

        self.issuesList = QListWidget(self.checkPanel)
        self.issuesList.setObjectName(u"issuesList")
        self.issuesList.setWordWrap(True)

        self.checkLayout.addWidget(self.issuesList)

        self.recordsLabel = QLabel(self.checkPanel)
        self.recordsLabel.setObjectName(u"recordsLabel")
        self.recordsLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.recordsLabel)

        self.recordEventsCheck = QCheckBox(self.checkPanel)
        self.recordEventsCheck.setObjectName(u"recordEventsCheck")
        self.recordEventsCheck.setChecked(True)

        self.checkLayout.addWidget(self.recordEventsCheck)

        self.splitter.addWidget(self.checkPanel)

        self.mainLayout.addWidget(self.splitter)

        self.statusLabel = QLabel(LetterComposer)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.saveButton = QPushButton(LetterComposer)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.printButton = QPushButton(LetterComposer)
        self.printButton.setObjectName(u"printButton")

        self.buttonRow.addWidget(self.printButton)

        self.emailButton = QPushButton(LetterComposer)
        self.emailButton.setObjectName(u"emailButton")

        self.buttonRow.addWidget(self.emailButton)

        self.wordButton = QPushButton(LetterComposer)
        self.wordButton.setObjectName(u"wordButton")

        self.buttonRow.addWidget(self.wordButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(LetterComposer)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.templateLabel.setBuddy(self.templateCombo)
        self.variantLabel.setBuddy(self.variantCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.recipientLabel.setBuddy(self.recipientCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.templateCombo, self.variantCombo)
        QWidget.setTabOrder(self.variantCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.recipientCombo)
        QWidget.setTabOrder(self.recipientCombo, self.inputsArea)
        QWidget.setTabOrder(self.inputsArea, self.previewBrowser)
        QWidget.setTabOrder(self.previewBrowser, self.issuesList)
        QWidget.setTabOrder(self.issuesList, self.recordEventsCheck)
        QWidget.setTabOrder(self.recordEventsCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.emailButton)
        QWidget.setTabOrder(self.emailButton, self.wordButton)
        QWidget.setTabOrder(self.wordButton, self.closeButton)

        self.retranslateUi(LetterComposer)
    # setupUi

    def retranslateUi(self, LetterComposer):
        LetterComposer.setWindowTitle(QCoreApplication.translate("LetterComposer", u"Write a letter", None))
        self.templateLabel.setText(QCoreApplication.translate("LetterComposer", u"&Letter:", None))
#if QT_CONFIG(accessibility)
        self.templateCombo.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Letter template", None))
#endif // QT_CONFIG(accessibility)
        self.variantLabel.setText(QCoreApplication.translate("LetterComposer", u"&Format:", None))
#if QT_CONFIG(accessibility)
        self.variantCombo.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Format: standard, large print or easy read", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("LetterComposer", u"&Date:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("LetterComposer", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Date of the letter", None))
#endif // QT_CONFIG(accessibility)
        self.recipientLabel.setText(QCoreApplication.translate("LetterComposer", u"&To:", None))
#if QT_CONFIG(accessibility)
        self.recipientCombo.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Who the letter is to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.inputsArea.setAccessibleName(QCoreApplication.translate("LetterComposer", u"What the letter needs from you", None))
#endif // QT_CONFIG(accessibility)
        self.inputsHeading.setText(QCoreApplication.translate("LetterComposer", u"<b>What the letter needs from you</b>", None))
#if QT_CONFIG(accessibility)
        self.needsLabel.setAccessibleName(QCoreApplication.translate("LetterComposer", u"The family's communication needs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewBrowser.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Preview of the letter", None))
#endif // QT_CONFIG(accessibility)
        self.checkHeading.setText(QCoreApplication.translate("LetterComposer", u"<b>Plain-English check</b>", None))
#if QT_CONFIG(accessibility)
        self.checkSummaryLabel.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Result of the plain-English check", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.issuesList.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Problems found: choose one to see it in the letter", None))
#endif // QT_CONFIG(accessibility)
        self.recordEventsCheck.setText(QCoreApplication.translate("LetterComposer", u"&Record these events on the case when the letter is saved", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("LetterComposer", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("LetterComposer", u"&Save to record", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("LetterComposer", u"Save the letter to the child's record, not yet sent (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("LetterComposer", u"&Print and mark posted", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("LetterComposer", u"Save to the record, print the letter and mark it sent by post (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.emailButton.setText(QCoreApplication.translate("LetterComposer", u"Save PDF for &email", None))
#if QT_CONFIG(tooltip)
        self.emailButton.setToolTip(QCoreApplication.translate("LetterComposer", u"Save to the record, save the PDF to attach to an email, and mark it emailed", None))
#endif // QT_CONFIG(tooltip)
        self.wordButton.setText(QCoreApplication.translate("LetterComposer", u"Save as &Word\u2026", None))
#if QT_CONFIG(tooltip)
        self.wordButton.setToolTip(QCoreApplication.translate("LetterComposer", u"Save an editable Word copy (the record keeps the letter as it is now)", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("LetterComposer", u"Close", None))
    # retranslateUi
