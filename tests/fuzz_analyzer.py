"""`make fuzz`: the analyzer's properties (tests/nlp/test_analyzer_properties.py) at scale, with fresh randomness,
and the figures written to docs/robustness-fuzz.md.

    .venv/bin/python tests/fuzz_analyzer.py --examples 2000 --out docs/robustness-fuzz.md
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2000, help="examples per property (default 2000)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "robustness-fuzz.md")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        stats_file = Path(tmp) / "stats.json"
        env = dict(os.environ, COUNTERCLAIM_FUZZ_EXAMPLES=str(args.examples), COUNTERCLAIM_FUZZ_STATS=str(stats_file))
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               "-rA", str(ROOT / "tests" / "nlp" / "test_analyzer_properties.py")]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    out = proc.stdout + proc.stderr
    sys.stdout.write(out)
    summary = next((line for line in reversed(out.splitlines()) if " in " in line and ("passed" in line or "failed" in line)), "")
    failures = [line for line in out.splitlines() if line.startswith(("FAILED", "XPASS", "ERROR"))]
    xfails = [line for line in out.splitlines() if line.startswith("XFAIL")]
    minimal = [line.strip() for line in out.splitlines() if line.strip().startswith(("Falsifying example", "text="))]
    doc = [
        "# Robustness: the analyzer's properties under fuzzing",
        "",
        "`make fuzz` runs the hypothesis properties of `tests/nlp/test_analyzer_properties.py` with fresh",
        "randomness and many examples: for any text the analyzer raises nothing but ValueError (and only for",
        "an unanalyzable text), every offset is in range and points at its span's text (sources, cues, contents,",
        "marks, said_on, dates, quantities), no content is empty, and the same text twice gives the same JSON.",
        "Inputs: collages of real news sentences cut at random with quotes of many scripts, control characters",
        "and odd whitespace; any Unicode; runs of up to 20,000 whitespace characters; lone surrogates.",
        "`make test` runs the same properties with 60 derandomized examples each.",
        "",
        f"Last run: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; command "
        f"`.venv/bin/python tests/fuzz_analyzer.py --examples {args.examples}`.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| examples per property (max) | {args.examples:,} |",
        f"| texts checked (hypothesis' shrinking included) | {stats.get('examples', 0):,} |",
        f"| analyzed | {stats.get('analyzed', 0):,} |",
        f"| refused with ValueError (empty, blank, NUL) | {stats.get('refused', 0):,} |",
        f"| raised something else (counted in the failures below) | "
        f"{stats.get('examples', 0) - stats.get('analyzed', 0) - stats.get('refused', 0):,} |",
        f"| property failures | {len(failures)} |",
        f"| known failures (xfail, reported) | {len(xfails)} |",
        f"| wall time | {seconds:,.0f} s |",
        f"| pytest | {summary.strip('= ')} |",
        "",
    ]
    per_test, current = [], None
    for line in out.splitlines():
        if line.startswith("tests/nlp/test_analyzer_properties.py::") and line.endswith(":"):
            current = line.split("::")[1].rstrip(":")
        elif current and ("passing" in line and "failing" in line):
            per_test.append(f"| `{current}` | {line.strip(' -')} |")
            current = None
    if per_test:
        doc += ["## Per property (hypothesis statistics)", "", "| property | examples |", "|---|---|"] + per_test + [""]
    if failures or xfails:
        doc += ["## Failures", ""] + [f"- `{x}`" for x in failures + xfails] + [""]
    if minimal:
        doc += ["Minimal failing inputs found:", ""] + [f"    {x}" for x in minimal[:10]] + [""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(doc), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
