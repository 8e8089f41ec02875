# generated - do not edit: compiled from ui/plan_editor.ui by scripts/compile_forms.py
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QStackedWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_PlanEditorDialog(object):
    def setupUi(self, PlanEditorDialog):
        if not PlanEditorDialog.objectName():
            PlanEditorDialog.setObjectName(u"PlanEditorDialog")
        PlanEditorDialog.resize(1280, 680)
        self.mainLayout = QVBoxLayout(PlanEditorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(PlanEditorDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.splitter = QSplitter(PlanEditorDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.sectionsPanel = QWidget(self.splitter)
        self.sectionsPanel.setObjectName(u"sectionsPanel")
        self.sectionsBox = QVBoxLayout(self.sectionsPanel)
        self.sectionsBox.setObjectName(u"sectionsBox")
        self.sectionsBox.setContentsMargins(0, 0, 0, 0)
        self.sectionsLabel = QLabel(self.sectionsPanel)
        self.sectionsLabel.setObjectName(u"sectionsLabel")

        self.sectionsBox.addWidget(self.sectionsLabel)

        self.sectionList = QListView(self.sectionsPanel)
        self.sectionList.setObjectName(u"sectionList")
        self.sectionList.setWordWrap(True)
        self.sectionList.setMinimumSize(QSize(200, 0))

        self.sectionsBox.addWidget(self.sectionList)

        self.splitter.addWidget(self.sectionsPanel)
        self.sectionPanel = QWidget(self.splitter)
        self.sectionPanel.setObjectName(u"sectionPanel")
        self.sectionBox = QVBoxLayout(self.sectionPanel)
        self.sectionBox.setObjectName(u"sectionBox")
        self.sectionBox.setContentsMargins(0, 0, 0, 0)
        self.sectionTitle = QLabel(self.sectionPanel)
        self.sectionTitle.setObjectName(u"sectionTitle")
        self.sectionTitle.setWordWrap(True)

        self.sectionBox.addWidget(self.sectionTitle)

        self.sectionStack = QStackedWidget(self.sectionPanel)
        self.sectionStack.setObjectName(u"sectionStack")
        self.viewsPage = QWidget()
        self.viewsPage.setObjectName(u"viewsPage")
        self.viewsForm = QFormLayout(self.viewsPage)
        self.viewsForm.setObjectName(u"viewsForm")
        self.viewsForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.childViewsLabel = QLabel(self.viewsPage)
        self.childViewsLabel.setObjectName(u"childViewsLabel")

        self.viewsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.childViewsLabel)

        self.childViewsEdit = QPlainTextEdit(self.viewsPage)
        self.childViewsEdit.setObjectName(u"childViewsEdit")
        self.childViewsEdit.setMinimumSize(QSize(0, 70))

        self.viewsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.childViewsEdit)

        self.childReasonLabel = QLabel(self.viewsPage)
        self.childReasonLabel.setObjectName(u"childReasonLabel")

        self.viewsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.childReasonLabel)

        self.childReasonEdit = QLineEdit(self.viewsPage)
        self.childReasonEdit.setObjectName(u"childReasonEdit")

        self.viewsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.childReasonEdit)

        self.parentViewsLabel = QLabel(self.viewsPage)
        self.parentViewsLabel.setObjectName(u"parentViewsLabel")

        self.viewsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentViewsLabel)

        self.parentViewsEdit = QPlainTextEdit(self.viewsPage)
        self.parentViewsEdit.setObjectName(u"parentViewsEdit")
        self.parentViewsEdit.setMinimumSize(QSize(0, 70))

        self.viewsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentViewsEdit)

        self.aspirationsLabel = QLabel(self.viewsPage)
        self.aspirationsLabel.setObjectName(u"aspirationsLabel")

        self.viewsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.aspirationsLabel)

        self.aspirationsEdit = QPlainTextEdit(self.viewsPage)
        self.aspirationsEdit.setObjectName(u"aspirationsEdit")
        self.aspirationsEdit.setMinimumSize(QSize(0, 70))

        self.viewsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.aspirationsEdit)

        self.sectionStack.addWidget(self.viewsPage)
        self.itemsPage = QWidget()
        self.itemsPage.setObjectName(u"itemsPage")
        self.itemsBox = QVBoxLayout(self.itemsPage)
        self.itemsBox.setObjectName(u"itemsBox")
        self.itemsHint = QLabel(self.itemsPage)
        self.itemsHint.setObjectName(u"itemsHint")
        self.itemsHint.setWordWrap(True)

        self.itemsBox.addWidget(self.itemsHint)

        self.itemsTable = QTableView(self.itemsPage)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setTabKeyNavigation(False)
        self.itemsTable.setMinimumSize(QSize(0, 160))
        self.itemsTable.horizontalHeader().setStretchLastSection(True)
        self.itemsTable.verticalHeader().setVisible(False)

        self.itemsBox.addWidget(self.itemsTable)

        self.itemButtons = QHBoxLayout()
        self.itemButtons.setObjectName(u"itemButtons")
        self.addItemButton = QPushButton(self.itemsPage)
        self.addItemButton.setObjectName(u"addItemButton")

        self.itemButtons.addWidget(self.addItemButton)

        self.removeItemButton = QPushButton(self.itemsPage)
        self.removeItemButton.setObjectName(u"removeItemButton")

        self.itemButtons.addWidget(self.removeItemButton)

        self.itemButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemButtons.addItem(self.itemButtonsSpacer)


        self.itemsBox.addLayout(self.itemButtons)

        self.noneForm = QFormLayout()
        self.noneForm.setObjectName(u"noneForm")
        self.noneForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.noneLabel = QLabel(self.itemsPage)
        self.noneLabel.setObjectName(u"noneLabel")

        self.noneForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noneLabel)

        self.noneEdit = QLineEdit(self.itemsPage)
        self.noneEdit.setObjectName(u"noneEdit")

        self.noneForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noneEdit)


        self.itemsBox.addLayout(self.noneForm)

        self.sectionStack.addWidget(self.itemsPage)
        self.placementPage = QWidget()
        self.placementPage.setObjectName(u"placementPage")
        self.placementBox = QVBoxLayout(self.placementPage)
        self.placementBox.setObjectName(u"placementBox")
        self.placementForm = QFormLayout()
        self.placementForm.setObjectName(u"placementForm")
        self.placementForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.placementTypeLabel = QLabel(self.placementPage)
        self.placementTypeLabel.setObjectName(u"placementTypeLabel")

        self.placementForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.placementTypeLabel)

        self.placementTypeEdit = QLineEdit(self.placementPage)
        self.placementTypeEdit.setObjectName(u"placementTypeEdit")

        self.placementForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.placementTypeEdit)

        self.placementNameLabel = QLabel(self.placementPage)
        self.placementNameLabel.setObjectName(u"placementNameLabel")

        self.placementForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.placementNameLabel)

        self.placementNameEdit = QLineEdit(self.placementPage)
        self.placementNameEdit.setObjectName(u"placementNameEdit")

        self.placementForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.placementNameEdit)

        self.typeOnlyCheck = QCheckBox(self.placementPage)
        self.typeOnlyCheck.setObjectName(u"typeOnlyCheck")

        self.placementForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.typeOnlyCheck)


        self.placementBox.addLayout(self.placementForm)

        self.placementSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.placementBox.addItem(self.placementSpacer)

        self.sectionStack.addWidget(self.placementPage)
        self.budgetPage = QWidget()
        self.budgetPage.setObjectName(u"budgetPage")
        self.budgetBox = QVBoxLayout(self.budgetPage)
        self.budgetBox.setObjectName(u"budgetBox")
        self.budgetForm = QFormLayout()
        self.budgetForm.setObjectName(u"budgetForm")
        self.budgetForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.budgetRequestedCheck = QCheckBox(self.budgetPage)
        self.budgetRequestedCheck.setObjectName(u"budgetRequestedCheck")

        self.budgetForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.budgetRequestedCheck)

        self.budgetCoversLabel = QLabel(self.budgetPage)
        self.budgetCoversLabel.setObjectName(u"budgetCoversLabel")

        self.budgetForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.budgetCoversLabel)

        self.budgetCoversEdit = QPlainTextEdit(self.budgetPage)
        self.budgetCoversEdit.setObjectName(u"budgetCoversEdit")
        self.budgetCoversEdit.setMinimumSize(QSize(0, 70))

        self.budgetForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.budgetCoversEdit)

        self.budgetOutcomesLabel = QLabel(self.budgetPage)
        self.budgetOutcomesLabel.setObjectName(u"budgetOutcomesLabel")

        self.budgetForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.budgetOutcomesLabel)

        self.budgetOutcomesEdit = QLineEdit(self.budgetPage)
        self.budgetOutcomesEdit.setObjectName(u"budgetOutcomesEdit")

        self.budgetForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.budgetOutcomesEdit)

        self.directPaymentsLabel = QLabel(self.budgetPage)
        self.directPaymentsLabel.setObjectName(u"directPaymentsLabel")

        self.budgetForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.directPaymentsLabel)

        self.directPaymentsCombo = QComboBox(self.budgetPage)
        self.directPaymentsCombo.setObjectName(u"directPaymentsCombo")

        self.budgetForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.directPaymentsCombo)


        self.budgetBox.addLayout(self.budgetForm)

        self.budgetSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.budgetBox.addItem(self.budgetSpacer)

        self.sectionStack.addWidget(self.budgetPage)
        self.advicePage = QWidget()
        self.advicePage.setObjectName(u"advicePage")
        self.adviceBox = QVBoxLayout(self.advicePage)
        self.adviceBox.setObjectName(u"adviceBox")
        self.adviceForm = QFormLayout()
        self.adviceForm.setObjectName(u"adviceForm")
        self.adviceForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.adviceLabel = QLabel(self.advicePage)
        self.adviceLabel.setObjectName(u"adviceLabel")

        self.adviceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adviceLabel)

        self.adviceEdit = QPlainTextEdit(self.advicePage)
        self.adviceEdit.setObjectName(u"adviceEdit")
        self.adviceEdit.setMinimumSize(QSize(0, 120))

        self.adviceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adviceEdit)


        self.adviceBox.addLayout(self.adviceForm)

        self.adviceReceivedLabel = QLabel(self.advicePage)
        self.adviceReceivedLabel.setObjectName(u"adviceReceivedLabel")
        self.adviceReceivedLabel.setWordWrap(True)
        self.adviceReceivedLabel.setTextInteractionFlags(Qt.TextSelectableByKeyboard|Qt.TextSelectableByMouse)

        self.adviceBox.addWidget(self.adviceReceivedLabel)

        self.adviceButtons = QHBoxLayout()
        self.adviceButtons.setObjectName(u"adviceButtons")
        self.addReceivedButton = QPushButton(self.advicePage)
        self.addReceivedButton.setObjectName(u"addReceivedButton")

        self.adviceButtons.addWidget(self.addReceivedButton)

        self.adviceButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.adviceButtons.addItem(self.adviceButtonsSpacer)


        self.adviceBox.addLayout(self.adviceButtons)

        self.adviceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.adviceBox.addItem(self.adviceSpacer)

        self.sectionStack.addWidget(self.advicePage)

        self.sectionBox.addWidget(self.sectionStack)

        self.splitter.addWidget(self.sectionPanel)
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
        self.statusLabel = QLabel(PlanEditorDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.bottomRow.addWidget(self.statusLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.issueButton = QPushButton(PlanEditorDialog)
        self.issueButton.setObjectName(u"issueButton")

        self.bottomRow.addWidget(self.issueButton)

        self.finaliseButton = QPushButton(PlanEditorDialog)
        self.finaliseButton.setObjectName(u"finaliseButton")

        self.bottomRow.addWidget(self.finaliseButton)

        self.amendButton = QPushButton(PlanEditorDialog)
        self.amendButton.setObjectName(u"amendButton")

        self.bottomRow.addWidget(self.amendButton)

        self.exportButton = QPushButton(PlanEditorDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.bottomRow.addWidget(self.exportButton)

        self.closeButton = QPushButton(PlanEditorDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.sectionsLabel.setBuddy(self.sectionList)
        self.childViewsLabel.setBuddy(self.childViewsEdit)
        self.childReasonLabel.setBuddy(self.childReasonEdit)
        self.parentViewsLabel.setBuddy(self.parentViewsEdit)
        self.aspirationsLabel.setBuddy(self.aspirationsEdit)
        self.noneLabel.setBuddy(self.noneEdit)
        self.placementTypeLabel.setBuddy(self.placementTypeEdit)
        self.placementNameLabel.setBuddy(self.placementNameEdit)
        self.budgetCoversLabel.setBuddy(self.budgetCoversEdit)
        self.budgetOutcomesLabel.setBuddy(self.budgetOutcomesEdit)
        self.directPaymentsLabel.setBuddy(self.directPaymentsCombo)
        self.adviceLabel.setBuddy(self.adviceEdit)
        self.checklistTitle.setBuddy(self.checklistView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanEditorDialog)
    # setupUi

    def retranslateUi(self, PlanEditorDialog):
        PlanEditorDialog.setWindowTitle(QCoreApplication.translate("PlanEditorDialog", u"EHC plan", None))
#if QT_CONFIG(accessibility)
        PlanEditorDialog.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"EHC plan editor", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Problems to fix", None))
#endif // QT_CONFIG(accessibility)
        self.sectionsLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"&Sections", None))
#if QT_CONFIG(accessibility)
        self.sectionList.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Sections A to K: choose one to write it", None))
#endif // QT_CONFIG(accessibility)
        self.sectionTitle.setText("")
#if QT_CONFIG(accessibility)
        self.sectionTitle.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Section title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sectionStack.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Section being written", None))
#endif // QT_CONFIG(accessibility)
        self.childViewsLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"&Child's views", None))
