"""Signals emitted from Python without losing a reference to True.

PySide6 6.12's ``SignalInstance.emit`` returns True without taking a reference to it,
so every emit made from Python drops one; typing a plan emits on every key, and after
some tens of thousands Python frees True and stops ("Fatal Python error:
bool_dealloc"). A signal invoked through the meta-object is emitted by Qt itself,
with no such loss, so the editor's frequent signals go this way.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Q_ARG,
    QAbstractItemModel,
    QMetaObject,
    QModelIndex,
    QObject,
    Qt,
)


def notify(owner: QObject, signal: str) -> None:
    """Emit ``owner``'s signal ``signal`` (declared without arguments)."""
    QMetaObject.invokeMethod(owner, signal, Qt.ConnectionType.DirectConnection)


def data_changed(
    model: QAbstractItemModel, top_left: QModelIndex, bottom_right: QModelIndex
) -> None:
    """``model.dataChanged`` for the cells from ``top_left`` to ``bottom_right``."""
    QMetaObject.invokeMethod(
        model,
        "dataChanged",
        Qt.ConnectionType.DirectConnection,
        Q_ARG("QModelIndex", top_left),
        Q_ARG("QModelIndex", bottom_right),
        Q_ARG("QList<int>", []),
    )
