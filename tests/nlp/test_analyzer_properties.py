"""Properties of the analyzer on any text: hypothesis-generated inputs.

For any text — random Unicode, quotes of every script, huge runs of whitespace, control characters,
mixed scripts, and collages of real news sentences cut and glued at random — ``counterclaim.analyze``:

- raises nothing but ValueError, and ValueError only for a text that cannot be analyzed
  (empty, blank, NUL bytes: ``check_text`` says why);
- returns offsets in range whose text is the text they point at (``text[start:end] == span.text``)
  for every source, cue, content part, mark, said_on, date and quantity, and no empty content;
- is deterministic: the same text twice gives the same JSON.

``make test`` runs a bounded number of examples, derandomized (``COUNTERCLAIM_FUZZ_EXAMPLES``, default
60 per property); ``make fuzz`` runs thousands with fresh randomness and writes docs/robustness-fuzz.md.
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from counterclaim.analyze import check_text

from conftest import SEED_TXT

N_EXAMPLES = int(os.environ.get("COUNTERCLAIM_FUZZ_EXAMPLES", "60"))
FUZZING = "COUNTERCLAIM_FUZZ_EXAMPLES" in os.environ
STATS_FILE = os.environ.get("COUNTERCLAIM_FUZZ_STATS")

SETTINGS = settings(
    max_examples=N_EXAMPLES,
    deadline=None,
    derandomize=not FUZZING,
    database=None if not FUZZING else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    print_blob=True,
)

# Real sentences: the lines of the seed article (a real RT report) and its quotes.
SEED_LINES = [line for line in SEED_TXT.read_text(encoding="utf-8").splitlines() if line.strip()]
QUOTES = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "``", "''", "″"]
SPACES = [" ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2009", "\u3000", "\u2028", "\u2029", "\x0b", "\x0c",
          "\x85", "\u200b", "\ufeff", " \n \n "]
CONTROL = [chr(c) for c in range(1, 32)] + ["\x7f", "\x80", "\x9f", "\u200e", "\u200f", "\u202e", "\u2066"]
SCRIPTS = ["Пхеньян назвал обвинения абсурдными, заявил представитель МИД.",
           "قال المتحدث إن الاتهامات لا أساس لها.",
           "朝鲜外务省发言人说，这些指控毫无根据。",
           "북한 외무성 대변인은 \"터무니없는 주장\"이라고 말했다.",
           "Ο εκπρόσωπος δήλωσε ότι «δεν υπάρχει καμία απόδειξη».",
           "प्रवक्ता ने कहा कि आरोप निराधार हैं।",
           "emoji 👍🏽🇰🇵 ZWJ 👨‍👩‍👧 combining e\u0301 a\u0308\u0308\u0308"]

fragment = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(SEED_LINES).flatmap(  # a real sentence cut at random points
        lambda s: st.tuples(st.integers(0, len(s)), st.integers(0, len(s))).map(lambda ij: s[min(ij):max(ij)])),
    st.sampled_from(QUOTES),
    st.sampled_from(SCRIPTS),
    st.text(min_size=1, max_size=40),
)
separator = st.one_of(st.sampled_from(SPACES), st.sampled_from(CONTROL), st.sampled_from(QUOTES), st.just(""))
collage = st.lists(st.tuples(fragment, separator), min_size=1, max_size=14).map(
    lambda parts: "".join(f + s for f, s in parts))
whitespace_heavy = st.tuples(st.sampled_from(SPACES), st.integers(1, 20_000), collage, st.sampled_from(SPACES),
                             st.integers(0, 5_000)).map(lambda t: t[0] * t[1] + t[2] + t[3] * t[4])
any_unicode = st.text(alphabet=st.characters(codec=None, exclude_categories=["Cs"]), max_size=400)
with_surrogates = st.lists(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.sampled_from(SEED_LINES),
                           min_size=1, max_size=8).map("".join)

_counts = {"examples": 0, "analyzed": 0, "refused": 0}


def _span_ok(text: str, start, end, got: str, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), f"{what}: offsets {start!r}, {end!r} are not ints"
    assert 0 <= start <= end <= len(text), f"{what}: [{start}, {end}) out of range (len {len(text)})"
    assert text[start:end] == got, f"{what}: text[{start}:{end}] = {text[start:end]!r} but span says {got!r}"


def check_analysis_properties(text: str) -> None:
    """The three properties, for one text."""
    from counterclaim import analyze

    _counts["examples"] += 1
    why = check_text(text)
    if why is not None:
        with pytest.raises(ValueError):
            analyze(text)
        _counts["refused"] += 1
        return
    a = analyze(text)  # anything but a return is a failure here: the text is analyzable
    _counts["analyzed"] += 1
    assert a.article.text == text
    for s in a.statements:
        assert s.content, f"{s.id}: a statement without content"
        for c in s.content:
            _span_ok(text, c.start, c.end, c.text, f"{s.id} content")
            assert c.end > c.start, f"{s.id}: an empty content span at {c.start}"
        if s.source:
            _span_ok(text, s.source.span.start, s.source.span.end, s.source.span.text, f"{s.id} source")
        if s.cue:
            _span_ok(text, s.cue.span.start, s.cue.span.end, s.cue.span.text, f"{s.id} cue")
        for m in s.marks:
            _span_ok(text, m.start, m.end, m.text, f"{s.id} mark {m.type}")
        if s.said_on:
            _span_ok(text, s.said_on.start, s.said_on.end, s.said_on.text, f"{s.id} said_on")
    for d in a.dates:
        _span_ok(text, d.start, d.end, d.text, "date")
    for q in a.quantities:
        _span_ok(text, q.start, q.end, q.text, "quantity")
    first = json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True)
    again = json.dumps(analyze(text).to_dict(), ensure_ascii=False, sort_keys=True)
    assert first == again, "the same text analyzed twice gave different JSON"


@pytest.fixture(scope="module", autouse=True)
def _stats(nlp):
    """Loads the pipeline once before the properties run; with COUNTERCLAIM_FUZZ_STATS, writes the counts."""
    yield
    if STATS_FILE:
        with open(STATS_FILE, "w", encoding="utf-8") as f:
            json.dump(_counts, f)


@SETTINGS
@given(collage)
@example("")
@example("   \n\t ")
@example("\x00binary")
@example("“")
@example("He said: \"")
@example("\"\"\"\"\"\"said\"\"\"\"\"")
def test_news_collages(text):
    check_analysis_properties(text)


@SETTINGS
@given(any_unicode)
def test_any_unicode(text):
    check_analysis_properties(text)


@SETTINGS
@given(whitespace_heavy)
def test_huge_whitespace_and_control_characters(text):
    check_analysis_properties(text)


@settings(SETTINGS, max_examples=max(10, N_EXAMPLES // 6))
@given(with_surrogates)
def test_lone_surrogates(text):
    check_analysis_properties(text)