#if QT_CONFIG(accessibility)
        self.childViewsEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"The child's or young person's views, in their words", None))
#endif // QT_CONFIG(accessibility)
        self.childViewsEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"What the child or young person said, in their own words.", None))
        self.childReasonLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"Why &not gathered", None))
#if QT_CONFIG(accessibility)
        self.childReasonEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Why the child's views could not be gathered", None))
#endif // QT_CONFIG(accessibility)
        self.childReasonEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"Only if the child's views could not be gathered: why", None))
        self.parentViewsLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"&Parents' views", None))
#if QT_CONFIG(accessibility)
        self.parentViewsEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"The parents' views", None))
#endif // QT_CONFIG(accessibility)
        self.aspirationsLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"Aspi&rations", None))
#if QT_CONFIG(accessibility)
        self.aspirationsEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Interests and aspirations", None))
#endif // QT_CONFIG(accessibility)
        self.aspirationsEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"What the child or young person hopes for and enjoys.", None))
        self.itemsHint.setText("")
#if QT_CONFIG(accessibility)
        self.itemsHint.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"How to fill this section", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.itemsTable.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Items of the section", None))
#endif // QT_CONFIG(accessibility)
        self.addItemButton.setText(QCoreApplication.translate("PlanEditorDialog", u"A&dd item", None))
