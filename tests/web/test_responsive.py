"""Every kind of page at a desktop width (1366 px) and a phone width (390 px), in Chromium: nothing
wider than the window (wide tables and timelines scroll inside their own box), the outlet charts
inside their figure, one column on the phone."""
from __future__ import annotations

import pytest

from web_kit.web_ledger import build_ledger

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

WIDTHS = (1366, 390)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, seed_analysis):
    from counterclaim.web.server import running
    from counterclaim.web import create_app

    db = build_ledger(tmp_path_factory.mktemp("webr"), seed_analysis)
    with running(create_app(db, allow_review=True)) as base:
        yield base


@pytest.fixture(scope="module")
def paths(base_url) -> list[str]:
    import json
    import urllib.request

    def get(p):
        with urllib.request.urlopen(base_url + p) as r:
            return json.loads(r.read())

    d = get("/api/disputes?limit=1")[0]
    art = d["asserted_by"][0]["article_id"]
    actor = next(r["actor"]["id"] for r in d["asserted_by"] + d["denied_by"] if r.get("actor"))
    return ["/", "/?verdict=false", "/propositions", f"/propositions/{d['proposition']['id']}", "/articles",
            f"/articles/{art}", "/actors", f"/actors/{actor}", "/actors/Korea", "/outlets", "/outlets/RT", "/search?q=weapons", "/analyze",
            "/no-such-page"]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window(browser, base_url, paths, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    try:
        wide = []
        for p in paths:
            page.goto(base_url + p)
            page.wait_for_load_state("load")
            sw, iw = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if sw > iw:
                wide.append((p, sw, iw))
        assert not wide, f"pages wider than {width} px: {wide}"
    finally:
        ctx.close()


def test_the_phone_gets_one_column(browser, base_url, paths):
    ctx = browser.new_context(viewport={"width": 390, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(base_url + paths[3])  # a claim page: three stance groups side by side on a desktop
        lefts = page.evaluate("[...document.querySelectorAll('.stance-group')].map(e => e.getBoundingClientRect().left)")
        assert len(lefts) == 3 and len(set(round(x) for x in lefts)) == 1
        page.goto(base_url + "/")
        cells = page.evaluate("[...document.querySelectorAll('.dispute .tl-row:not(.tl-head)')].map(r => "
                              "[...r.children].filter(c => c.offsetHeight > 0).map(c => { const b = c.getBoundingClientRect();"
                              " return [b.left, b.top, b.bottom, c.className]; }))")
        assert cells
        for row in cells:  # the date first, then each side below the one before, all flush left
            row.sort(key=lambda c: c[1])
            assert "tl-date" in row[0][3]
            assert len({round(c[0]) for c in row}) == 1
            assert all(b[1] >= a[2] - 0.5 for a, b in zip(row, row[1:]))
    finally:
        ctx.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["/outlets", "/outlets/RT"])
def test_the_outlet_charts_fit(browser, base_url, width, path):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(base_url + path)
        page.wait_for_function("document.documentElement.getAttribute('data-charts') === 'drawn'")
        boxes = page.evaluate("[...document.querySelectorAll('.chart-box')].map(f => { const c = f.querySelector('canvas')"
                              ".getBoundingClientRect(), b = f.getBoundingClientRect(); return [c.right, b.right, b.right - b.left]; })")
        for right, box_right, box_w in boxes:
            assert right <= box_right + 0.5 and box_w <= width
    finally:
        ctx.close()
