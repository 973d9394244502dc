"""`counterclaim bench`: throughput, scale-out, memory, per-component cost, profile (the measuring
is ``counterclaim.dev.bench`` and ``counterclaim.dev.scale_bench``)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .output import err as _err

bench_app = typer.Typer(help="Measure throughput and memory (see docs/bench.md).")


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")


def _log(msg: str) -> None:
    typer.echo(msg, err=True)


CORPUS_HELP = "A folder of .txt files or a PolNeAR-style split (its text/). Default: the bundled examples/."


@bench_app.callback(invoke_without_command=True)
def bench_cmd(
    ctx: typer.Context,
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report only."),
    rounds: int = typer.Option(3, "--rounds", help="Rounds of the arms, in alternation; the median is kept."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N articles."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-round lines on stderr."),
    clock: str = typer.Option("cpu", "--clock", help="cpu (process CPU time: robust on a shared machine) | wall."),
) -> None:
    """Throughput of bare spaCy, analyze, ingest and textacy's direct_quotations on the same texts, in one run."""
    if ctx.invoked_subcommand is not None:
        return
    from ..dev.bench import format_bench, run_bench

    try:
        res = run_bench(corpus, rounds=rounds, limit=limit, clock=clock, log=None if quiet else _log)
    except (FileNotFoundError, ValueError) as e:
        _err(str(e))
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(res))
    else:
        typer.echo(format_bench(res, str(corpus or "examples/")))


