"""Letters in the desktop app: the composer (choose a template, fill in what it needs,
preview, plain-English check beside it, save to the record, print or save for email)."""

from send_desk.gui.letters.apology import open_apology_letter
from send_desk.gui.letters.composer import LetterComposer, open_letter_composer

__all__ = ["LetterComposer", "open_apology_letter", "open_letter_composer"]