#if QT_CONFIG(accessibility)
        self.addItemButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Add item", None))
#endif // QT_CONFIG(accessibility)
        self.removeItemButton.setText(QCoreApplication.translate("PlanEditorDialog", u"Re&move item", None))
#if QT_CONFIG(accessibility)
        self.removeItemButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Remove the selected item", None))
#endif // QT_CONFIG(accessibility)
        self.noneLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"Nothing needed &because", None))
#if QT_CONFIG(accessibility)
        self.noneEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Why nothing is needed in this section", None))
#endif // QT_CONFIG(accessibility)
        self.noneEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"With no items: say why none are needed", None))
        self.placementTypeLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"&Type of school", None))
#if QT_CONFIG(accessibility)
        self.placementTypeEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Type of school or institution", None))
#endif // QT_CONFIG(accessibility)
        self.placementTypeEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"For example: mainstream secondary school", None))
        self.placementNameLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"Na&me", None))
#if QT_CONFIG(accessibility)
        self.placementNameEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Name of the school or institution", None))
#endif // QT_CONFIG(accessibility)
        self.placementNameEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"Left blank in a draft: the family is asked for their preference first", None))
        self.typeOnlyCheck.setText(QCoreApplication.translate("PlanEditorDialog", u"The decision names a type of school &only", None))
