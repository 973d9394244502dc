"""How every command reports: errors as one red line on stderr, prefixed with the program name; JSON
on stdout; long texts shortened for tables."""
import json
import sys
from typing import Optional

import typer


def err(msg: str) -> None:
    typer.secho(f"counterclaim: {msg}", fg=typer.colors.RED, err=True)


def dump(obj) -> None:
    """``obj`` as indented JSON on stdout."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def short(text: Optional[str], n: int = 160) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"
