"""`counterclaim eval`: accuracy against hand-annotated data (PolNeAR, the gold article, the stance
sets) and the precision of a ledger's disputes against judgements. The scoring lives in
``counterclaim.dev.evaluate`` and ``counterclaim.ledger.judgements``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..ledger.queries import MIN_CONFIDENCE
from .ledger import DB_HELP, open_ledger
from .output import dump, short
from .output import err as _err


eval_app = typer.Typer(help="Measure accuracy against hand-annotated data.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")


@eval_app.command("polnear")
def eval_polnear_cmd(
    split_dir: Path = typer.Argument(..., help="A PolNeAR-style split: text/ and attributions/ (BRAT)."),
    metadata: Optional[Path] = typer.Option(None, help="metadata.tsv (default: beside the split)."),
    pred_dir: Optional[Path] = typer.Option(None, "--pred-dir", help="Keep the predictions here."),
    limit: Optional[int] = typer.Option(None, help="Only the first N articles."),
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report."),
) -> None:
    """Analyze a PolNeAR split (or any BRAT folder) and score it with the reference scorer."""
    from ..dev.evaluate import eval_polnear, brief

    rep = eval_polnear(split_dir, metadata=metadata, pred_dir=pred_dir, limit=limit)
    typer.echo(json.dumps(rep, indent=1) if as_json else brief(rep))


@eval_app.command("gold")
def eval_gold_cmd(
    gold: Path = typer.Argument(..., help="A counterclaim-gold/1 JSON file (its text beside it)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report."),
    table: bool = typer.Option(False, "--table", help="Print a Markdown table: each gold statement, right or wrong."),
) -> None:
    """Analyze a gold-annotated article and score it: attributions, stances, propositions, dates, amounts."""
    from ..dev.evaluate import eval_gold, brief, gold_table

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
    from ..dev.evaluate import DEFAULT_STANCE_SET, eval_stance, pool_stance_reports, stance_brief

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


@eval_app.command("disputes")
def eval_disputes_cmd(
    judged: Path = typer.Argument(..., help="Judgement file (eval/disputes/*.json)."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    min_confidence: float = typer.Option(MIN_CONFIDENCE, "--min-confidence", min=0.0, max=1.0,
                                         help="The disputes' link threshold (as `disputes --min-confidence`)."),
    todo: Optional[Path] = typer.Option(None, "--todo", help="Write the links no judgement covers here, to judge."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Score a ledger's disputes: against every dispute a reader found (a counterclaim-dispute-gold/1
    file: recall, precision, cross-article disputes found), or against judged links (link and dispute
    precision)."""
    from ..ledger.gold_disputes import is_gold
    from ..ledger.judgements import JudgementError, Judgements
    if is_gold(judged):
        return _eval_gold_disputes(judged, db, min_confidence, as_json)
    try:
        j = Judgements.load(judged)
    except JudgementError as e:
        _err(str(e))
        raise typer.Exit(2)
    with open_ledger(db) as led:
        r = led.judge_disputes(j, min_confidence=min_confidence)
    if todo is not None:
        todo.write_text(json.dumps(r["todo"], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if as_json:
        return dump({k: v for k, v in r.items() if k != "todo"})
    pct = lambda x: "—" if x is None else f"{100 * x:.1f}%"  # noqa: E731
    for d in r["per_dispute"]:
        typer.echo(f"  {d['verdict']:>4}  #{d['id']} {short(d['gist'], 70)}  ({d['right']}/{d['judged']} links right"
                   f"{', ' + str(d['links'] - d['judged']) + ' unjudged' if d['links'] > d['judged'] else ''})")
    typer.echo(f"disputes: {r['disputes']} (real {r['real']}, not real {r['not_real']}, unsettled {r['open']}) · "
               f"dispute precision {pct(r['dispute_precision'])}")
    typer.echo(f"links: {r['links']} (judged {r['judged_links']}, right {r['right_links']}, unjudged "
               f"{r['unjudged_links']}) · link precision {pct(r['link_precision'])}")
    if todo is not None:
        typer.echo(f"{len(r['todo'])} unjudged link(s) written to {todo}")


def _eval_gold_disputes(gold_path: Path, db: Optional[Path], min_confidence: float, as_json: bool) -> None:
    from ..ledger.gold_disputes import GoldError, load_gold, load_gold_articles
    try:
        gold = load_gold(gold_path)
        articles = load_gold_articles(gold_path)
    except GoldError as e:
        _err(str(e))
        raise typer.Exit(2)
    with open_ledger(db) as led:
        r = led.score_disputes(gold, min_confidence=min_confidence, articles=articles)
    if as_json:
        return dump(r)
    pct = lambda x: "—" if x is None else f"{100 * x:.1f}%"  # noqa: E731
    for d in r["per_dispute"]:
        mark = "gold" if d["confirms"] else "out" if d["outside"] else "-"
        typer.echo(f"  {mark:>4}  #{d['id']} {short(d['gist'], 70)}"
                   f"{'  = ' + ', '.join(d['confirms']) if d['confirms'] else ''}")
    typer.echo(f"gold disputes: {r['gold_disputes']} · found {r['found']} · recall {pct(r['recall'])}")
    outside = f" ({r['outside']} outside the gold's articles)" if r["outside"] else ""
    typer.echo(f"listed disputes: {r['listed']}{outside} · confirming a gold dispute {r['confirming']} · "
               f"precision {pct(r['precision'])}")
    typer.echo(f"cross-article: {r['cross_article_found']} of {r['gold_cross_article']} found")
