# generated - do not edit: compiled from ui/note_editor.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateTimeEdit, QDialog,
    QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_NoteEditorDialog(object):
    def setupUi(self, NoteEditorDialog):
        if not NoteEditorDialog.objectName():
            NoteEditorDialog.setObjectName(u"NoteEditorDialog")
        NoteEditorDialog.resize(1180, 700)
        self.mainLayout = QVBoxLayout(NoteEditorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(NoteEditorDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.splitter = QSplitter(NoteEditorDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.fieldsScroll = QScrollArea(self.splitter)
        self.fieldsScroll.setObjectName(u"fieldsScroll")
        self.fieldsScroll.setWidgetResizable(True)
        self.fieldsWidget = QWidget()
        self.fieldsWidget.setObjectName(u"fieldsWidget")
        self.fieldsForm = QFormLayout(self.fieldsWidget)
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.kindLabel = QLabel(self.fieldsWidget)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.fieldsWidget)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.occurredLabel = QLabel(self.fieldsWidget)
        self.occurredLabel.setObjectName(u"occurredLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.occurredLabel)

        self.occurredEdit = QDateTimeEdit(self.fieldsWidget)
        self.occurredEdit.setObjectName(u"occurredEdit")
        self.occurredEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.occurredEdit)

        self.recordedLabel = QLabel(self.fieldsWidget)
        self.recordedLabel.setObjectName(u"recordedLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recordedLabel)

        self.recordedEdit = QDateTimeEdit(self.fieldsWidget)
        self.recordedEdit.setObjectName(u"recordedEdit")
        self.recordedEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recordedEdit)

        self.attendeesLabel = QLabel(self.fieldsWidget)
        self.attendeesLabel.setObjectName(u"attendeesLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.attendeesLabel)

        self.attendeesBox = QVBoxLayout()
        self.attendeesBox.setObjectName(u"attendeesBox")
        self.attendeesTable = QTableWidget(self.fieldsWidget)
        if (self.attendeesTable.columnCount() < 3):
            self.attendeesTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.attendeesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.attendeesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.attendeesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.attendeesTable.setObjectName(u"attendeesTable")
        self.attendeesTable.setTabKeyNavigation(False)
        self.attendeesTable.setMinimumSize(QSize(0, 96))
        self.attendeesTable.horizontalHeader().setStretchLastSection(True)
        self.attendeesTable.verticalHeader().setVisible(False)

        self.attendeesBox.addWidget(self.attendeesTable)

        self.attendeeButtons = QHBoxLayout()
        self.attendeeButtons.setObjectName(u"attendeeButtons")
        self.addAttendeeButton = QPushButton(self.fieldsWidget)
        self.addAttendeeButton.setObjectName(u"addAttendeeButton")

        self.attendeeButtons.addWidget(self.addAttendeeButton)

        self.removeAttendeeButton = QPushButton(self.fieldsWidget)
        self.removeAttendeeButton.setObjectName(u"removeAttendeeButton")

        self.attendeeButtons.addWidget(self.removeAttendeeButton)

        self.attendeeButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendeeButtons.addItem(self.attendeeButtonsSpacer)


        self.attendeesBox.addLayout(self.attendeeButtons)


        self.fieldsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.attendeesBox)

        self.purposeLabel = QLabel(self.fieldsWidget)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeEdit = QLineEdit(self.fieldsWidget)
        self.purposeEdit.setObjectName(u"purposeEdit")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.bodyLabel = QLabel(self.fieldsWidget)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyBox = QVBoxLayout()
        self.bodyBox.setObjectName(u"bodyBox")
        self.bodyEdit = QPlainTextEdit(self.fieldsWidget)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setMinimumSize(QSize(0, 150))

        self.bodyBox.addWidget(self.bodyEdit)

        self.acronymHint = QLabel(self.fieldsWidget)
        self.acronymHint.setObjectName(u"acronymHint")
        self.acronymHint.setWordWrap(True)

        self.bodyBox.addWidget(self.acronymHint)

        self.acronymButtons = QHBoxLayout()
        self.acronymButtons.setObjectName(u"acronymButtons")
        self.spellOutButton = QPushButton(self.fieldsWidget)
        self.spellOutButton.setObjectName(u"spellOutButton")

        self.acronymButtons.addWidget(self.spellOutButton)

        self.acronymButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.acronymButtons.addItem(self.acronymButtonsSpacer)


        self.bodyBox.addLayout(self.acronymButtons)


        self.fieldsForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.bodyBox)

        self.childVoiceLabel = QLabel(self.fieldsWidget)
        self.childVoiceLabel.setObjectName(u"childVoiceLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.childVoiceLabel)

        self.childVoiceEdit = QPlainTextEdit(self.fieldsWidget)
        self.childVoiceEdit.setObjectName(u"childVoiceEdit")
        self.childVoiceEdit.setMaximumSize(QSize(16777215, 70))

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.childVoiceEdit)

        self.childVoiceReasonLabel = QLabel(self.fieldsWidget)
        self.childVoiceReasonLabel.setObjectName(u"childVoiceReasonLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.childVoiceReasonLabel)

        self.childVoiceReasonEdit = QLineEdit(self.fieldsWidget)
        self.childVoiceReasonEdit.setObjectName(u"childVoiceReasonEdit")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.childVoiceReasonEdit)

        self.parentViewsLabel = QLabel(self.fieldsWidget)
        self.parentViewsLabel.setObjectName(u"parentViewsLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.parentViewsLabel)

        self.parentViewsEdit = QPlainTextEdit(self.fieldsWidget)
        self.parentViewsEdit.setObjectName(u"parentViewsEdit")
        self.parentViewsEdit.setMaximumSize(QSize(16777215, 70))

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.parentViewsEdit)

        self.reasonNoFamilyLabel = QLabel(self.fieldsWidget)
        self.reasonNoFamilyLabel.setObjectName(u"reasonNoFamilyLabel")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.reasonNoFamilyLabel)

        self.reasonNoFamilyEdit = QLineEdit(self.fieldsWidget)
        self.reasonNoFamilyEdit.setObjectName(u"reasonNoFamilyEdit")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.reasonNoFamilyEdit)

        self.decisionsLabel = QLabel(self.fieldsWidget)
        self.decisionsLabel.setObjectName(u"decisionsLabel")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.decisionsLabel)

        self.decisionsBox = QVBoxLayout()
        self.decisionsBox.setObjectName(u"decisionsBox")
        self.decisionsTable = QTableWidget(self.fieldsWidget)
        if (self.decisionsTable.columnCount() < 5):
            self.decisionsTable.setColumnCount(5)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.decisionsTable.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.decisionsTable.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.decisionsTable.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.decisionsTable.setHorizontalHeaderItem(3, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.decisionsTable.setHorizontalHeaderItem(4, __qtablewidgetitem7)
        self.decisionsTable.setObjectName(u"decisionsTable")
        self.decisionsTable.setTabKeyNavigation(False)
        self.decisionsTable.setMinimumSize(QSize(0, 96))
        self.decisionsTable.horizontalHeader().setStretchLastSection(True)
        self.decisionsTable.verticalHeader().setVisible(False)

        self.decisionsBox.addWidget(self.decisionsTable)

        self.decisionButtons = QHBoxLayout()
        self.decisionButtons.setObjectName(u"decisionButtons")
        self.addDecisionButton = QPushButton(self.fieldsWidget)
        self.addDecisionButton.setObjectName(u"addDecisionButton")

        self.decisionButtons.addWidget(self.addDecisionButton)

        self.removeDecisionButton = QPushButton(self.fieldsWidget)
        self.removeDecisionButton.setObjectName(u"removeDecisionButton")

        self.decisionButtons.addWidget(self.removeDecisionButton)

        self.decisionButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionButtons.addItem(self.decisionButtonsSpacer)


        self.decisionsBox.addLayout(self.decisionButtons)


        self.fieldsForm.setLayout(10, QFormLayout.ItemRole.FieldRole, self.decisionsBox)

        self.actionsLabel = QLabel(self.fieldsWidget)
        self.actionsLabel.setObjectName(u"actionsLabel")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.actionsLabel)

        self.actionsBox = QVBoxLayout()
        self.actionsBox.setObjectName(u"actionsBox")
        self.actionsTable = QTableWidget(self.fieldsWidget)
        if (self.actionsTable.columnCount() < 3):
            self.actionsTable.setColumnCount(3)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.actionsTable.setHorizontalHeaderItem(0, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.actionsTable.setHorizontalHeaderItem(1, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.actionsTable.setHorizontalHeaderItem(2, __qtablewidgetitem10)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setTabKeyNavigation(False)
        self.actionsTable.setMinimumSize(QSize(0, 96))
        self.actionsTable.horizontalHeader().setStretchLastSection(True)
        self.actionsTable.verticalHeader().setVisible(False)

        self.actionsBox.addWidget(self.actionsTable)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.addActionButton = QPushButton(self.fieldsWidget)
        self.addActionButton.setObjectName(u"addActionButton")

        self.actionButtons.addWidget(self.addActionButton)

        self.removeActionButton = QPushButton(self.fieldsWidget)
        self.removeActionButton.setObjectName(u"removeActionButton")

        self.actionButtons.addWidget(self.removeActionButton)

        self.actionButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionButtonsSpacer)


        self.actionsBox.addLayout(self.actionButtons)


        self.fieldsForm.setLayout(11, QFormLayout.ItemRole.FieldRole, self.actionsBox)

        self.amendReasonLabel = QLabel(self.fieldsWidget)
        self.amendReasonLabel.setObjectName(u"amendReasonLabel")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.amendReasonLabel)

        self.amendReasonEdit = QLineEdit(self.fieldsWidget)
        self.amendReasonEdit.setObjectName(u"amendReasonEdit")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.amendReasonEdit)

        self.fieldsScroll.setWidget(self.fieldsWidget)
        self.splitter.addWidget(self.fieldsScroll)
        self.checklistPanel = QWidget(self.splitter)
        self.checklistPanel.setObjectName(u"checklistPanel")
        self.checklistBox = QVBoxLayout(self.checklistPanel)
        self.checklistBox.setObjectName(u"checklistBox")
        self.checklistBox.setContentsMargins(0, 0, 0, 0)
        self.checklistTitle = QLabel(self.checklistPanel)
        self.checklistTitle.setObjectName(u"checklistTitle")

        self.checklistBox.addWidget(self.checklistTitle)

        self.scoreLabel = QLabel(self.checklistPanel)
        self.scoreLabel.setObjectName(u"scoreLabel")
        self.scoreLabel.setWordWrap(True)

        self.checklistBox.addWidget(self.scoreLabel)

        self.checklistView = QListView(self.checklistPanel)
        self.checklistView.setObjectName(u"checklistView")
        self.checklistView.setWordWrap(True)

        self.checklistBox.addWidget(self.checklistView)

        self.itemHelp = QLabel(self.checklistPanel)
        self.itemHelp.setObjectName(u"itemHelp")
        self.itemHelp.setWordWrap(True)
        self.itemHelp.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.checklistBox.addWidget(self.itemHelp)

        self.splitter.addWidget(self.checklistPanel)

        self.mainLayout.addWidget(self.splitter)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.statusLabel = QLabel(NoteEditorDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.bottomRow.addWidget(self.statusLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.saveButton = QPushButton(NoteEditorDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.bottomRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(NoteEditorDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.occurredLabel.setBuddy(self.occurredEdit)
        self.recordedLabel.setBuddy(self.recordedEdit)
        self.attendeesLabel.setBuddy(self.attendeesTable)
        self.purposeLabel.setBuddy(self.purposeEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.childVoiceLabel.setBuddy(self.childVoiceEdit)
        self.childVoiceReasonLabel.setBuddy(self.childVoiceReasonEdit)
        self.parentViewsLabel.setBuddy(self.parentViewsEdit)
        self.reasonNoFamilyLabel.setBuddy(self.reasonNoFamilyEdit)
        self.decisionsLabel.setBuddy(self.decisionsTable)
        self.actionsLabel.setBuddy(self.actionsTable)
        self.amendReasonLabel.setBuddy(self.amendReasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoteEditorDialog)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, NoteEditorDialog):
        NoteEditorDialog.setWindowTitle(QCoreApplication.translate("NoteEditorDialog", u"Case note", None))
#if QT_CONFIG(accessibility)
        NoteEditorDialog.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Case note editor", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.fieldsScroll.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Note fields", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"&Kind of contact", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Kind of contact", None))
#endif // QT_CONFIG(accessibility)
        self.occurredLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"&Happened on", None))
        self.occurredEdit.setDisplayFormat(QCoreApplication.translate("NoteEditorDialog", u"dd/MM/yyyy HH:mm", None))
#if QT_CONFIG(accessibility)
        self.occurredEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"When it happened", None))
