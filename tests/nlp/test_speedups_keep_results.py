"""The speed-ups of the analyzer's own components leave every result as it was.

``rxguard`` puts a look-ahead for a pattern's possible first characters in front of it: the
matches must be the very same (spans, groups, the alternative chosen). ``DocView`` reads the
token attributes as arrays: it must keep the same tokens as a plain pass over the doc.
"""
from __future__ import annotations

import re

import pytest

from counterclaim.nlp.rxguard import compile_guarded, first_chars

SENTENCES = [
    "On Thursday, Kirby said the DPRK had delivered rockets to Russia last month, two weeks ago.",
    "The ministry declined to comment and would not say whether the shipment arrived on Dec. 22, 2022.",
    "A spokesman could not be reached for comment; it is unclear how many of the 2000 troops left.",
    "“We have not seen the reports,” she said on Friday morning. “I don't know if that's true.”",
    "He called it a baseless, completely false hoax, cooked up in Washington in early January 2016.",
    "Officials were not aware of it: no comment, they said, since Monday; it remains to be seen.",
    "Prices rose 12 percent, or 3.5 percentage points, to $45 billion and 5 billion rubles in 2021-12-01.",
    "I'm not sure, I can't recall, and I wasn't told — nobody really knows, Pyongyang's envoy said.",
]


def _matches(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.lastgroup, m.groups()) for m in rx.finditer(text)]


def test_first_chars_of_alternatives_optional_prefixes_and_lookarounds():
    cls = first_chars(r"\b(?:no comment|(?:would|will)\s+not\s+say|unaware)\b")
    assert cls is not None
    guard = re.compile(cls)
    assert all(guard.match(c) for c in "nwu") and not guard.match("x")
    # an optional prefix: its first characters and those of what follows it
    cls = first_chars(r"(?<![\d$])\b(?P<mod>(?i:in|since)\s+)?(?P<y>1[89]\d\d|20\d\d)\b")
    guard = re.compile(cls, re.I)
    assert all(guard.match(c) for c in "iIsS12") and not guard.match("3")


@pytest.mark.parametrize("pattern", [r"a*b?", r"[^abc]+x", r".foo", r"(?x) foo  # comment", r"x|", r"\Dx"])
def test_no_guard_when_the_first_characters_are_unknown(pattern):
    assert first_chars(pattern) is None
    assert compile_guarded(pattern).pattern == pattern


def test_guarded_patterns_give_the_same_matches():
    from counterclaim.nlp import quantities, timex
    from counterclaim.nlp.claims.lexicon import lexicon

    lx = lexicon()
    _, _, _, money_pre, money_suf, percent, _ = quantities._tables()
    patterns = [timex._RX, lx.no_knowledge, lx.reject_phrases, lx.hedges, lx.emphatic_phrases, money_suf, percent]
    text = "\n".join(SENTENCES)
    guarded = 0
    for rx in patterns:
        if rx is None:
            continue
        if rx.pattern.startswith(("(?i:(?=", "(?:\\A|(?i:(?=")):  # guarded by the lexicon / module: the plain pattern
            guarded += 1
            plain = re.compile(rx.pattern[rx.pattern.index("))(?:") + 5:-1], rx.flags)
        else:
            plain, rx = rx, compile_guarded(rx.pattern, rx.flags & ~re.UNICODE)
        assert _matches(rx, text) == _matches(plain, text)
        for s in SENTENCES:  # search / match at every position, as the components call them
            for i in range(0, len(s), 7):
                a, b = rx.search(s, i), plain.search(s, i)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert guarded >= 4  # the date pattern and the stance lexicon's big alternations are guarded
    assert _matches(timex._RX, SENTENCES[0])  # and they still find things


@pytest.mark.parametrize("pattern", [r"(?:^|[.!?:]\s+)\W*who\s+knows\b|\bno comment\b", r"\A\W*(?:yes|no)\b|\bmaybe\b"])
def test_a_branch_anchored_at_the_start_guards_with_the_start(pattern):
    assert first_chars(pattern, re.I) is None  # not every match begins with a known character
    rx, plain = compile_guarded(pattern, re.I), re.compile(pattern, re.I)
    assert rx.pattern.startswith("(?:\\A|(?i:(?=")
    for s in ["“Who knows?” No comment. Who knows, maybe", "-- yes. Maybe no comment", *SENTENCES]:
        assert _matches(rx, s) == _matches(plain, s)
        for i in range(len(s)):
            a, b = rx.search(s, i), plain.search(s, i)
            assert (a and a.span()) == (b and b.span())


