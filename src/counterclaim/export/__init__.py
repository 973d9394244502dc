"""Exports of the ledger to the formats of the fact-checking and research ecosystems, one writer per format.

    from counterclaim.export import export
    export("counterclaim.db", "csv", "out/", outlet="RT", since="2022-12-01")

Formats: ``jsonl``, ``csv``, ``parquet`` (one file per table: articles, statements, propositions,
stances, actors), ``claimreview`` (schema.org ClaimReview JSON-LD drafts for disputed propositions),
``brat`` (standoff annotations in PolNeAR's layout), ``sqlite`` (a standalone copy of the ledger).
Every writer reads the ledger through ``counterclaim.ledger.tables`` and never writes to it.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Union

from ..ledger.tables import NotALedger, connect_readonly, connection_of

FORMATS = {
    "jsonl": "jsonl",
    "csv": "csvfile",
    "parquet": "parquet",
    "claimreview": "claimreview",
    "brat": "brat",
    "sqlite": "sqlite",
}

__all__ = ["FORMATS", "export", "NotALedger"]


def writer(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}")


def export(source, fmt: str, out: Union[str, Path], **options) -> dict:
    """Export a ledger (a Ledger, a sqlite3.Connection or the path of a ledger file) to ``out``.

    ``options`` are the filters (outlet, since, until, actor, disputed_only) and the format's own
    options (``with_text`` for the flat formats; ``layout``, ``link_sources`` for brat;
    ``date_published`` for claimreview). Returns what was written: {name: {"path", "rows", ...}}.
    """
    mod = writer(fmt)
    source_path = None
    if isinstance(source, (str, Path)):
        source_path = Path(source)
        conn, owned = connect_readonly(source_path), True
    else:
        conn, owned = connection_of(source)
        source_path = getattr(source, "path", None)
    try:
        if fmt == "brat":
            rep = mod.write_ledger(conn, out, **options)
            return {"brat": {"path": str(out), "rows": rep.articles, "statements": rep.statements,
                             "dropped": rep.dropped}}
        if fmt == "sqlite":
            return mod.write(conn, out, source_path=source_path, **options)
        return mod.write(conn, out, **options)
    finally:
        if owned:
            conn.close()