#endif // QT_CONFIG(accessibility)
        self.recordedLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"&Written up on", None))
        self.recordedEdit.setDisplayFormat(QCoreApplication.translate("NoteEditorDialog", u"dd/MM/yyyy HH:mm", None))
#if QT_CONFIG(accessibility)
        self.recordedEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"When it was written up", None))
#endif // QT_CONFIG(accessibility)
        self.attendeesLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"Who was &there", None))
        ___qtablewidgetitem = self.attendeesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("NoteEditorDialog", u"Name", None))
        ___qtablewidgetitem1 = self.attendeesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("NoteEditorDialog", u"Role", None))
        ___qtablewidgetitem2 = self.attendeesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("NoteEditorDialog", u"Relationship (interpreters)", None))
#if QT_CONFIG(accessibility)
        self.attendeesTable.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Who was there", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.attendeesTable.setToolTip(QCoreApplication.translate("NoteEditorDialog", u"One row a person: their name and role (parent, carer, child, young person, caseworker, SENCO, teacher, educational psychologist, health, social care, interpreter, advocate, other)", None))
#endif // QT_CONFIG(tooltip)
        self.addAttendeeButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Add person", None))
#if QT_CONFIG(accessibility)
        self.addAttendeeButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Add person", None))
#endif // QT_CONFIG(accessibility)
        self.removeAttendeeButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Remove person", None))