def _odd_variants(text: str, n: int, seed: int) -> list[str]:
    """``text`` with random case changes and, here and there, letters that match ASCII ones ignoring case
    (Kelvin sign, long s, dotted and dotless i), quotation marks and digits."""
    import random

    rng = random.Random(seed)
    odd = ['"', "’", "'", "“", "\u212a", "\u017f", "\u0130", "\u0131", "7", "\n"]
    out = [text]
    for _ in range(n):
        chars = []
        for c in text:
            if rng.random() < 0.03:
                chars.append(rng.choice(odd))
            chars.append(c.upper() if rng.random() < 0.15 else c)
        out.append("".join(chars))
    return out


@pytest.mark.parametrize("alternatives, flags", [
    (["no comment", "(?:^|[.!?]\\s+)who knows", "\\d+ said", "not (?:sure|aware)", "Never", "(?i:kind of)",
      "\\bnot\\s+to\\s+say\\b(?!\\s+so)", "n?o+ way", "[^a-z]+ says", "'s not clear", "Ko",
      "\u212aelvin"], re.I),
    (["no comment", "No Comment", "not (?:sure|aware)", "(?i:kind of)", "Never", "\\bit'?s\\b"], 0),
    (["no (comment)", "not sure"], re.I),  # a capturing group: the plain pattern
])
def test_dispatched_alternatives_give_the_same_matches(alternatives, flags):
    from counterclaim.nlp.rxguard import compile_dispatched

    rx = compile_dispatched(alternatives, flags)
    plain = re.compile("|".join(f"(?:{a})" for a in alternatives), flags)
    text = ("No comment. Who knows? 12 said he is NOT SURE, kind of. Never; it's not to say so. not to say. "
            "nooo way, ... says 's not clear, KO \u212aelvin \u212ao no   comment")
    for t in _odd_variants(text, 30, 5) + SENTENCES:
        assert _matches(rx, t) == _matches(plain, t)
        for i in range(0, len(t), 3):
            a, b = rx.search(t, i), plain.search(t, i)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group()))


def test_dispatched_no_knowledge_formulas_are_the_plain_ones():
    """The no-knowledge scan (formulas grouped by first letter) finds what the guarded pattern finds."""
    from counterclaim.nlp.claims.lexicon import lexicon

    lx = lexicon()
    assert lx.no_knowledge_scan.pattern != lx.no_knowledge.pattern
    text = " ".join(SENTENCES) + (" Who knows? He hasn’t seen the reports and declined to comment. NO COMMENT. "
                                  "It remains unclear; they did not immediately respond to a request for comment.")
    found = 0
    for t in _odd_variants(text.replace("’", "'"), 40, 11):
        got = _matches(lx.no_knowledge_scan, t)
        assert got == _matches(lx.no_knowledge, t)
        found += len(got)
        for i in range(0, len(t), 5):
            a, b = lx.no_knowledge_scan.search(t, i), lx.no_knowledge.search(t, i)
            assert (a and a.span()) == (b and b.span())
    assert found


def test_docview_keeps_the_tokens_of_a_plain_pass(nlp):
    from counterclaim.nlp.attribution import DocView, verb_lemma
    from counterclaim.nlp.attribution import Attribution

    rules = Attribution().rules
    doc = nlp(" ".join(SENTENCES) + "\n\nAccording to KCNA, the report was fabricated. X declined to comment.")
    for all_verbs in (True, False):
        view = DocView(doc, rules.lex, rules.marker_first, doc.text, all_verbs)
        verbs = [t.i for t in doc if t.pos_ == "VERB" and (all_verbs or verb_lemma(t, rules.lex.verbs))]
        nouns = [t.i for t in doc if t.pos_ == "NOUN" and (all_verbs or t.lemma_.lower() in rules.lex.nouns)]
        assert [t.i for t in view.verbs] == verbs
        assert [t.i for t in view.nouns] == nouns
        assert [t.i for t in view.markers] == [t.i for t in doc if t.lower_ in rules.marker_first]
        assert [t.i for t in view.nocomment] == [t.i for t in doc if t.lemma_.lower() in rules.lex.no_comment_lemmas]
        assert view.markers and view.nocomment
        for sent in doc.sents:
            for t in sent:
                assert view.sent(t.i) == (sent.start, sent.end)
        assert view.deps == [t.dep for t in doc]
        order, start = view.kids()
        for t in doc:
            assert order[start[t.i]:start[t.i + 1]] == [c.i for c in t.children]
            assert view.subtree_idx(t) == {s.i for s in t.subtree}


