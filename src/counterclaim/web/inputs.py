"""What the API and the pages accept alike: the date pattern of query parameters, the largest text,
and publication dates checked into a 422 with the reason."""
from __future__ import annotations

from typing import Optional

from fastapi import HTTPException

from ..dates import BadDate, parse_published

DATE_RE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_TEXT = 1_000_000


def checked_date(value: Optional[str]) -> Optional[str]:
    """An ISO publication date, or HTTP 422 with the reason."""
    try:
        return parse_published(value)
    except BadDate as e:
        raise HTTPException(422, str(e))