#if QT_CONFIG(accessibility)
        self.removeAttendeeButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Remove person", None))
#endif // QT_CONFIG(accessibility)
        self.purposeLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"&Purpose", None))
#if QT_CONFIG(accessibility)
        self.purposeEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.purposeEdit.setPlaceholderText(QCoreApplication.translate("NoteEditorDialog", u"What was the contact for?", None))
        self.bodyLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"What happ&ened", None))
#if QT_CONFIG(accessibility)
        self.bodyEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"What happened", None))
#endif // QT_CONFIG(accessibility)
        self.bodyEdit.setPlaceholderText(QCoreApplication.translate("NoteEditorDialog", u"Facts first, then what you think it means for the child.", None))
        self.acronymHint.setText("")
#if QT_CONFIG(accessibility)
        self.acronymHint.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Acronyms to spell out", None))
#endif // QT_CONFIG(accessibility)
        self.spellOutButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Spell o&ut", None))
#if QT_CONFIG(accessibility)
        self.spellOutButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Spell out", None))
#endif // QT_CONFIG(accessibility)
        self.childVoiceLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"Child's &voice", None))
#if QT_CONFIG(accessibility)
        self.childVoiceEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"The child's views, in their words", None))
#endif // QT_CONFIG(accessibility)
        self.childVoiceEdit.setPlaceholderText(QCoreApplication.translate("NoteEditorDialog", u"What the child or young person said, wanted or felt, in their words where you can.", None))
        self.childVoiceReasonLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"Why not &obtained", None))
