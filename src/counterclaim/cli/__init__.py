"""The `counterclaim` command line: a thin layer over the Python API.

One module per command group, each exposing ``register(app)``: ``analyze``, ``evaluation``, ``ledger``
(ingest and the ledger's queries), ``review`` (verdicts), ``web``, ``export``, ``bench``, ``dataset``, ``train``. The
tooling behind ``eval``, ``bench``, ``train`` and the web measurements (``counterclaim.dev``) is
imported only when one of those commands runs.
"""
from __future__ import annotations

import typer

from . import analyze, bench, dataset, evaluation, export, ledger, review, train, web

app = typer.Typer(
    name="counterclaim",
    help="Who claims what, who denies it, and how each outlet reports it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _group in (analyze, evaluation, ledger, review, web, export, bench, dataset, train):
    _group.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
