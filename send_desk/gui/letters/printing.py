"""Printing a letter's PDF on a printer (the composer's "Print and mark posted")."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def print_pdf(parent: QWidget, data: bytes, printer: QPrinter | None = None) -> str | None:
    """Print the PDF's pages, asking for a printer unless one is given. None when
    printed, else why not, in words."""
    from PySide6.QtPdf import QPdfDocument

    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return "Saved as posted; not printed."
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return "The printer could not be used."
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            image = document.render(page, area.size())
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return None