@bench_app.command("scale")
def bench_scale_cmd(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    workers: str = typer.Option("1,2", "--workers", help="Worker counts to compare, e.g. 1,2."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N articles."),
    rounds: int = typer.Option(1, "--rounds", help="Rounds, alternating the clusters; the median is kept."),
    partition_size: int = typer.Option(8, "--partition-size", help="Articles per Dask task."),
    merge: bool = typer.Option(False, "--merge", help="Also time the one-writer merge into a fresh ledger."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report only."),
) -> None:
    """Dask engine throughput with 1 and 2 (or more) workers; cluster start-up and model load not timed."""
    from ..dev.scale_bench import format_scale, run_scale

    try:
        counts = tuple(int(x) for x in workers.split(",") if x.strip())
    except ValueError:
        _err(f"--workers takes counts like 1,2, not {workers!r}")
        raise typer.Exit(2)
    try:
        res = run_scale(corpus, workers=counts, limit=limit, rounds=rounds, partition_size=partition_size,
                        merge=merge, log=_log)
    except (FileNotFoundError, ValueError) as e:
        _err(str(e))
        raise typer.Exit(2)
    typer.echo(json.dumps(res) if as_json else format_scale(res))


@bench_app.command("memory")
def bench_memory_cmd(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    scenario: list[str] = typer.Option(["corpus", "big", "stream"], "--scenario",
                                       help="corpus (the whole corpus), big (one huge article), stream (N articles), "
                                            "ingest (the corpus stored in a fresh ledger, claim encoder included)."),
    stream_n: int = typer.Option(2000, "--stream-n", help="Articles in the stream scenario (the corpus, cycled)."),
    big_mb: float = typer.Option(5.0, "--big-mb", help="Size of the huge article, in MB (made of the corpus' texts)."),
    segment_chars: int = typer.Option(0, "--segment-chars", help="big: the analyzer's segment size (0: its default)."),
    batch_chars: Optional[int] = typer.Option(None, "--batch-chars", min=0,
                                              help="The analyzer's character budget per batch (0: none; default: its own)."),
    zone_chars: Optional[int] = typer.Option(None, "--zone-chars", min=0,
                                             help="Characters per spaCy memory zone (0: no zones; default: the analyzer's)."),
    stream_unit: str = typer.Option("article", "--stream-unit",
                                    help="stream: article (the corpus cycled) or paragraph (its paragraphs, each text "
                                         "made different: numbers shifted, a new name; for 100k-text streams)."),
    sample_every: int = typer.Option(0, "--sample-every", min=0, help="stream: RSS sample every N texts (0: a tenth)."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report only."),
) -> None:
    """Resident memory of analyze (and ingest), each scenario in a fresh process: a corpus, a huge article, a long
    stream, the corpus stored in a ledger."""
    from ..dev.bench import format_memory, run_memory

    bad = set(scenario) - {"corpus", "big", "stream", "ingest"}
    if bad:
        _err(f"unknown --scenario {sorted(bad)}: use corpus, big, stream or ingest")
        raise typer.Exit(2)
    try:
        res = run_memory(corpus, scenarios=tuple(scenario), stream_n=stream_n, big_mb=big_mb,
                         segment_chars=segment_chars, batch_chars=batch_chars, zone_chars=zone_chars,
                         stream_unit=stream_unit, sample_every=sample_every, log=None if as_json else _log)
    except (FileNotFoundError, RuntimeError, ValueError) as e:
        _err(str(e))
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(res))
        return
    text = format_memory(res)
    if text:
        typer.echo(text)


@bench_app.command("components")
def bench_components_cmd(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N articles."),
    rounds: int = typer.Option(3, "--rounds"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Time each pipeline component alone (the model's and Counterclaim's): where the time goes."""
    from ..dev.bench import format_components, run_components

    res = run_components(corpus, limit=limit, rounds=rounds)
    typer.echo(json.dumps(res) if as_json else format_components(res))


@bench_app.command("profile")
def bench_profile_cmd(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N articles."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write pyinstrument's HTML report here."),
) -> None:
    """Profile the analyzer (pyinstrument when installed, else cProfile) over a corpus, model warm."""
    from ..dev.bench import run_profile

    typer.echo(run_profile(corpus, limit=limit, html=html))


@bench_app.command("matching")
def bench_matching_cmd(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    limit: Optional[int] = typer.Option(20, "--limit", help="Only the first N articles."),
    sizes: str = typer.Option("1000,10000,100000", "--sizes", help="Ledger sizes (stored claims) to time ingest at."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report only."),
) -> None:
    """Claim matching's own cost per claim (embedding, index lookup, scoring), and the time to store an
    article as the ledger grows (synthetic filler claims up to each size)."""
    from ..analyze import analyze_articles
    from ..dev.bench import load_corpus
    from ..dev.match_bench import format_cost, format_growth, matching_cost, run_growth
    from ..model import Analysis

    try:
        counts = sorted(int(x) for x in sizes.split(",") if x.strip())
        arts = load_corpus(corpus, limit)
    except ValueError:
        _err(f"--sizes takes counts like 1000,10000, not {sizes!r}")
        raise typer.Exit(2)
    except FileNotFoundError as e:
        _err(str(e))
        raise typer.Exit(2)
    analyses = [a for a in analyze_articles(arts) if isinstance(a, Analysis)]
    cost = matching_cost(analyses)
    growth = run_growth(analyses, counts, log=None if as_json else _log)
    if as_json:
        typer.echo(json.dumps({"cost": cost, "growth": growth}))
    else:
        typer.echo(format_cost(cost))
        typer.echo(format_growth(growth))


@bench_app.command("check")
def bench_check_cmd(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help=CORPUS_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N articles."),
    rounds: int = typer.Option(2, "--rounds", help="Rounds of each measure; the median is kept."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="The budget and recorded figures "
                                            "(default: docs/bench-baseline.json)."),
    record: bool = typer.Option(False, "--record", help="Write this run's figures as the recorded ones."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when a share is over budget or the ratio "
                                "fell below the recorded one."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report only."),
) -> None:
    """Each step's share of the pipeline's CPU against the budget, and analyze / spaCy against the last
    recorded figure (see docs/bench.md): run before leaving a change to the analyzer."""
    from ..dev import bench_check

    path = baseline or bench_check.BASELINE
    try:
        res = bench_check.run_check(corpus, rounds=rounds, limit=limit, log=None if as_json else _log)
    except (FileNotFoundError, ValueError) as e:
        _err(str(e))
        raise typer.Exit(2)
    base = bench_check.load_baseline(path)
    verdict = bench_check.compare(res, base)
    if as_json:
        typer.echo(json.dumps({**res, "verdict": verdict}))
    else:
        typer.echo(bench_check.format_check(res, base, verdict))
    if record:
        bench_check.record(res, path)
        if not as_json:
            typer.echo(f"recorded in {path}")
    if strict and not verdict["ok"]:
        raise typer.Exit(1)
