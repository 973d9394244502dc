"""Readers on every format, good and hostile: each bad input is a Skipped with a reason (or a Note
when only a field is dropped), and the good records around it still come through."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from counterclaim.ingest import Note, read_paths
from counterclaim.model import Article, Skipped

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-rt-dprk-2022-12-23.txt"
# A paragraph of the real seed article, reused as the English body of small fixtures.
BODY = ("North Korea has rejected a claim by the United States that it had supplied Russia with weapons. "
        "The White House said it had information that Pyongyang delivered infantry rockets and missiles "
        "to the Wagner Group, a private military company, last month. A spokesman for the foreign ministry "
        "said the country had never exported arms to Russia and had no plan to do so.")


def _read(*paths, **kw):
    notes: list[Note] = []
    out = list(read_paths(list(paths), note_sink=notes.append, **kw))
    return out, notes


def _one(path, **kw):
    out, notes = _read(path, **kw)
    assert len(out) == 1, out
    return out[0], notes


def test_seed_text_with_sidecar_metadata():
    art, notes = _one(SEED)
    assert isinstance(art, Article) and not notes
    assert (art.id, art.outlet, art.published, art.language) == ("seed-rt-dprk-2022-12-23", "RT", "2022-12-23", "en")
    assert art.text == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t \r\n  ", "empty"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("latin1.txt", "Caf\u00e9 owners said the tax was unfair.".encode("latin-1"), "not valid UTF-8"),
    ("korean.txt", "북한 외무성 대변인은 미국의 주장이 터무니없는 거짓말이라고 말했다. ".encode() * 20, "not English (mostly Hangul"),
    ("russian.txt", "КНДР отвергла обвинения США в поставках оружия России, назвав их абсурдными. ".encode() * 20,
     "not English (mostly Cyrillic"),
    ("arabic.txt", "رفضت كوريا الشمالية الاتهامات الأمريكية ببيع أسلحة لروسيا ووصفتها بأنها سخيفة. ".encode() * 20,
     "not English (mostly Arabic"),
    ("french.txt", ("La Corée du Nord a rejeté les accusations américaines selon lesquelles elle aurait vendu "
                    "des armes à la Russie, qualifiant ces affirmations de mensonge absurde destiné à servir "
                    "un programme politique. Le porte-parole du ministère a déclaré que le pays n'a jamais "
                    "exporté d'armes.").encode(), "not English (Latin script"),
    ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
])
def test_bad_text_inputs_are_skipped_with_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    got, _ = _one(p)
    assert isinstance(got, Skipped) and reason in got.reason, got
    assert got.origin == str(p)


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(BODY.encode("utf-16"))
    got, _ = _one(p)
    assert isinstance(got, Article) and got.text == BODY


def test_a_50_mb_text_is_skipped_by_size_and_readable_with_a_higher_limit(tmp_path):
    p = tmp_path / "huge.txt"
    line = (BODY + "\n").encode()
    with p.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert p.stat().st_size >= 50 * 1024 * 1024
    got, _ = _one(p)
    assert isinstance(got, Skipped) and "file too large" in got.reason and "--max-bytes" in got.reason
    got, _ = _one(p, max_bytes=60 * 1024 * 1024)
    assert isinstance(got, Article) and len(got.text) >= 50 * 1024 * 1024


def test_html_with_broken_markup_scripts_and_styles(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(f"""<!DOCTYPE html><html><head><title>Pyongyang denies arms sales</title>
<meta property="og:site_name" content="Test Fixture News"><meta property="article:published_time" content="2022-12-23T08:00:00Z">
<link rel="canonical" href="https://fixture.invalid/dprk"><style>p {{ color: red }} .x::after {{ content: "<p>" }}</style>
<script>document.write("<p>script text must not appear</p>"); if (a < b && c > d) {{}}</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>Pyongyang denies arms sales
<p>{BODY}<p><b>Unclosed <i>tags and a stray </div> close.<table><tr><td>cell</article>
<footer>Copyright</footer></body>""", encoding="utf-8")
    art, notes = _one(p)
    assert isinstance(art, Article), art
    assert "supplied Russia with weapons" in art.text
    assert "script text" not in art.text and "color: red" not in art.text
    assert art.title == "Pyongyang denies arms sales"
    assert art.outlet == "Test Fixture News" and art.url == "https://fixture.invalid/dprk"
    assert art.published == "2022-12-23"


def test_html_without_article_text_is_skipped(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><script>var x=1;</script></head><body><nav>Home</nav></body></html>")
    got, _ = _one(p)
    assert isinstance(got, Skipped) and "no article text" in got.reason


def test_jsonl_good_bad_and_wrong_types(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": BODY, "id": "a1", "url": "https://fixture.invalid/a1", "title": "T",
                    "outlet": "Fixture", "published": "2022-12-23"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": BODY + " Second.", "published": "2022-13-45", "title": 7, "id": 12}),
        json.dumps({"text": "   "}),
        json.dumps({"text": BODY + " Third.", "language": "ru"}),
        b"\xff\xfe broken bytes".decode("latin-1"),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, notes = _read(p)
    arts = [x for x in out if isinstance(x, Article)]
    skips = {x.origin.rsplit(":", 1)[1]: x.reason for x in out if isinstance(x, Skipped)}
    assert [a.id for a in arts] == ["a1", "12"]
    assert arts[0].published == "2022-12-23" and arts[0].outlet == "Fixture"
    assert arts[1].published is None  # dropped, with a note
    from counterclaim.analyze import guess_title
    assert arts[1].title == guess_title(arts[1].text)  # the bad title dropped (a headline guessed, if any)
    assert any("2022-13-45" in n.message and "impossible" in n.message and "stored without" in n.message for n in notes)
    assert any("'title' must be a string" in n.message for n in notes)
    assert "invalid JSON" in skips["2"]
    assert "no 'text' field" in skips["3"]
    assert "'text' must be a string, not int" in skips["4"]
    assert "must be an object" in skips["5"]
    assert "empty text" in skips["8"]
    assert "not English" in skips["9"]
    assert "10" in skips  # the line of mangled bytes is reported, not lost
    assert len(out) == 9  # every non-blank line accounted for


def test_jsonl_gz_and_invalid_utf8_line(tmp_path):
    p = tmp_path / "feed.jsonl.gz"
    with gzip.open(p, "wb") as fh:
        fh.write(json.dumps({"text": BODY}).encode() + b"\n")
        fh.write(b'{"text": "bad \xff byte"}\n')
    out, _ = _read(p)
    assert isinstance(out[0], Article)
    assert isinstance(out[1], Skipped) and "not valid UTF-8" in out[1].reason


def _warc(records: list[tuple[str, bytes, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, body, ctype in records:
        hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=hh))
    return buf.getvalue()


def _page(i: int) -> bytes:
    return (f"<html><head><title>Fixture page {i}</title></head><body><article><p>{BODY}</p>"
            f"<p>Fixture paragraph number {i}.</p></article></body></html>").encode()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_reads_html_responses_and_reports_a_truncated_record(tmp_path, gz):
    recs = [(f"https://fixture.invalid/{i}", _page(i), "text/html; charset=utf-8") for i in range(3)]
    recs.insert(1, ("https://fixture.invalid/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"))
    data = _warc(recs, gz)
    ok = tmp_path / ("ok.warc.gz" if gz else "ok.warc")
    ok.write_bytes(data)
    out, _ = _read(ok)
    assert [a.url for a in out] == [f"https://fixture.invalid/{i}" for i in range(3)]
    assert all(isinstance(a, Article) and a.title.startswith("Fixture page") for a in out)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.85)])
    out, _ = _read(cut)
    assert [type(x).__name__ for x in out] == ["Article", "Article", "Skipped"]
    assert "truncated" in out[-1].reason


def test_not_a_warc(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_bytes(b"hello, this is not an archive\n" * 5)
    got, _ = _one(p)
    assert isinstance(got, Skipped) and "not a WARC file" in got.reason


def test_folder_walk_mixes_formats_and_reports_missing_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "Fixture", "published": "2022-02-30"}))
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><article><p>{BODY} B.</p></article></body></html>")
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"text": BODY + " C."}) + "\n")
    (tmp_path / ".hidden" / "x.txt").write_text(BODY + " hidden")
    (tmp_path / "noext").write_text(BODY + " sniffed as text")
    out, notes = _read(tmp_path, tmp_path / "missing.txt")
    kinds = [(Path(x.origin.split(":")[0].split("#")[0]).name, type(x).__name__) for x in out]
    assert kinds == [("a.txt", "Article"), ("noext", "Article"), ("b.html", "Article"), ("c.jsonl", "Article"),
                     ("missing.txt", "Skipped")]
    assert out[0].outlet == "Fixture" and out[0].published is None
    assert any("2022-02-30" in n.message for n in notes)
    assert out[-1].reason == "no such file or folder"
