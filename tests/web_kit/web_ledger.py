"""A small real ledger for the web tests: the seed article plus the short articles in articles.json
(two of them hostile), each analyzed by the real analyzer and stored by the real Ledger."""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
PAYLOAD_FLAGS = ("__xss_title", "__xss_title_img", "__xss_outlet", "__xss_url", "__xss_script", "__xss_img",
                 "__xss_href", "__xss_b", "__xss_attr")

_built: dict[str, Path] = {}


def load_articles() -> list[dict]:
    return json.loads((HERE / "articles.json").read_text(encoding="utf-8"))["articles"]


def build_ledger(folder: Path, seed_analysis) -> Path:
    """Build (once per test session) the web-test ledger in ``folder``; returns its path."""
    if "path" in _built:
        return _built["path"]
    from counterclaim import analyze
    from counterclaim.ledger import Ledger

    path = folder / "web.db"
    with Ledger(path) as led:
        assert led.add_analysis(seed_analysis) == "added"
        for a in load_articles():
            an = analyze(a["text"], outlet=a["outlet"], published=a["published"], title=a["title"], url=a["url"])
            assert led.add_analysis(an) == "added"
    _built["path"] = path
    return path
