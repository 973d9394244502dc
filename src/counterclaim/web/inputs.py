"""What the API and the pages accept alike: date filters in one set of formats, the largest text,
publication dates checked into a 422 with the reason, and no query parameter an endpoint does not
declare."""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import HTTPException, Query, Request
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from ..dates import QUERY_DATE_FORMATS, BadDate, check_query_date, parse_published

MAX_TEXT = 1_000_000


def checked_date(value: Optional[str]) -> Optional[str]:
    """An ISO publication date, or HTTP 422 with the reason."""
    try:
        return parse_published(value)
    except BadDate as e:
        raise HTTPException(422, str(e))


def _query_date(value: Optional[str]) -> Optional[str]:
    if value is not None and len(value) > 10:  # never echoed at length
        raise PydanticCustomError("date", "{reason}", {"reason": f"not a date: use {QUERY_DATE_FORMATS}"})
    try:
        return check_query_date(value, "date")
    except BadDate as e:
        raise PydanticCustomError("date", "{reason}", {"reason": str(e)}) from None


# Every date filter (API and pages): a 422 (a 400 page) naming the accepted formats when malformed
# or impossible; an empty value is no filter.
DateQuery = Annotated[Optional[str], AfterValidator(_query_date),
                      Query(description=f"A date or its prefix: {QUERY_DATE_FORMATS}",
                            examples=["2022", "2022-12", "2022-12-23"])]

_ACCEPTED: dict[int, tuple[str, ...]] = {}


def accepted_params(route) -> tuple[str, ...]:
    """The query parameters a route declares (its own and its dependencies')."""
    names = _ACCEPTED.get(id(route))
    if names is None:
        names, todo = [], [route.dependant]
        while todo:
            d = todo.pop()
            names += [p.alias for p in d.query_params if p.alias not in names]
            todo += d.dependencies
        names = tuple(names)
        _ACCEPTED[id(route)] = names
    return names


def known_params_only(request: Request) -> None:
    """HTTP 422 (a 400 page) naming the query parameters the endpoint does not declare, with the
    ones it does."""
    route = request.scope.get("route")
    if route is None:
        return
    accepted = accepted_params(route)
    unknown = sorted({k for k in request.query_params.keys() if k not in accepted})
    if unknown:  # named, but never echoed at length
        names = ", ".join(repr(k[:40]) for k in unknown[:10]) + (", ..." if len(unknown) > 10 else "")
        status = 422 if request.url.path.startswith("/api/") else 400  # as the other refusals of each
        raise HTTPException(status, f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names}: "
                                 f"this endpoint accepts {', '.join(accepted) if accepted else 'none'}")
