"""Readable terminal views of analyses (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Analysis

_console = Console()


def print_analysis(a: Analysis, console: Console = _console) -> None:
    art = a.article
    head = " · ".join(x for x in (art.title, art.outlet, art.published, art.origin) if x)
    t = Table(title=head, show_lines=True, expand=True)
    t.add_column("#", style="dim", no_wrap=True)
    t.add_column("source", style="bold cyan", ratio=2)
    t.add_column("cue", style="magenta", ratio=1)
    t.add_column("content", ratio=5)
    t.add_column("kind", style="dim")
    t.add_column("stance", ratio=2)
    t.add_column("said on", style="dim")
    props = {p.id: p for p in a.propositions}
    for s in a.statements:
        src = "—"
        if s.source:
            src = s.source.span.text
            if s.source.entity and s.source.entity.name.lower() != s.source.span.text.lower():
                src += f"\n→ {s.source.entity.name}"
        elif s.source_ref:
            src = f"(continues {s.source_ref})"
        cue = s.cue.span.text if s.cue else "—"
        if s.cue and s.cue.framing != "neutral":
            cue += f"\n[{s.cue.framing}]"
        stances = "\n".join(f"{x.stance} {x.proposition}: "
                            f"{props[x.proposition].claim if x.proposition in props else ''}" for x in s.stances)
        t.add_row(s.id, src, cue, s.content_text, s.kind, stances, s.said_on.value if s.said_on else "")
    console.print(t)
    if a.quantities:
        console.print("amounts: " + "; ".join(f"{q.text} = {q.value:,.0f} {q.unit}" for q in a.quantities))
