"""Publication dates at the boundary: accept what readers meet, return ISO YYYY-MM-DD or raise."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .errors import CounterclaimError

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


class BadDate(CounterclaimError, ValueError):
    pass


def parse_published(value: Optional[object]) -> Optional[str]:
    """``2022-12-23``, ``2022-12-23T10:00:00Z``, a date or datetime -> ``2022-12-23``.

    None or "" -> None. Anything else (``2022-13-45``, ``yesterday``) raises BadDate with a
    message fit for a one-line error.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise BadDate(f"publication date must be a string like 2022-12-23, not {type(value).__name__}")
    m = _ISO.match(value)
    if not m:
        raise BadDate(f"publication date {value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError as e:
        raise BadDate(f"publication date {value!r} is impossible: {e}") from None


_QUERY_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
QUERY_DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"


def check_query_date(value: Optional[str], what: str = "date") -> Optional[str]:
    """A date filter as given (``2022``, ``2022-12``, ``2022-12-23``: a prefix matches every date
    it begins), or BadDate naming the accepted formats when it is malformed or impossible."""
    if value is None or value == "":
        return None
    m = _QUERY_DATE.match(value)
    if not m:
        raise BadDate(f"{what} {value!r} is not a date: use {QUERY_DATE_FORMATS}")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        dt.date(y, mo, d)
    except ValueError as e:
        raise BadDate(f"{what} {value!r} is impossible ({e}): use {QUERY_DATE_FORMATS}") from None
    return value
