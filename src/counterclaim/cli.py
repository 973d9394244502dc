"""The `counterclaim` command line: a thin layer over the Python API.

Commands live in modules named ``commands_*.py`` beside this file, one area each; every such
module exposes ``register(app)``.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="counterclaim",
    help="Who claims what, who denies it, and how each outlet reports it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = [
    "counterclaim.commands_analyze",
    "counterclaim.commands_ledger",
    "counterclaim.commands_web",
    "counterclaim.commands_export",
    "counterclaim.commands_bench",
    "counterclaim.commands_train",
]

for _mod in COMMAND_MODULES:
    try:
        importlib.import_module(_mod).register(app)
    except ModuleNotFoundError as e:  # an area not built yet
        if e.name != _mod:
            raise


def main() -> None:
    app()


if __name__ == "__main__":
    main()