#if QT_CONFIG(accessibility)
        self.typeOnlyCheck.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"The decision names a type of school only", None))
#endif // QT_CONFIG(accessibility)
        self.budgetRequestedCheck.setText(QCoreApplication.translate("PlanEditorDialog", u"A personal &budget was requested", None))
#if QT_CONFIG(accessibility)
        self.budgetRequestedCheck.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"A personal budget was requested", None))
#endif // QT_CONFIG(accessibility)
        self.budgetCoversLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"What it &covers", None))
#if QT_CONFIG(accessibility)
        self.budgetCoversEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"What the personal budget covers", None))
#endif // QT_CONFIG(accessibility)
        self.budgetOutcomesLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"Outcomes it ser&ves", None))
#if QT_CONFIG(accessibility)
        self.budgetOutcomesEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Outcomes the budget serves", None))
#endif // QT_CONFIG(accessibility)
        self.budgetOutcomesEdit.setPlaceholderText(QCoreApplication.translate("PlanEditorDialog", u"Outcome ids from Section E, such as e1, e3", None))
        self.directPaymentsLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"&Direct payments", None))
#if QT_CONFIG(accessibility)
        self.directPaymentsCombo.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Whether direct payments are made", None))
#endif // QT_CONFIG(accessibility)
        self.adviceLabel.setText(QCoreApplication.translate("PlanEditorDialog", u"&Advice (one a line)", None))