#if QT_CONFIG(accessibility)
        self.childVoiceReasonEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Why the child's views could not be obtained", None))
#endif // QT_CONFIG(accessibility)
        self.parentViewsLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"Pa&rent's views", None))
#if QT_CONFIG(accessibility)
        self.parentViewsEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"The parent's or carer's views", None))
#endif // QT_CONFIG(accessibility)
        self.reasonNoFamilyLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"Why no &family", None))
#if QT_CONFIG(accessibility)
        self.reasonNoFamilyEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Why the family was not at the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.reasonNoFamilyEdit.setPlaceholderText(QCoreApplication.translate("NoteEditorDialog", u"For a meeting without the family: why, and how the minutes will be shared", None))
        self.decisionsLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"&Decisions", None))
        ___qtablewidgetitem3 = self.decisionsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("NoteEditorDialog", u"Decision", None))
        ___qtablewidgetitem4 = self.decisionsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("NoteEditorDialog", u"Reasons", None))
        ___qtablewidgetitem5 = self.decisionsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("NoteEditorDialog", u"Parent asked for", None))
        ___qtablewidgetitem6 = self.decisionsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("NoteEditorDialog", u"As asked?", None))
        ___qtablewidgetitem7 = self.decisionsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("NoteEditorDialog", u"If not, why", None))
