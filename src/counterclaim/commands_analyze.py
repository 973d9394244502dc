"""`counterclaim analyze` and `counterclaim eval`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cli_errors import err as _err

from .analyze import MAX_CHARS
from .dates import BadDate, parse_published


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cmd)
    app.add_typer(eval_app, name="eval")


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
    from .analyze import analyze_articles, guess_title
    from .ingest.text import read_text_file
    from .model import Skipped

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
    if engine == "dask":  # the SCALE area: per-article analysis on Dask workers into a dataset
        from .scale.commands import analyze_dask_cmd
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
            from .present import print_analysis
            print_analysis(res)
    if fmt == "json" and not out:
        json.dump(results if len(paths) != 1 else (results[0] if results else None), sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    if out:
        typer.echo(f"analyzed {n_ok} article(s) into {out}" + (f", skipped {len(skipped)}" if skipped else ""), err=True)
    if n_ok == 0 and skipped:
        raise typer.Exit(1)


eval_app = typer.Typer(help="Measure accuracy against hand-annotated data.", no_args_is_help=True)


@eval_app.command("polnear")
def eval_polnear_cmd(
    split_dir: Path = typer.Argument(..., help="A PolNeAR-style split: text/ and attributions/ (BRAT)."),
    metadata: Optional[Path] = typer.Option(None, help="metadata.tsv (default: beside the split)."),
    pred_dir: Optional[Path] = typer.Option(None, "--pred-dir", help="Keep the predictions here."),
    limit: Optional[int] = typer.Option(None, help="Only the first N articles."),
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report."),
) -> None:
    """Analyze a PolNeAR split (or any BRAT folder) and score it with the reference scorer."""
    from .evaluate import eval_polnear, brief

    rep = eval_polnear(split_dir, metadata=metadata, pred_dir=pred_dir, limit=limit)
    typer.echo(json.dumps(rep, indent=1) if as_json else brief(rep))


@eval_app.command("gold")
def eval_gold_cmd(
    gold: Path = typer.Argument(..., help="A counterclaim-gold/1 JSON file (its text beside it)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report."),
    table: bool = typer.Option(False, "--table", help="Print a Markdown table: each gold statement, right or wrong."),
) -> None:
    """Analyze a gold-annotated article and score it: attributions, stances, propositions, dates, amounts."""
    from .evaluate import eval_gold, brief, gold_table

    rep = eval_gold(gold)
    if table:
        typer.echo(gold_table(rep))
    else:
        typer.echo(json.dumps(rep, indent=1, ensure_ascii=False) if as_json else brief(rep))


@eval_app.command("stance")
def eval_stance_cmd(
    stance_sets: Optional[List[Path]] = typer.Argument(None, help="Labelled sets (default: eval/stance/train-dev-stratified.jsonl); several are also scored pooled."),
    polnear: Optional[Path] = typer.Option(None, "--polnear", help="PolNeAR folder with train/ dev/ metadata.tsv (default: ../shared/polnear)."),
    split: Optional[List[str]] = typer.Option(None, "--split", help="Only these splits (train, dev); default: all, reported separately."),
    gold_spans: bool = typer.Option(False, "--gold-spans", help="Use the corpus' own attributions instead of the attribution step (measures stance alone)."),
    labels: str = typer.Option("label", "--labels", help="Which label to score against: label (adjudicated), label_first, label_second (the blind sets' two labellers)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report, with every row."),
) -> None:
    """Stance accuracy and denial precision/recall on hand-labelled PolNeAR attributions (train/dev only)."""
    from .evaluate import DEFAULT_STANCE_SET, eval_stance, pool_stance_reports, stance_brief

    reps = []
    for stance_set in stance_sets or [DEFAULT_STANCE_SET]:
        try:
            reps.append(eval_stance(stance_set, polnear=polnear, splits=split or None, gold_spans=gold_spans,
                                    label_field=labels))
        except KeyError as e:
            _err(f"no label field {e} in the stance set {stance_set}")
            raise typer.Exit(2)
        except (FileNotFoundError, ValueError) as e:
            _err(str(e))
            raise typer.Exit(2)
    pooled = pool_stance_reports(reps) if len(reps) > 1 else None
    if as_json:
        typer.echo(json.dumps(reps[0] if pooled is None else {"reports": reps, "pooled": pooled}, indent=1, ensure_ascii=False))
        return
    for rep in reps:
        typer.echo((f"{rep['set']}\n" if pooled else "") + stance_brief(rep))
    if pooled:
        d = pooled["denies"]
        typer.echo(f"pooled ({len(reps)} sets): stance accuracy={pooled['accuracy']} ({pooled['correct']}/{pooled['matched']} matched"
                   f" of {pooled['labelled']} labelled) · denies P={d['p']} R={d['r']} (gold {d['gold']}, predicted {d['predicted']})")
        for k, x in pooled["strata"].items():
            typer.echo(f"  {k} items: stance accuracy={x['accuracy']} ({x['correct']}/{x['matched']})")
