"""A folder of hostile inputs for `counterclaim ingest`, one file per bad-input class.

    .venv/bin/python tests/hostile_corpus.py /tmp/hostile      # writes the folder
    .venv/bin/counterclaim ingest /tmp/hostile --db /tmp/hostile.db --json

Good articles inside it reuse paragraphs of the real seed article (examples/); everything else is a
synthetic test fixture. ``EXPECTED`` says what must happen to each file (docs/robustness.md).
"""
from __future__ import annotations

import gzip
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-rt-dprk-2022-12-23.txt"

# file -> (articles expected stored, skipped expected, substring of the skip reason or note)
EXPECTED = {
    "empty.txt": (0, 1, "empty file"),
    "whitespace.txt": (0, 1, "empty file"),
    "binary.txt": (0, 1, "binary file"),
    "invalid-utf8.txt": (0, 1, "not valid UTF-8"),
    "utf16-bom.txt": (1, 0, None),
    "huge-50mb.txt": (0, 1, "file too large"),
    "broken.html": (1, 0, None),
    "truncated.warc.gz": (2, 1, "truncated WARC record"),
    "feed.jsonl": (2, 4, "invalid JSON"),
    "quotes.txt": (1, 0, None),
    "long-sentence.txt": (1, 0, None),
    "korean.txt": (0, 1, "not English (mostly Hangul"),
    "russian.txt": (0, 1, "not English (mostly Cyrillic"),
    "arabic.txt": (0, 1, "not English (mostly Arabic"),
    "report.pdf": (0, 1, "unsupported file type"),
}


def paragraphs() -> list[str]:
    """The seed's paragraphs, repeated round-robin when more are needed (so that the good fixtures
    are distinct texts, each starts at a different paragraph and ends with its own paragraph pair)."""
    ps = [p for p in SEED.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    return [ps[i % len(ps)] + ("" if i < len(ps) else " " + ps[(i * 3 + 1) % len(ps)]) for i in range(16)]


def _warc(pages: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for uri, body in pages:
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=hh))
    return buf.getvalue()


