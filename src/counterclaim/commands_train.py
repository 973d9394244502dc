"""`counterclaim train ...`: rebuild the project's small trained models from their training data."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

train_app = typer.Typer(help="Rebuild the small models the analyzer ships with.", no_args_is_help=True)

DEFAULT_SPLIT = Path("../shared/polnear/train")
DEFAULT_OUT = Path(__file__).resolve().parent / "nlp" / "models" / "attribution_cues.json"


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")


@train_app.command("attribution")
def train_attribution_cmd(
    split: Path = typer.Argument(DEFAULT_SPLIT, help="A PolNeAR split (text/ and attributions/); the TRAIN split only."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="Where to write the cue model (JSON)."),
    c: float = typer.Option(0.5, "--c", help="Inverse regularisation strength of the logistic regression."),
    metadata: Optional[Path] = typer.Option(None, "--metadata", help="metadata.tsv (default: beside the split)."),
) -> None:
    """Train the attribution cue model on a PolNeAR split (e.g. `counterclaim train attribution ../shared/polnear/train`)."""
    if "test" in split.resolve().parts:
        typer.echo("error: refusing to train on a test split", err=True)
        raise typer.Exit(2)
    if not (split / "attributions").is_dir() or not (split / "text").is_dir():
        typer.echo(f"error: {split} is not a PolNeAR split (needs text/ and attributions/)", err=True)
        raise typer.Exit(2)
    from .nlp.attribution import load_lexicon
    from .nlp.attr_train import collect, fit, polnear_split
    from .nlp.attribution import Rules, load_colon_labels
    from .nlp.pipeline import bare_nlp

    items = list(polnear_split(split, metadata))
    typer.echo(f"parsing {len(items)} articles of {split} ...", err=True)
    nlp = bare_nlp()
    rules = Rules(load_lexicon(), set(load_colon_labels()), open_verbs=True)
    docs = nlp.pipe((text for _, text, _ in items), batch_size=32)
    X, y, keys = collect(((doc, gold) for doc, (_, _, gold) in zip(docs, items)), rules)
    n_gold = sum(len(g) for _, _, g in items)
    model, info = fit(X, y, keys, n_gold, c=c, meta={
        "trained_on": f"PolNeAR {split.name} split ({len(items)} articles, first listed annotator)",
        "learner": f"logistic regression (scikit-learn liblinear, C={c}) over rule candidates",
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json(), encoding="utf-8")
    typer.echo(f"wrote {out} ({out.stat().st_size // 1024} KiB): {len(model.weights)} weights, "
               f"threshold {model.threshold}, out-of-fold F1 {info['oof_f1']} "
               f"(P {info['oof_p']}, R {info['oof_r']}) on {info['candidates']} candidates")
