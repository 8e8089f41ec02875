"""Printable reports: the chronology of a child's case."""
