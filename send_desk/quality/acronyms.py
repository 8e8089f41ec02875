"""Finding acronyms in a note's body and whether each is spelled out at its first use.

An acronym is a word with at least two capital letters and no more small letters than
capitals ("EP", "SENCO", "PfA", "DfE", "SEN2"), so names such as "McDonald" are not
taken for one. Plurals ("EPs") count as the acronym. Postcodes are not acronyms.

Spelled out at first use means the first time it appears it is written as
"educational psychologist (EP)" or "EP (educational psychologist)": the words in or
before the brackets are a spelling-out from the glossary, or their initials give the
acronym, or (for an acronym the glossary does not know) they start with its letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from send_desk.quality.glossary import Glossary

_TOKEN = re.compile(r"(?<![\w'’])([A-Za-z][A-Za-z0-9]*[A-Za-z0-9])(?![\w])")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")
_STOP = frozenset(
    ["and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "at", "by", "or"]
)
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class AcronymUse:
    acronym: str  # as the glossary would name it ("EP" for "EPs")
    written: str  # as written
    start: int
    end: int
    explained: bool
    known: bool
    in_full: tuple[str, ...]


def _is_acronym(word: str) -> bool:
    capitals = sum(ch.isupper() for ch in word)
    small = sum(ch.islower() for ch in word)
    return capitals >= 2 and small <= capitals and not word.isdigit()


def _base(word: str, glossary: Glossary) -> str:
    if glossary.lookup(word) is None and word.endswith("s") and len(word) > 2:
        singular = word[:-1]
        if (_is_acronym(singular) and singular.isupper()) or glossary.lookup(singular):
            return singular
    return word


def _normal(text: str) -> str:
    return " ".join(w.lower() for w in _WORDS.findall(text.replace("-", " ")))


def _letters(acronym: str) -> str:
    return "".join(ch for ch in acronym.lower() if ch.isalpha())


def _initials_match(words: list[str], acronym: str) -> bool:
    """True when the words' initials (small linking words optional) spell the acronym."""
    target = _letters(acronym)

    def match(i: int, j: int) -> bool:
        if j == len(target):
            return i == len(words)
        if i == len(words):
            return False
        word = words[i]
        if word[0] == target[j] and match(i + 1, j + 1):
            return True
        return word in _STOP and match(i + 1, j)

    pieces = [part for word in words for part in word.split()]
    return bool(pieces) and match(0, 0)


def _words_explain(text: str, acronym: str, in_full: tuple[str, ...], after: bool) -> bool:
    """Do these words (in brackets after it, or just before "(ACR)") spell it out?"""
    normal = _normal(text)
    if not normal:
        return False
    for spelling in in_full:
        target = _normal(spelling)
        if target and (normal.endswith(target) if not after else target in normal):
            return True
    words = normal.split()
    if after:
        if _initials_match(words, acronym):
            return True
        return len(words) >= 2 and words[0][0] == _letters(acronym)[:1]
    # before "(ACR)": some run of the last words must spell it out
    for size in range(1, min(len(words), len(_letters(acronym)) + 4) + 1):
        if _initials_match(words[-size:], acronym):
            return True
    if not in_full:
        tail = words[-(len(_letters(acronym)) + 3) :]
        return len(tail) >= 2 and any(word[0] == _letters(acronym)[:1] for word in tail)
    return False


def _explained_here(
    body: str, start: int, end: int, acronym: str, in_full: tuple[str, ...]
) -> bool:
    after = re.match(r"\s*\(([^()]{2,160})\)", body[end:])
    if (
        after
        and not _is_acronym(after.group(1).strip())
        and _words_explain(after.group(1), acronym, in_full, after=True)
    ):
        return True
    window = max(0, start - 20)
    opening = re.search(r"\(\s*$", body[window:start])
    closing = re.match(r"\s*(?:s\b)?[,;]?\s*\)", body[end:])
    if opening and closing:
        before = body[max(0, window + opening.start() - 300) : window + opening.start()]
        before = re.split(r"[.!?;:\n]", before)[-1]
        return _words_explain(before, acronym, in_full, after=False)
    return False


def acronym_uses(body: str, glossary: Glossary) -> list[AcronymUse]:
    """The first use of each acronym in the body, in order, with whether it is explained."""
    masked = _POSTCODE.sub(lambda m: " " * len(m.group(0)), body)
    seen: set[str] = set()
    uses: list[AcronymUse] = []
    for match in _TOKEN.finditer(masked):
        written = match.group(1)
        if not _is_acronym(written):
            continue
        acronym = _base(written, glossary)
        key = acronym.upper()
        if key in seen:
            continue
        seen.add(key)
        entry = glossary.lookup(acronym)
        known = entry is not None
        in_full = entry.in_full if entry else ()
        name = entry.abbreviation if entry else acronym
        if glossary.is_plain(acronym):
            explained = True
        else:
            explained = _explained_here(body, match.start(), match.end(), name, in_full)
        uses.append(
            AcronymUse(name, written, match.start(), match.end(), explained, known, in_full)
        )
    return uses
