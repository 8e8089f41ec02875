"""Sentences, words, syllables and the Flesch reading ease of a note's body.

Why not textstat: its current releases count syllables with the CMU Pronouncing
Dictionary, which they fetch over the network at run time (``nltk.download``) -- a
laptop in a family's home has no network, and the dictionary's pip packaging is
GPL. Its older releases, and its fallback, count syllables by hyphenation points
(pyphen), which undercounts ("a-bout", "ar-e-a" have no hyphenation point), so text
scores as plainer than it is. We also need the sentences themselves (the "no
sentence over 40 words" rule, and to show the caseworker which sentence is long),
counted the same way as for the score. The formula is Flesch's (1948):

    206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)

and syllables are estimated by vowel groups with the usual English corrections
(silent final e, -le, -ed, -es), which is within one syllable of the dictionary for
almost every word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "e.g",
        "i.e",
        "etc",
        "approx",
        "cf",
        "vs",
        "ref",
        "tel",
        "dept",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
)
_BOUNDARY = re.compile(
    r"(?<=[.!?…])[\"'”’)\]]*\s+"  # end punctuation, optional closing quote, space
    r"|\n\s*\n"  # a blank line
    r"|\n(?=\s*(?:[-•*–]|\d+[.)]|[A-Z0-9\"'“‘(]))"  # a new line starting a list item or sentence
)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    reading_ease: float
    longest_sentence_words: int
    long_sentences: tuple[str, ...]


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences_of(text: str) -> list[str]:
    """Split into sentences; abbreviations such as "Mr." and "e.g." do not end one."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()]
        before = candidate.rstrip("\"'”’)] ").rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        abbreviation = last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        if abbreviation and "\n" not in match.group(0):
            continue
        pieces.append(candidate)
        start = match.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if words_of(piece)]


_VOWELS = re.compile(r"[aeiouy]+")
# -tion, -sion, -cial, -tious, -cious...: the "i" makes no syllable of its own.
_GLIDE = re.compile(r"(?<=[tscxg])i(?=on|al|ous|an\b|en)")
# two vowels sounded apart: vi-o-lent, me-di-a, u-su-al, cre-ate.
_HIATUS = re.compile(r"i[aou]|(?<![qg])u[aio]|ea(?=t)|[aeiouy](?=ing$)")


def _plain_letters(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65_536)
def syllables(word: str) -> int:
    """Estimated syllables of one word (at least one)."""
    w = _plain_letters(word.lower().replace("’", "'").split("'")[0])
    if not w.isalpha():
        return 1  # numbers and codes: one unit each, as the dictionaries count them
    if not w.isascii():
        return max(1, round(len(w) / 3))  # another script: about three letters a syllable
    if len(w) <= 3:
        return 1
    w = _GLIDE.sub("", w)
    count = len(_VOWELS.findall(w)) + len(_HIATUS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: make, decide
    elif w.endswith("le") and w[-3] not in "aeiouy" and count == 1:
        count += 1  # able
    if w.endswith("ed") and w[-3] not in "td" and count > 1:
        count -= 1  # asked, planned (but not wanted, needed)
    elif w.endswith("es") and w[-3] not in "sxzhcgi" and count > 1:
        count -= 1  # makes, notes (but not buses, changes)
    return max(1, count)


def analyse(text: str, max_sentence_words: int = 40) -> Readability:
    sentences = sentences_of(text)
    words = words_of(text)
    n_words = len(words)
    n_sentences = max(1, len(sentences))
    n_syllables = sum(syllables(word) for word in words)
    if n_words:
        ease = 206.835 - 1.015 * (n_words / n_sentences) - 84.6 * (n_syllables / n_words)
    else:
        ease = 100.0
    lengths = [(len(words_of(sentence)), sentence) for sentence in sentences]
    long_ones = tuple(sentence for length, sentence in lengths if length > max_sentence_words)
    return Readability(
        words=n_words,
        sentences=len(sentences),
        syllables=n_syllables,
        reading_ease=round(ease, 1),
        longest_sentence_words=max((length for length, _ in lengths), default=0),
        long_sentences=long_ones,
    )