#if QT_CONFIG(accessibility)
        self.decisionsTable.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Decisions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.decisionsTable.setToolTip(QCoreApplication.translate("NoteEditorDialog", u"Each decision with its reasons; where it is not what the parent asked for, say why", None))
#endif // QT_CONFIG(tooltip)
        self.addDecisionButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Add decision", None))
#if QT_CONFIG(accessibility)
        self.addDecisionButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Add decision", None))
#endif // QT_CONFIG(accessibility)
        self.removeDecisionButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Remove decision", None))
#if QT_CONFIG(accessibility)
        self.removeDecisionButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Remove decision", None))
#endif // QT_CONFIG(accessibility)
        self.actionsLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"&Actions", None))
        ___qtablewidgetitem8 = self.actionsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("NoteEditorDialog", u"Action", None))
        ___qtablewidgetitem9 = self.actionsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("NoteEditorDialog", u"Owner", None))
        ___qtablewidgetitem10 = self.actionsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("NoteEditorDialog", u"Due (dd/mm/yyyy)", None))
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Actions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.actionsTable.setToolTip(QCoreApplication.translate("NoteEditorDialog", u"Each action with who will do it and by when", None))
#endif // QT_CONFIG(tooltip)
        self.addActionButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Add action", None))
#if QT_CONFIG(accessibility)
        self.addActionButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Add action", None))
#endif // QT_CONFIG(accessibility)
        self.removeActionButton.setText(QCoreApplication.translate("NoteEditorDialog", u"Remove action", None))
#if QT_CONFIG(accessibility)
        self.removeActionButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Remove action", None))
#endif // QT_CONFIG(accessibility)
        self.amendReasonLabel.setText(QCoreApplication.translate("NoteEditorDialog", u"Why a&mended", None))
#if QT_CONFIG(accessibility)
        self.amendReasonEdit.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Why the note is amended", None))
#endif // QT_CONFIG(accessibility)
        self.amendReasonEdit.setPlaceholderText(QCoreApplication.translate("NoteEditorDialog", u"An amendment is a new version: say why", None))
        self.checklistTitle.setText(QCoreApplication.translate("NoteEditorDialog", u"Checklist", None))
#if QT_CONFIG(accessibility)
        self.checklistTitle.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Checklist", None))
#endif // QT_CONFIG(accessibility)
        self.scoreLabel.setText("")
#if QT_CONFIG(accessibility)
        self.scoreLabel.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Checklist score", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checklistView.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Checklist items: activate one to go to its field", None))
#endif // QT_CONFIG(accessibility)
        self.itemHelp.setText(QCoreApplication.translate("NoteEditorDialog", u"Select an item to see what to add; press Enter or double-click to go to the field.", None))
#if QT_CONFIG(accessibility)
        self.itemHelp.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"What to add", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Draft state", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("NoteEditorDialog", u"&Save note", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Save note", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("NoteEditorDialog", u"&Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("NoteEditorDialog", u"Close (the draft is kept)", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