def make(d: Path, *, huge: bool = True, long_tokens: int = 10_000) -> Path:
    """``long_tokens``: the length of the one-sentence file (10,000 by default; the test
    suite uses 1,000 to keep it fast, see docs/robustness.md)."""
    d.mkdir(parents=True, exist_ok=True)
    ps = paragraphs()
    rng = random.Random(8)
    (d / "empty.txt").write_bytes(b"")
    (d / "whitespace.txt").write_bytes(b"  \n\t\r\n   \n")
    (d / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 16)
    (d / "invalid-utf8.txt").write_bytes(ps[0].encode() + b" \xff\xfe\xfa " + ps[1].encode())
    (d / "utf16-bom.txt").write_bytes((ps[2] + "\n" + ps[3]).encode("utf-16"))
    if huge:
        line = (ps[4] + "\n").encode()
        with open(d / "huge-50mb.txt", "wb") as fh:
            for _ in range(50 * 1024 * 1024 // len(line) + 1):
                fh.write(line)
    (d / "broken.html").write_text(
        "<!DOCTYPE html><html><head><title>Synthetic fixture page</title><style>p{color:red}</style>"
        "<script>document.write('<p>script text</p>'); if (a < b) {}</script></head><body><nav>Home | World</nav>"
        f"<article><h1>Fixture<p>{ps[5]}<p><b>unclosed <i>markup</div></span>{ps[6]}<table><tr><td>cell</article>"
        "<footer>(c) fixture</footer>", encoding="utf-8")
    pages = [(f"https://fixture.invalid/warc/{i}",
              f"<html><head><title>Fixture {i}</title></head><body><article><p>{ps[i]}</p></article></body></html>".encode())
             for i in (7, 8, 9)]
    data = _warc(pages)
    (d / "truncated.warc.gz").write_bytes(data[: int(len(data) * 0.8)])
    (d / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "feed-ok", "text": ps[10], "outlet": "Fixture Feed", "published": "2022-12-23"}),
        json.dumps({"id": "feed-bad-date", "text": ps[11], "outlet": "Fixture Feed", "published": "2022-13-45"}),
        "{\"text\": \"unterminated",
        json.dumps({"text": 12345}),
        json.dumps({"title": "no text field"}),
        json.dumps("just a string"),
    ]) + "\n", encoding="utf-8")
    (d / "quotes.txt").write_text(
        "The spokesman said: \"He told us 'she said \"no, \u201cnever\u201d\" to them' and left. "
        "Then the minister said \"it was \u201cabsurd and false, officials added.\u201d\u201d\u201d \"\"\" "
        + ps[12] + " \u201c\u201c\u201cNested \u2018quotes \u201cinside\u201d quotes\u2019 end\u201d.", encoding="utf-8")
    (d / "long-sentence.txt").write_text(
        "The official said that " + " and ".join(["the claim was false"] * max(long_tokens // 5, 1)) + ".",
        encoding="utf-8")
    (d / "korean.txt").write_text("북한 외무성 대변인은 미국의 주장이 터무니없는 거짓말이라고 말했다. " * 20, encoding="utf-8")
    (d / "russian.txt").write_text("КНДР отвергла обвинения США в поставках оружия России, назвав их абсурдными. " * 20,
                                   encoding="utf-8")
    (d / "arabic.txt").write_text("رفضت كوريا الشمالية الاتهامات الأمريكية ببيع أسلحة لروسيا ووصفتها بأنها سخيفة. " * 20,
                                  encoding="utf-8")
    (d / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return d


# What make_folder puts beside its good articles -> a substring of the skip reason it must get
BAD_ENTRIES = {
    "m_loop.txt": "symlink loop",
    "dangling.txt": "dangling symlink",
    "pipe.txt": "FIFO",
    "socket.txt": "socket",
    "locked": "folder could not be read",
}
BAD_NAME = b"bad_\xff_name.txt"  # a file name that is not UTF-8: its article must be stored all the same


def make_folder(d: Path, n_good: int = 8) -> tuple[Path, list[str]]:
    """A folder of good articles with, beside them, a symlink loop, a dangling symlink, a FIFO, a
    socket, a good article under a name that is not UTF-8, and a subfolder ``locked/`` (holding one
    more article) for the caller to make unreadable. Returns (folder, the good articles' texts that
    must be stored)."""
    import os
    import socket

    d.mkdir(parents=True, exist_ok=True)
    ps = paragraphs()
    good = [ps[i] + "\n\n" + ps[(i + 5) % len(ps)] for i in range(n_good + 2)]
    for i, text in enumerate(good[:n_good]):
        (d / f"good-{i:02d}.txt").write_text(text, encoding="utf-8")
    with open(os.path.join(os.fsencode(d), BAD_NAME), "wb") as fh:
        fh.write(good[n_good].encode())
    (d / "locked").mkdir()
    (d / "locked" / "inside.txt").write_text(good[n_good + 1], encoding="utf-8")
    os.symlink("m_loop.txt", d / "m_loop.txt")
    os.symlink("nowhere.txt", d / "dangling.txt")
    os.mkfifo(d / "pipe.txt")
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(d / "socket.txt"))
    finally:
        s.close()
    return d, good[: n_good + 1]


def long_line_jsonl(path: Path, line_bytes: int, *, words: bool = True, good: str = "") -> Path:
    """A .jsonl.gz whose one record's text is ``line_bytes`` long, written in 1 MiB pieces (never
    held whole). ``words``: varied words (compresses about 4:1, so the line-length cap is what
    skips it); otherwise one repeated letter (compresses about 1000:1, a decompression bomb).
    ``good``: a normal record's text written after the long line (it must still be read)."""
    rng = random.Random(5)
    vocab = [("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))))
             for _ in range(5000)]
    piece = (" ".join(rng.choice(vocab) for _ in range(200_000)) if words else "a" * 1_000_000).encode()
    with gzip.open(path, "wb", compresslevel=1) as gz:
        gz.write(b'{"text": "')
        left = line_bytes
        while left > 0:
            chunk = piece[:left]
            gz.write(chunk)
            left -= len(chunk)
        gz.write(b'"}\n')
        if good:
            gz.write((json.dumps({"id": "after-long-line", "text": good}) + "\n").encode())
    return path


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--long-line":
        # tests/hostile_corpus.py --long-line OUT.jsonl.gz [BYTES] [words|bomb]
        n = int(sys.argv[3]) if len(sys.argv) > 3 else 1 << 30
        kind = sys.argv[4] if len(sys.argv) > 4 else "words"
        print(long_line_jsonl(Path(sys.argv[2]), n, words=kind == "words", good=paragraphs()[0]))
    else:
        print(make(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")))
