"""The letter as HTML for the composer's preview, with the check's problems marked.

Qt's rich text shows it (a subset of HTML 4); each problem is a highlighted span with
an anchor ``issue-N`` the composer scrolls to when the problem is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from send_desk.letters.document import Letter, LetterBlock, is_rtl_text
from send_desk.letters.layout import layout_for
from send_desk.letters.plain_english import ERROR, Issue

HIGHLIGHT = {ERROR: "#ffd7a8", "advice": "#fff3b0"}
SELECTED = "#ff9e57"


def _marked(
    text: str,
    offset: int,
    issues: Sequence[tuple[int, Issue]],
    selected: int | None,
) -> str:
    """``text`` (which starts at ``offset`` in the body) with issue spans marked."""
    end_of_text = offset + len(text)
    spans = sorted(
        (max(issue.start, offset), min(issue.end, end_of_text), number, issue)
        for number, issue in issues
        if issue.end > offset and issue.start < end_of_text and issue.end > issue.start
    )
    out: list[str] = []
    cursor = offset
    for start, end, number, issue in spans:
        if start < cursor:
            continue  # overlapping: the first one wins
        out.append(escape(text[cursor - offset : start - offset]))
        colour = SELECTED if number == selected else HIGHLIGHT.get(issue.severity, "#fff3b0")
        out.append(
            f'<a name="issue-{number}"></a><span style="background-color:{colour}" '
            f'title="{escape(issue.message)}">{escape(text[start - offset : end - offset])}'
            "</span>"
        )
        cursor = end
    out.append(escape(text[cursor - offset :]))
    return "".join(out)


def _runs_html(
    block: LetterBlock, offset: int, issues: Sequence[tuple[int, Issue]], selected: int | None
) -> str:
    out = []
    position = offset
    for run in block.runs:
        inner = _marked(run.text, position, issues, selected)
        out.append(f"<b>{inner}</b>" if run.bold else inner)
        position += len(run.text)
    return "".join(out)


def _dir(text: str) -> str:
    return ' dir="rtl" align="right"' if is_rtl_text(text) else ""


def letter_html(letter: Letter, issues: Sequence[Issue] = (), selected: int | None = None) -> str:
    """The whole letter; ``issues`` (from the check of its body) are highlighted."""
    layout = layout_for(letter.variant)
    numbered = list(enumerate(issues))
    _body, spans = letter.body_spans()
    council = letter.council
    address = "<br>".join(escape(str(x)) for x in council.get("address_lines", []))
    parts = [
        f"<html><body style=\"font-family: Arial, 'DejaVu Sans', sans-serif; "
        f'font-size: {layout.body_pt}pt;">',
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        f'<td width="58%" valign="top"><span style="font-size:{layout.heading_pt}pt; '
        f'font-weight:bold; color:#1f3a5f">{escape(str(council.get("name", "")))}</span><br>'
        f'<span style="font-size:{layout.small_pt}pt">{escape(str(council.get("service", "")))}'
        f"<br>{address}</span></td>",
        f'<td valign="top" style="font-size:{layout.small_pt}pt"><b>Your caseworker</b><br>'
        f"{escape(letter.caseworker_name)}<br>Phone: {escape(letter.caseworker_phone)}<br>"
        f"Email: {escape(letter.caseworker_email)}<br>Our reference: {escape(letter.reference)}"
        "</td></tr></table><hr>",
        "<p>"
        + "<br>".join(escape(x) for x in (letter.recipient_name, *letter.recipient_address))
        + "</p>",
        f"<p>{escape(letter.date_text)}</p>",
        f"<p{_dir(letter.salutation)}>"
        f"{_marked(letter.salutation, spans[0][0], numbered, selected)}</p>",
    ]
    in_list = False
    for index, block in enumerate(letter.blocks):
        offset = spans[index + 1][0]
        html = _runs_html(block, offset, numbered, selected)
        if block.kind == "bullet":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li{_dir(block.text)}>{html}</li>")
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        if block.kind == "title":
            parts.append(
                f'<p{_dir(block.text)} style="font-size:{layout.title_pt}pt; font-weight:bold; '
                f'color:#1f3a5f">{html}</p>'
            )
        elif block.kind == "heading":
            parts.append(
                f'<p{_dir(block.text)} style="font-size:{layout.heading_pt}pt; '
                f'font-weight:bold; color:#1f3a5f; margin-top:10px">{html}</p>'
            )
        elif block.kind == "keybox":
            parts.append(
                '<table width="100%" cellpadding="8" style="background-color:#e8f0fa; '
                'border: 2px solid #1f3a5f"><tr><td>'
                f"<b>{html}</b></td></tr></table>"
            )
        else:
            parts.append(f"<p{_dir(block.text)}>{html}</p>")
    if in_list:
        parts.append("</ul>")
    sign_start = spans[-1][0]
    parts.append(f"<p>{_marked(letter.signoff, sign_start, numbered, selected)}</p><br>")
    parts.append(
        f"<p><b>{escape(letter.caseworker_name)}</b><br>{escape(letter.caseworker_role)}<br>"
        f"Phone: {escape(letter.caseworker_phone)}<br>Email: {escape(letter.caseworker_email)}</p>"
    )
    parts.append("</body></html>")
    return "".join(parts)
