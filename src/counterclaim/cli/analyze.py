"""`counterclaim analyze`: the analyzer over text files, printed, as JSON, or written one file per article."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..dates import BadDate, parse_published
from ..limits import MAX_CHARS
from .output import err as _err


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cmd)


def analyze_cmd(
    paths: List[Path] = typer.Argument(..., help="Plain-text (UTF-8) article files."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write DIR/NAME.json for each NAME.txt."),
    fmt: str = typer.Option("table", "--format", help="table | json (when not writing to --out)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="The outlet that published the articles."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date, YYYY-MM-DD."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help="Skip articles longer than this many characters."),
    engine: str = typer.Option("local", "--engine", help="local | dask (dask: --out is a Parquet/JSONL dataset folder)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="LocalCluster worker processes (default: one per core)."),
    dataset_format: str = typer.Option("parquet", "--dataset-format", help="dask engine: parquet | jsonl."),
) -> None:
    """Find every attributed statement in articles: who said what, with which cue, and its stance."""
    from ..analyze import analyze_articles
    from ..ingest.text import read_text_file
    from ..model import Skipped
    from ..titles import guess_title

    if fmt not in ("table", "json"):
        _err(f"unknown --format {fmt!r}: use table or json")
        raise typer.Exit(2)
    try:
        pub = parse_published(published)
    except BadDate as e:
        _err(str(e))
        raise typer.Exit(2)

    skipped: list[Skipped] = []

    def articles():
        for p in paths:
            got = read_text_file(p)
            if isinstance(got, Skipped):
                skipped.append(got)
                _err(f"{got.origin}: skipped: {got.reason}")
                continue
            got.outlet = outlet or got.outlet
            got.published = pub or got.published
            got.title = got.title or guess_title(got.text)
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
    n_ok = 0
    for res in analyze_articles(articles(), max_chars=max_chars):
        if isinstance(res, Skipped):
            skipped.append(res)
            _err(f"{res.origin}: skipped: {res.reason}")
            continue
        n_ok += 1
        if out:
            name = Path(res.article.origin or res.article.id).stem
            (out / f"{name}.json").write_text(json.dumps(res.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        elif fmt == "json":
            results.append(res.to_dict())
        else:
            from ..present import print_analysis
            print_analysis(res)
    if fmt == "json" and not out:
        json.dump(results if len(paths) != 1 else (results[0] if results else None), sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    if out:
        typer.echo(f"analyzed {n_ok} article(s) into {out}" + (f", skipped {len(skipped)}" if skipped else ""), err=True)
    if n_ok == 0 and skipped:
        raise typer.Exit(1)
