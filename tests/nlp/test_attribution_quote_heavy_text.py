"""Quote-heavy text: attribution and speaker resolution stay about linear in the text.

A guard, not a benchmark: thousands of stray quotation marks in long, run-on paragraphs (long
sentences, many reporting verbs, quotations left open), where walking whole clauses and every
quotation again for each candidate would be quadratic.
"""
from __future__ import annotations

import random

import pytest

from counterclaim import analyze

PARTS = ["the minister said that", "officials told reporters", "the senator warned that", "critics argued the plan",
         "she added that", "the agency reported that", "residents said they", "analysts expect growth to slow and"]


def quote_heavy(marks: int, chars: int, para_chars: int = 6000, seed: int = 5) -> str:
    rng = random.Random(seed)
    paras, size = [], 0
    while size < chars:
        words, n = [], 0
        while n < para_chars:
            p = rng.choice(PARTS)
            words.append(p)
            n += len(p) + 1
        paras.append(" ".join(words))
        size += n + 2
    toks = "\n\n".join(paras).split(" ")
    for _ in range(marks):
        k = rng.randrange(len(toks))
        toks[k] = ('"' + toks[k]) if rng.random() < 0.5 else (toks[k] + '"')
    return " ".join(toks)


@pytest.mark.timeout(60)
def test_quote_heavy_text_is_analyzed(nlp):
    text = quote_heavy(2000, 18000)
    assert text.count('"') == 2000
    out = analyze(text)
    assert out.statements
    for st in out.statements:
        for c in st.content:
            assert text[c.start:c.end] == c.text
