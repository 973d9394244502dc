"""Words for codes on the pages: country names for ISO codes (from the actors gazetteer), relation
phrases for relation ids (from the relation rules' gists), calendar dates for ISO dates and weeks."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from ..lexicons import tsv_rows

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    return {r["id"]: r["name"] for r in tsv_rows("actors.tsv") if r.get("id") and r.get("name")}


@lru_cache(maxsize=1)
def _relations() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in tsv_rows("relations.tsv"):
        rel, gist = r.get("relation"), r.get("gist") or ""
        if rel and rel not in out and "{agent}" in gist:
            phrase = gist.replace("{agent}", "").replace("{recipient}", "").strip()
            out[rel] = " ".join(phrase.split())
    return out


def country_name(code: Optional[str]) -> str:
    """``PRK`` -> ``North Korea``; an unknown code is shown as it is."""
    if not code:
        return ""
    return _gazetteer().get(code, code)


def relation_phrase(rel: Optional[str]) -> str:
    """``transfer_arms`` -> ``supplied weapons to``; else the id with spaces."""
    if not rel:
        return ""
    return _relations().get(rel) or rel.replace("_", " ")


def human_date(value: Optional[str]) -> str:
    """``2022-12-23`` -> ``23 December 2022``; ``2016-10`` -> ``October 2016``; ``2016-W40`` ->
    ``week of 3 October 2016``; anything else as it is."""
    if not value:
        return ""
    s = str(value)
    m = _WEEK.match(s)
    if m:
        try:
            d = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return s
        return f"week of {d.day} {MONTHS[d.month - 1]} {d.year}"
    m = _DATE.match(s)
    if not m:
        return s
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            day = dt.date(int(y), int(mo), int(d))
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if mo:
            return f"{MONTHS[int(mo) - 1]} {y}"
    except (ValueError, IndexError):
        return s
    return y
