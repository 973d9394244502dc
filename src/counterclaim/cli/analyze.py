"""`counterclaim analyze`: the analyzer over articles (every format `ingest` reads: text with its
sidecar, HTML, JSON Lines, WARC, and folders of them), printed, as JSON, or written one file per article."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..limits import MAX_CHARS
from .metadata import OUTLET_HELP, PUBLISHED_HELP, TITLE_HELP, URL_HELP, metadata_options
from .output import err as _err


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cmd)


def analyze_cmd(
    paths: List[Path] = typer.Argument(..., help="Files (.txt with an optional NAME.meta.json, .html, .jsonl, "
                                                 ".warc[.gz]) or folders of them."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write DIR/NAME.json for each NAME.txt (each article of "
                                                           "a JSON Lines or WARC file: DIR/NAME-ID.json)."),
    fmt: str = typer.Option("table", "--format", help="table | json (when not writing to --out)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help=OUTLET_HELP),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
    url: Optional[str] = typer.Option(None, "--url", help=URL_HELP),
    title: Optional[str] = typer.Option(None, "--title", help=TITLE_HELP),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help="Skip articles longer than this many characters."),
    engine: str = typer.Option("local", "--engine", help="local | dask (dask: --out is a Parquet/JSONL dataset folder)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="LocalCluster worker processes (default: one per core)."),
    dataset_format: str = typer.Option("parquet", "--dataset-format", help="dask engine: parquet | jsonl."),
) -> None:
    """Find every attributed statement in articles: who said what, with which cue, and its stance."""
    from ..analyze import analyze_articles
    from ..ingest import read_paths
    from ..ingest.folders import kind_of
    from ..model import Skipped

    if fmt not in ("table", "json"):
        _err(f"unknown --format {fmt!r}: use table or json")
        raise typer.Exit(2)
    try:
        meta = metadata_options(paths, outlet, published, url, title)
    except typer.BadParameter as e:
        _err(f"{e.param_hint}: {e.message}" if e.param_hint else e.message)
        raise typer.Exit(2)

    skipped: list[Skipped] = []

    def articles():
        notes = lambda n: _err(f"{n.origin}: {n.message}")  # noqa: E731
        for got in meta.apply(read_paths(paths, note_sink=notes)):
            if isinstance(got, Skipped):
                skipped.append(got)
                _err(f"{got.origin}: skipped: {got.reason}")
                continue
            yield got

    if engine not in ("local", "dask"):
        _err(f"unknown --engine {engine!r}: use local or dask")
        raise typer.Exit(2)
    if engine == "dask":  # per-article analysis on Dask workers into a dataset (docs/scale.md)
        from .dask import analyze_dask_cmd
        analyze_dask_cmd(articles(), out, skipped, fmt=dataset_format, scheduler=scheduler, workers=workers,
                         max_chars=max_chars)
        return
    if out:
        out.mkdir(parents=True, exist_ok=True)
    results = []
    used: set[str] = set()
    n_ok = 0
    for res in analyze_articles(articles(), max_chars=max_chars):
        if isinstance(res, Skipped):
            skipped.append(res)
            _err(f"{res.origin}: skipped: {res.reason}")
            continue
        n_ok += 1
        if out:
            name = _out_name(res.article, used)
            (out / f"{name}.json").write_text(json.dumps(res.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        elif fmt == "json":
            results.append(res.to_dict())
        else:
            from ..present import print_analysis
            print_analysis(res)
    if fmt == "json" and not out:
        one = len(paths) == 1 and not paths[0].is_dir() and kind_of(paths[0]) in ("text", "html")
        json.dump(results if not one else (results[0] if results else None), sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    if out:
        typer.echo(f"analyzed {n_ok} article(s) into {out}" + (f", skipped {len(skipped)}" if skipped else ""), err=True)
    if n_ok == 0 and skipped:
        raise typer.Exit(1)


def _out_name(article, used: set[str]) -> str:
    """NAME for NAME.txt / NAME.html; for one of several articles of a file, NAME-ID; unique in a run."""
    import re

    origin = article.origin or article.id
    base = Path(origin.split("#", 1)[0]).name
    for suf in (".warc.gz", ".jsonl.gz", ".ndjson.gz"):
        if base.lower().endswith(suf):
            base = base[: -len(suf)]
    base = Path(base).stem if "." in base else base
    name = base
    if name in used:
        name = f"{base}-" + re.sub(r"[^\w.-]+", "-", article.id).strip("-")[:60]
    n = 2
    while name in used:
        name = f"{base}-{n}"
        n += 1
    used.add(name)
    return name
