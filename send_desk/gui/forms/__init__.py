"""Python modules generated from the Qt Designer forms in ui/ (do not edit)."""
