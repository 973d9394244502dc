"""The claim encoder's ASCII tokenizer (two C-level passes) splits as BERT's basic tokenizer does
character by character."""
import random
import string

from counterclaim.ledger.embedding import basic_tokens, basic_tokens_any, basic_tokens_ascii


def test_ascii_tokens_are_those_of_the_plain_tokenizer():
    rng = random.Random(5)
    chars = [chr(i) for i in range(128)] + list(string.ascii_letters) * 4 + [" "] * 40
    texts = ["The DPRK didn't send 1,000 rockets to Russia (U.S. officials said); $5bn -- \"fake\"!",
             "tab\there, line\nbreak\r\n\x0bvertical\x0cform\x1cfile\x7fdel\x00nul", "", "   ", "a", "!!"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    for t in texts:
        assert basic_tokens_ascii(t) == basic_tokens_any(t), repr(t)
        assert basic_tokens(t) == basic_tokens_any(t)


def test_other_texts_take_the_plain_tokenizer():
    t = "He said “it’s Café ÉLAN” — 北京 ok"
    assert basic_tokens(t) == basic_tokens_any(t)
    assert "cafe" in basic_tokens(t) and "北" in basic_tokens(t)
