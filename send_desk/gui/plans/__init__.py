"""The EHC plan in the app: the plan editor with its live checklist, opened from the
child's record (send_desk.gui.plans.editor.open_plan_editor)."""
