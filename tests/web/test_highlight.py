"""The server-side highlighter: every text piece escaped, overlapping spans never cross tags, the
text comes back unchanged once the markup is stripped."""
from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.web.highlight import Hl, highlight, spans_of_statement


class _Collect(HTMLParser):
    """Collects the text and checks that tags nest properly; st-ref markers are left out of the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.in_ref = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self.stack.append(tag)
        if tag == "a" and "st-ref" in (a.get("class") or ""):
            self.in_ref += 1

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"crossed or stray </{tag}>: open {self.stack}"
        self.stack.pop()
        if tag == "a" and self.in_ref:
            self.in_ref -= 1

    def handle_data(self, data):
        if not self.in_ref:
            self.text.append(data)


def _parse(markup: str) -> _Collect:
    p = _Collect()
    p.feed(str(markup))
    p.close()
    assert not p.stack, f"unclosed tags {p.stack}"
    return p


SENT = 'Pyongyang called US accusations that it sold weapons to Russia an "absurd" lie.'


def test_roles_get_distinct_classes_and_text_is_unchanged():
    src, cue = (0, 9), (10, 16)
    content = (17, len(SENT) - 1)
    spans = [Hl("source", *src, "st-1", "S1"), Hl("cue", *cue, "st-1", "S1"), Hl("content", *content, "st-1", "S1")]
    out = highlight(SENT, spans)
    p = _parse(out)
    assert "".join(p.text) == SENT
    classes = [a.get("class") for t, a in p.tags if t == "mark"]
    assert "hl hl-source" in classes and "hl hl-cue" in classes and "hl hl-content" in classes
    # the statement marker sits right after the content and points at the statement card
    assert '<a class="st-ref" href="#st-1">S1</a>' in out
    assert str(out).index("st-ref") > str(out).index("weapons to Russia")


def test_overlapping_statements_nest_cleanly():
    # statement 2's source ("US") and cue ("accusations") lie inside statement 1's content
    spans = [Hl("source", 0, 9, "st-1", "S1"), Hl("cue", 10, 16, "st-1", "S1"), Hl("content", 17, 78, "st-1", "S1"),
             Hl("source", 17, 19, "st-2", "S1n"), Hl("cue", 20, 31, "st-2", "S1n"), Hl("content", 37, 61, "st-2", "S1n")]
    p = _parse(highlight(SENT, spans))
    assert "".join(p.text) == SENT
    marks = [a for t, a in p.tags if t == "mark"]
    both = [a for a in marks if a.get("data-st") == "st-1 st-2"]
    assert both, "pieces covered by two statements name both"
    assert any("hl-source" in a["class"] and "hl-content" in a["class"] for a in marks)


def test_hostile_text_is_escaped():
    text = 'He said "<script>alert(1)</script>" and "><img src=x onerror=alert(2)> & more'
    out = str(highlight(text, [Hl("content", 9, 35, "st-\"><x>", "S<1>"), Hl("cue", 3, 7)]))
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp; more" in out
    assert 'href="#st-&quot;&gt;&lt;x&gt;"' in out and "S&lt;1&gt;" in out
    assert 'data-st="st-&quot;&gt;&lt;x&gt;"' in out
    assert "".join(_parse(out).text) == text


def test_bad_offsets_are_clipped_or_dropped():
    text = "short text"
    out = highlight(text, [Hl("content", -5, 5), Hl("cue", 8, 500), Hl("source", 7, 3), Hl("source", 50, 60)])
    assert "".join(_parse(out).text) == text
    assert str(out).count("<mark") == 2


def test_spans_of_statement_reads_the_ledger_shape():
    st = {"id": 7, "source": {"start": 0, "end": 9, "text": "Pyongyang"}, "cue": {"start": 10, "end": 16},
          "content": [{"start": 17, "end": 40}, {"start": 45, "end": 60}],
          "marks": [{"type": "scare_quotes", "start": 64, "end": 72, "text": '"absurd"'}, {"type": "other", "start": 0, "end": 1}]}
    roles = sorted(s.role for s in spans_of_statement(st, "st-7", "S1"))
    assert roles == ["content", "content", "cue", "scare_quotes", "source"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list('ab <>&"\'\n\u00e9\u4e2d')), max_size=60),
       raw=st.lists(st.tuples(st.sampled_from(["source", "cue", "content", "hedge", "scare_quotes"]),
                              st.integers(-3, 70), st.integers(-3, 70), st.integers(0, 3)), max_size=8))
def test_any_text_and_spans_round_trip(text, raw):
    spans = [Hl(role, a, b, f"st-{k}", f"S{k}") for role, a, b, k in raw]
    out = highlight(text, spans)
    p = _parse(out)
    assert "".join(p.text) == text
    assert all(t in ("mark", "a") for t, _ in p.tags)
