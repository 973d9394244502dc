"""An article's title when its source gives none: the first line of its text, when short enough."""
from __future__ import annotations

from typing import Optional


def guess_title(text: str) -> Optional[str]:
    """The first non-empty line, when it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 else None
    return None
