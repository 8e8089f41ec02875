"""The advice reports a rendered plan appends (send_desk.plans.appendices), read from
the store.

A laptop keeps only the documents of the last months offline (documents.toml
``keep_months``; older ones are fetched on demand): a report whose content is not here
is refused by name, unless the caller accepts a page saying it is sent separately.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlmodel import Session

from send_desk.plans.document import AdviceDocument
from send_desk.services.document_media import MEDIA_LABELS
from send_desk.services.documents import content_chunks, get_document, has_content
from send_desk.services.errors import Refused

if TYPE_CHECKING:
    # fpdf and pypdf load when a plan is exported, not when the app starts: the backend's
    # plan models import AdviceNotHere from here
    from send_desk.plans.appendices import AppendixContent


class AdviceNotHere(Refused):
    """Reports the plan would append are not on this laptop."""

    def __init__(self, missing: Sequence[AdviceDocument]) -> None:
        names = ", ".join(f"'{d.title}' ({d.ref})" for d in missing)
        super().__init__(
            f"{len(missing)} advice report{'s are' if len(missing) != 1 else ' is'} not on "
            f"this laptop (only recent documents are kept offline): {names}. Fetch "
            f"{'them' if len(missing) != 1 else 'it'} from the central store first, or "
            "append a page saying each is sent separately."
        )
        self.missing = tuple(missing)


def appendix_contents(
    session: Session, appendices: Sequence[AdviceDocument], *, allow_missing: bool
) -> list[AppendixContent]:
    """Each report with its bytes, numbered as Section K numbers them; raises
    AdviceNotHere when some are not on this laptop and ``allow_missing`` is False."""
    from send_desk.plans.appendices import AppendixContent

    missing = []
    contents = []
    for number, advice in enumerate(appendices, start=1):
        document = get_document(session, uuid.UUID(advice.ref))
        data = None
        if has_content(session, document.content_sha256):
            data = b"".join(content_chunks(session, document))
        else:
            missing.append(advice)
        label = MEDIA_LABELS.get(document.media_type, "")
        contents.append(AppendixContent(number, advice, data, label))
    if missing and not allow_missing:
        raise AdviceNotHere(missing)
    return contents


__all__ = ["AdviceNotHere", "appendix_contents"]
