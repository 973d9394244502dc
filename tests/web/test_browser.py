"""The web UI in a real browser: Playwright driving Debian's Chromium over a live uvicorn server
on loopback, serving a real ledger (real analyses, two hostile articles among them)."""
from __future__ import annotations

import pytest

from web_kit.web_ledger import PAYLOAD_FLAGS, build_ledger, load_articles

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, seed_analysis):
    from counterclaim.web import create_app
    from counterclaim.web.server import running

    db = build_ledger(tmp_path_factory.mktemp("webb"), seed_analysis)
    with running(create_app(db, allow_analyze=True)) as base:
        yield base


class Watch:
    """Records what a page does that it must not: dialogs, page errors, CSP violations, requests
    leaving the server."""

    def __init__(self, page, base: str):
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        self.foreign: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.console.append(m.text) if m.type in ("error", "warning") else None)
        page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
                else self.foreign.append(r.url))


@pytest.fixture()
def page(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    p = ctx.new_page()
    p.watch = Watch(p, base_url)
    yield p
    ctx.close()


def _flags(page) -> dict:
    return page.evaluate("names => Object.fromEntries(names.map(n => [n, window[n] === undefined ? null : window[n]]))",
                         list(PAYLOAD_FLAGS))


def test_click_through_board_proposition_article(page, base_url):
    page.goto(base_url + "/")
    assert page.title().startswith("Dispute board")
    first = page.locator("ol.disputes li.dispute").first
    first.wait_for()
    gist = first.locator("a.prop-link").inner_text()
    assert first.locator(".tl-asserts .ref").count() >= 1 and first.locator(".tl-denies .ref").count() >= 1

    first.locator("a.prop-link").click()
    page.wait_for_url("**/propositions/*")
    assert page.locator("h1").inner_text() == gist
    assert page.locator(".sg-asserts .ref").count() >= 1
    assert page.locator(".sg-denies .ref").count() >= 1

    page.locator(".sg-denies .ref a.to-article").first.click()
    page.wait_for_url("**/articles/**")
    text = page.locator("#article-text")
    for role in ("source", "cue", "content"):
        assert text.locator(f"mark.hl-{role}").count() >= 1, role
    # distinct colours for the three roles
    only = {"source": "mark.hl-source:not(.hl-cue)", "cue": "mark.hl-cue",
            "content": "mark.hl-content:not(.hl-source):not(.hl-cue)"}
    colours = {role: text.locator(sel).first.evaluate("e => getComputedStyle(e).backgroundColor")
               for role, sel in only.items()}
    assert len(set(colours.values())) == 3, colours
    # the statement the proposition page pointed at is on this page and links back to a proposition
    anchor = page.url.split("#", 1)[1]
    card = page.locator(f"#{anchor}")
    assert card.count() == 1
    assert card.locator("a.prop-link").count() >= 1
    card.locator("a.prop-link").first.click()
    page.wait_for_url("**/propositions/*")
    assert not page.watch.errors and not page.watch.dialogs and not page.watch.foreign


def test_statement_marker_jumps_to_its_card(page, base_url):
    page.goto(base_url + "/articles?outlet=RT")
    page.locator("table.grid a").first.click()
    page.wait_for_url("**/articles/**")
    ref = page.locator("#article-text a.st-ref").first
    target = ref.get_attribute("href")
    ref.click()
    assert page.url.endswith(target)
    assert page.locator(f"{target}:target").count() == 1


def test_hostile_text_is_shown_never_run(page, base_url):
    import httpx

    arts = httpx.get(base_url + "/api/articles?limit=500").json()
    by_title = {a["title"]: a["id"] for a in arts}
    hostile = load_articles()[:2]
    urls = ["/", "/articles", "/outlets", "/actors", "/propositions", "/search?q=script", "/search?q=drone"]
    urls += [f"/articles/{by_title[a['title']]}" for a in hostile]
    for u in urls:
        page.goto(base_url + u, wait_until="load")
        page.wait_for_timeout(50)
        page.mouse.move(400, 400)
        assert _flags(page) == {n: None for n in PAYLOAD_FLAGS}, u
        assert page.locator("img").count() == 0 and page.locator("svg").count() == 0, u
    # on the article page the payloads are there, as text
    page.goto(base_url + f"/articles/{by_title[hostile[0]['title']]}")
    body = page.locator("#article-text").inner_text()
    assert "<script>window.__xss_script=1</script>" in body
    assert '"><img src=x onerror="window.__xss_img=1">' in body
    assert page.locator("h1").inner_text() == hostile[0]["title"]
    assert hostile[0]["outlet"] in page.locator(".kicker").text_content()
    # a statement whose content holds the payload is listed, as text, in its card
    cards = page.locator(".st-card .ref-text").all_inner_texts()
    assert any("<script>" in c or "<img" in c for c in cards), cards
    assert page.locator("a[href^='javascript']").count() == 0
    w = page.watch
    assert not w.dialogs and not w.errors and not w.foreign, (w.dialogs, w.errors, w.foreign)


def test_escaping_holds_even_without_csp(browser, base_url):
    """CSP is the second line: with it bypassed, the escaping alone keeps every payload inert."""
    import httpx

    ctx = browser.new_context(bypass_csp=True)
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    arts = httpx.get(base_url + "/api/articles?limit=500").json()
    ids = [a["id"] for a in arts if a["title"] in {x["title"] for x in load_articles()[:2]}]
    for u in ["/", "/outlets", "/search?q=script"] + [f"/articles/{i}" for i in ids]:
        page.goto(base_url + u, wait_until="load")
        page.mouse.move(300, 300)
        page.keyboard.press("Tab")
        assert _flags(page) == {n: None for n in PAYLOAD_FLAGS}, u
    ctx.close()
    assert not dialogs


def test_paste_box_analyzes_and_escapes(page, base_url):
    hostile = load_articles()[0]
    page.goto(base_url + "/analyze")
    page.fill("textarea[name=text]", hostile["text"])
    page.fill("input[name=outlet]", hostile["outlet"])
    page.fill("input[name=published]", "2023-01-09")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#article-text")
    assert "not stored" in page.locator(".kicker").text_content()
    assert page.locator("#article-text mark.hl-content").count() >= 1
    assert "<script>window.__xss_script=1</script>" in page.locator("#article-text").inner_text()
    assert _flags(page) == {n: None for n in PAYLOAD_FLAGS}
    assert not page.watch.dialogs and not page.watch.errors


def test_outlet_charts_draw_under_csp(page, base_url):
    page.goto(base_url + "/outlets")
    page.wait_for_selector("html[data-charts=drawn]", timeout=10_000)
    box = page.locator("#chart-framing").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100
    # the canvas has pixels drawn on it
    drawn = page.evaluate("""() => { const c = document.getElementById('chart-framing');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }""")
    assert drawn > 1000
    csp_errors = [m for m in page.watch.console if "Content Security Policy" in m]
    assert not csp_errors and not page.watch.errors and not page.watch.foreign


def test_search_box(page, base_url):
    page.goto(base_url + "/")
    page.fill(".search-box input[name=q]", "weapons")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=weapons")
    assert page.locator("article.ref").count() >= 1


@pytest.fixture(scope="module")
def desk_url(tmp_path_factory, seed_analysis):
    """A server that records verdicts, over its own copy of the ledger."""
    import sqlite3

    from counterclaim.web import create_app
    from counterclaim.web.server import running

    src = build_ledger(tmp_path_factory.mktemp("webb"), seed_analysis)
    db = tmp_path_factory.mktemp("desk") / "desk.db"
    with sqlite3.connect(src) as a, sqlite3.connect(db) as b:
        a.backup(b)
    _add_speakers(db)
    with running(create_app(db, allow_review=True)) as base:
        yield base


SPEAKERS = ["Anna Kowalski", "Brian Okafor", "Carla Mendes", "David Lindqvist", "Elena Petrova", "Farid Haddad",
            "Grace Nakamura", "Henrik Olsen", "Isabel Duarte", "Jonas Weber", "Kwame Mensah", "Laura Bianchi",
            "Miguel Torres", "Nadia Rahman", "Oliver Grant", "Priya Natarajan", "Rafael Ortiz", "Sofia Novak",
            "Thomas Becker", "Ursula Lind"]


def _add_speakers(db) -> None:
    """One more article in which many people speak, so that the actors list runs to several pages."""
    from counterclaim import analyze
    from counterclaim.ledger import Ledger

    text = " ".join(f"{name}, a spokesperson for the port authority, said the bridge at pier {i} was closed on Monday."
                    for i, name in enumerate(SPEAKERS, 1))
    with Ledger(db) as led:
        led.add_analysis(analyze(text, outlet="Harbour News", published="2023-02-01", title="Who said the bridges closed"))


@pytest.fixture()
def desk(browser, desk_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    p = ctx.new_page()
    p.watch = Watch(p, desk_url)
    yield p
    ctx.close()


def test_desk_path_board_claim_article_actor_outlet(desk, desk_url):
    """A fact-checker's path by clicking links: board, claim, an article, a speaker, the outlet."""
    page = desk
    page.goto(desk_url + "/")
    page.locator("ol.disputes li.dispute a.prop-link").first.click()
    page.wait_for_url("**/propositions/*")
    page.locator(".sg-asserts .ref a.to-article").first.click()
    page.wait_for_url("**/articles/**")
    outlet = page.locator(".kicker a").first.inner_text()
    actor = page.locator(".st-card a.actor").first
    name = actor.inner_text()
    actor.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").inner_text() == name
    assert int(page.locator(".actor-statements .range").get_attribute("data-total")) >= 1
    link = page.locator(".actor-statements a.outlet", has_text=outlet).first
    link.click()
    page.wait_for_url("**/outlets/**")
    assert page.locator("h1").inner_text() == outlet
    assert not page.watch.errors and not page.watch.dialogs and not page.watch.foreign


def test_a_verdict_recorded_on_the_claim_page_shows_on_the_board(desk, desk_url):
    page = desk
    page.goto(desk_url + "/")
    first = page.locator("ol.disputes li.dispute a.prop-link").first
    href = first.get_attribute("href")
    pid = int(href.rsplit("/", 1)[1])
    first.click()
    page.wait_for_url("**/propositions/*")
    form = page.locator("form.review-form")
    form.locator("select[name=verdict]").select_option("false")
    form.locator("input[name=note]").fill("The ministry's records show no such transfer.")
    form.locator("input[name=reviewer]").fill("A. Checker")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/propositions/{pid}*")
    current = page.locator(".verdict-current")
    assert "A. Checker" in current.inner_text() and "no such transfer" in current.inner_text()

    page.goto(desk_url + "/")
    assert page.locator(f"#p{pid} [data-verdict=false]").count() >= 1
    page.locator("form.filters select[name=verdict]").select_option("false")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/?*verdict=false*")
    assert page.locator("ol.disputes li.dispute").count() == 1
    assert page.locator(f"#p{pid}").count() == 1
    assert page.locator(".range").get_attribute("data-total") == "1"
    page.locator("form.filters select[name=verdict]").select_option("true")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/?*verdict=true*")
    assert page.locator("ol.disputes li.dispute").count() == 0
    assert not page.watch.errors and not page.watch.foreign


def test_the_pager_walks_every_actor_to_the_last_page(desk, desk_url):
    import httpx

    page = desk
    page.goto(desk_url + "/actors")
    total = int(page.locator(".range").get_attribute("data-total"))
    assert total == len(httpx.get(desk_url + "/api/actors?limit=500").json())
    seen: list[str] = []
    for _ in range(total):
        seen += page.locator("table.grid tbody td:first-child a").evaluate_all("as => as.map(a => a.href)")
        nxt = page.locator("nav.pager a[rel=next]")
        if not nxt.count():
            break
        nxt.click()
        page.wait_for_load_state()
    assert total > 30  # more than one page
    assert len(seen) == total == len(set(seen))
    assert page.locator("nav.pager a[rel=prev]").count() == (1 if total > 30 else 0)
    assert not page.watch.errors
