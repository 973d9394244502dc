"""A rich progress line on stderr for a long ingest: articles read, added, skipped, articles/s."""
from __future__ import annotations

import time


class IngestProgress:
    """Shows an IngestReport as it grows (``update``) when enabled; does nothing otherwise."""

    def __init__(self, enabled: bool):
        self.p = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.p = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"),
                          TextColumn("{task.completed:,} read · {task.fields[added]:,} added · "
                                     "{task.fields[unchanged]:,} unchanged · {task.fields[skipped]:,} skipped"),
                          TextColumn("· {task.fields[rate]} articles/s"), TimeElapsedColumn(),
                          console=Console(stderr=True), transient=False)
        self.t0 = time.perf_counter()
        self.task = self.p.add_task("ingest", total=None, added=0, unchanged=0, skipped=0, rate="–")
        self.p.start()

    def update(self, r) -> None:
        if self.p is not None:
            dt = time.perf_counter() - self.t0
            done = r.added + r.unchanged + r.n_skipped
            self.p.update(self.task, completed=r.read, added=r.added, unchanged=r.unchanged,
                          skipped=r.n_skipped, rate=f"{done / dt:,.1f}" if dt > 0 else "–")

    def close(self) -> None:
        if self.p is not None:
            self.p.stop()
