"""What every reader shares: notes (kept records with something dropped), dates, the final checks."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Optional, Union

from ..dates import BadDate, parse_published
from ..model import Article, Skipped
from .ids import derived_id
from .language import check_english

log = logging.getLogger("counterclaim.ingest")


@dataclass
class Note:
    """Something a reader dropped from a record it kept (an impossible date, a field of the wrong type)."""
    origin: str
    message: str


NoteSink = Optional[Callable[[Note], None]]


MAX_NOTES = 10_000


class NoteList(list):
    """A note sink that keeps the first ``cap`` (MAX_NOTES) notes and counts the rest in
    ``unlisted``: a file of millions of records with a bad date must not hold millions of notes."""

    def __init__(self, cap: Optional[int] = None) -> None:
        super().__init__()
        self.cap = MAX_NOTES if cap is None else cap
        self.unlisted = 0

    def append(self, note: Note) -> None:
        if len(self) < self.cap:
            super().append(note)
        else:
            self.unlisted += 1


def emit(note_sink: NoteSink, origin: str, message: str) -> None:
    n = Note(origin, message)
    if note_sink is None:
        log.warning("%s: %s", origin, message)
    else:
        note_sink(n)


def clean_date(value: object, origin: str, note_sink: NoteSink, what: str = "publication date") -> Optional[str]:
    """An ISO date, or None with a note when the value is impossible or malformed (the record is kept)."""
    try:
        return parse_published(value)
    except BadDate as e:
        emit(note_sink, origin, f"{e}; stored without a {what}")
        return None


def finish(article: Article) -> Union[Article, Skipped]:
    """The checks every reader's article goes through last: not empty, no NUL bytes, English."""
    text = article.text
    origin = article.origin or article.id
    if not text or not text.strip():
        return Skipped(origin, "empty text")
    if "\x00" in text:
        return Skipped(origin, "binary content (NUL bytes in the text)")
    why = check_english(text)
    if why:
        return Skipped(origin, why)
    if not article.language:
        article.language = "en"
    if not article.id or article.id.startswith("sha1:"):  # no id of its own: a readable one
        article.id = derived_id(article.url, article.origin) or article.id
    if not article.title:
        from ..titles import guess_title
        article.title = guess_title(text)
    return article