#if QT_CONFIG(accessibility)
        self.adviceEdit.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Advice and information, one a line", None))
#endif // QT_CONFIG(accessibility)
        self.adviceReceivedLabel.setText("")
#if QT_CONFIG(accessibility)
        self.adviceReceivedLabel.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Advice the case has received", None))
#endif // QT_CONFIG(accessibility)
        self.addReceivedButton.setText(QCoreApplication.translate("PlanEditorDialog", u"Add the advice &received", None))
#if QT_CONFIG(accessibility)
        self.addReceivedButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Add the advice the case has received", None))
#endif // QT_CONFIG(accessibility)
        self.checklistTitle.setText(QCoreApplication.translate("PlanEditorDialog", u"Chec&klist", None))
        self.scoreLabel.setText("")
#if QT_CONFIG(accessibility)
        self.scoreLabel.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Checklist score", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checklistView.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Criteria of the plan standard: activate one to go to its item", None))
#endif // QT_CONFIG(accessibility)
        self.itemHelp.setText(QCoreApplication.translate("PlanEditorDialog", u"Select a criterion to see what to put right; press Enter or double-click to go to the item.", None))
#if QT_CONFIG(accessibility)
        self.itemHelp.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"What to put right", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Draft state", None))
#endif // QT_CONFIG(accessibility)
        self.issueButton.setText(QCoreApplication.translate("PlanEditorDialog", u"&Issue draft\u2026", None))
#if QT_CONFIG(accessibility)
        self.issueButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Issue the draft plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.issueButton.setToolTip(QCoreApplication.translate("PlanEditorDialog", u"Issue this draft plan to the family (records the draft plan issued)", None))
#endif // QT_CONFIG(tooltip)
        self.finaliseButton.setText(QCoreApplication.translate("PlanEditorDialog", u"&Finalise\u2026", None))
#if QT_CONFIG(accessibility)
        self.finaliseButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Finalise the plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.finaliseButton.setToolTip(QCoreApplication.translate("PlanEditorDialog", u"Issue the final plan naming the school (records the final plan issued)", None))
#endif // QT_CONFIG(tooltip)
        self.amendButton.setText(QCoreApplication.translate("PlanEditorDialog", u"Propose am&endment\u2026", None))
#if QT_CONFIG(accessibility)
        self.amendButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Propose an amendment of the plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.amendButton.setToolTip(QCoreApplication.translate("PlanEditorDialog", u"Send the family the proposed changes to the plan in force (records the amendment notice issued)", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("PlanEditorDialog", u"E&xport\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Export the plan as PDF or Word", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("PlanEditorDialog", u"Save the plan (an issued version or this draft) as a PDF or Word document, with the advice as appendices in a PDF", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("PlanEditorDialog", u"C&lose", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("PlanEditorDialog", u"Close (the draft is kept)", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
