"""PNG screenshots of the main pages, taken with Playwright driving Debian's Chromium.

The pages shown are chosen from the ledger itself: the dispute board, the most contested
proposition, and the article with the most statements among those taking a stance on it.
"""
from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Iterator

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pick_pages(ledger) -> dict[str, str]:
    """name -> path of the pages to show."""
    pages = {"disputes": "/", "outlets": "/outlets"}
    disputes = ledger.disputes(limit=1)
    if disputes:
        pid = disputes[0]["proposition"]["id"]
        pages["proposition"] = f"/propositions/{pid}"
        p = ledger.proposition(pid) or {}
        ids = [r["article_id"] for k in ("asserts", "denies", "no_knowledge") for r in p.get(k) or []]
    else:
        ids = []
    arts = ledger.articles(limit=200)
    counts = {a["id"]: a.get("n_statements") or 0 for a in arts}
    cands = [i for i in dict.fromkeys(ids)] or list(counts)
    if cands:
        best = max(cands, key=lambda i: counts.get(i, 0))
        pages["article"] = "/articles/" + urllib.parse.quote(best, safe=":@")
    return pages


def take_screenshots(app, out: Path, chromium: str = "/usr/bin/chromium", width: int = 1360,
                     height: int = 900) -> Iterator[tuple[str, Path]]:
    from playwright.sync_api import sync_playwright

    from ..web.server import running

    pages = pick_pages(app.state.ledgers.get())
    with running(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
            page = ctx.new_page()
            for name, path in pages.items():
                page.goto(base + path, wait_until="load")
                if name == "outlets":
                    try:
                        page.wait_for_selector("html[data-charts=drawn]", timeout=5000)
                    except Exception:  # no chart to draw (empty ledger): the page is still worth a look
                        pass
                target = out / f"{name}.png"
                page.screenshot(path=str(target), full_page=False)
                yield name, target
        finally:
            browser.close()