def test_alnum_table_is_str_isalnum():
    import random

    from counterclaim.nlp.attribution.assembly import is_alnum

    rng = random.Random(7)
    chars = [chr(i) for i in range(0x2100)] + ["\U0001F600", "\U0001D7D8", "é", "²", "½", "٣", "“", "”"]
    for _ in range(200):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 300)))
        assert is_alnum(text).tolist() == [c.isalnum() for c in text]


def test_required_strings_of_a_pattern():
    from counterclaim.nlp.rxguard import required_strings

    got = required_strings(r"\bha(?:ve|s|d)\s*n(?:ot|'t)\s+seen\b|\bno comment\b", re.I)
    assert got is not None
    assert any({"have", "has", "had"} in [set(x) for x in alt] and {"seen"} in [set(x) for x in alt] for alt in got)
    assert [frozenset({"no comment"})] in got
    # a path that needs no string of two characters or more: no requirement at all
    assert required_strings(r"a?b?") is None and required_strings(r"ab|") is None and required_strings(r"\w+|x") is None


def test_required_index_never_rules_out_a_match():
    """Over pieces of texts with quotation marks, curly apostrophes, odd case and letters that match ASCII
    ones ignoring case, the index says "maybe" wherever the no-knowledge pattern finds a formula."""
    import bisect

    from counterclaim.nlp.claims.lexicon import lexicon
    from counterclaim.nlp.claims.noknowledge import _UNQUOTE, _required
    from counterclaim.nlp.required_index import RequiredIndex, usable

    rx = lexicon().no_knowledge
    need = _required(rx)
    assert usable(need)
    base = " ".join(SENTENCES) + " Who knows? He hasn’t seen the reports and declined to comment. NO COMMENT."
    texts = _odd_variants(base, 6, seed=3)
    found = ruled_out = 0
    for t in texts:
        removed = [m.start() for m in _UNQUOTE.finditer(t)]
        index = RequiredIndex(_UNQUOTE.sub("", t).replace("’", "'"), need)
        for a in range(0, len(t), 3):
            for n in (15, 40, 120, 400):
                b = min(len(t), a + n)
                has = rx.search(_UNQUOTE.sub("", t[a:b]).replace("’", "'")) is not None
                maybe = index.may_match(a - bisect.bisect_left(removed, a), b - bisect.bisect_left(removed, b))
                assert maybe or not has, t[a:b]
                found += has
                ruled_out += not maybe
    assert found and ruled_out  # both cases were met


def test_time_expressions_found_around_anchors_are_those_of_a_full_scan():
    import random

    from counterclaim.nlp import timex

    words = ["in", "early", "late", "mid", "-", "the", "beginning", "of", "end", "start", "last", "this", "next",
             "coming", "past", "on", "since", "January", "Jan.", "Sept.", "Sept", "May", "may", "December", "Dec",
             "Monday", "Friday", "friday", "Tuesday", "Sun", "morning", "night", "today", "Tonight", "yesterday",
             "2016", "1999", "22", "3rd", "22nd", "2016-09-08", ",", ".", "$", "%", "2,000", "week", "weeks", "WEEK",
             "month", "Year", "Days", "ago", "a", "few", "two", "several", "earlier", "later", "previous", "troops",
             "by", "until", "x2016", "_", "midweek", "\n", "\n\n", "  ", "mid-", "“", "("]
    rng = random.Random(11)
    texts = list(SENTENCES)
    for _ in range(3000):
        texts.append("".join(rng.choice(words) + rng.choice([" ", " ", "", "-", "\n", "  ", ", "])
                             for _ in range(rng.randint(1, 14))))
    for text in texts:
        full = [(m.span(), m.lastgroup, m.groupdict()) for m in timex._RX.finditer(text)]
        assert [(m.span(), m.lastgroup, m.groupdict()) for m in timex.expressions(text)] == full, text


def test_rejection_words_found_alike_with_and_without_the_doc_table(nlp, monkeypatch):
    """A content asks its tokens for rejection words one by one when short, through the doc's table of
    candidates when long: the same positions either way."""
    from counterclaim.nlp.claims import rejection
    from counterclaim.nlp.claims.lexicon import lexicon

    lx = lexicon()
    doc = nlp(" ".join(SENTENCES) + " The report is false, a total hoax cooked up by critics; they fabricated it, "
              "and the claims don't hold water. It is wrong. They were wrong in their recollections.")
    found = 0
    for width in (3, 12, 40, len(doc)):
        for a in range(0, len(doc), 5):
            toks = list(doc[a:a + width])
            got = {}
            for table_from in (0, 10 ** 9):
                monkeypatch.setattr(rejection, "TABLE_FROM", table_from)
                got[table_from] = rejection.rejection_positions(doc, lx, toks)
            assert got[0] == got[10 ** 9]
            found += len(got[0])
    assert found
