"""The SEN2 return in the app: the page (registered here; built when first opened) for
administrators and supervisors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from send_desk.gui.context import AppContext
from send_desk.gui.pages import PageSpec, register_page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from send_desk.backend import Backend

SEN2_PAGE = "sen2"


def _page(context: AppContext) -> QWidget:
    from send_desk.gui.sen2.page import Sen2Page

    return Sen2Page(context)


def _may_prepare(backend: Backend) -> bool:
    return backend.sen2.may_prepare()


register_page(PageSpec(SEN2_PAGE, "SEN2 return", _page, order=80, available=_may_prepare))
