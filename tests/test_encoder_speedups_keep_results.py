"""The claim encoder's speed-ups give what the plain code gives: the ASCII tokenizer (two C-level
passes) splits as BERT's basic tokenizer does character by character, and GELU's values are the same
bits."""
import random
import string

from counterclaim.encoder import basic_tokens, basic_tokens_any, basic_tokens_ascii


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


def test_gelu_gives_the_values_of_its_plain_formula():
    """The encoder's GELU (a division for the reciprocal, the sign copied by masking bits) gives, bit for
    bit, what ``np.reciprocal`` and ``np.copysign`` give."""
    import math

    import numpy as np

    from counterclaim import encoder

    def plain(x):
        a = np.abs(x)
        a *= np.float32(1.0 / math.sqrt(2.0))
        e = np.square(a)
        np.negative(e, out=e)
        np.exp(e, out=e)
        t = a
        t *= encoder._P
        t += np.float32(1.0)
        np.reciprocal(t, out=t)
        y = t * encoder._A5
        for c in (encoder._A4, encoder._A3, encoder._A2, encoder._A1):
            y += c
            y *= t
        y *= e
        np.subtract(np.float32(1.0), y, out=y)
        np.copysign(y, x, out=y)
        y += np.float32(1.0)
        y *= x
        y *= np.float32(0.5)
        return y

    rng = np.random.default_rng(3)
    x = (rng.standard_normal((300, 1536)) * rng.choice([1e-30, 1e-6, 0.1, 1.0, 4.0, 40.0], (300, 1))).astype(np.float32)
    x[0, :8] = [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-45, -1e-45, 3.4e38]
    before = x.copy()
    with np.errstate(all="ignore"):
        got, want = encoder.gelu(x), plain(x)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
    assert np.array_equal(x.view(np.uint32), before.view(np.uint32))  # x left as it is


def test_blobs_read_in_one_conversion_are_those_read_one_by_one():
    import numpy as np

    from counterclaim.ledger.embedding import from_blob, from_blobs, to_blob

    rng = np.random.default_rng(1)
    vecs = rng.standard_normal((40, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    blobs = [to_blob(v) for v in vecs]
    q = from_blob(blobs[0])
    for group in (blobs, blobs[:1], [], blobs[:3] + [to_blob(vecs[0][:100])]):
        got = from_blobs(group)
        assert len(got) == len(group)
        for g, b in zip(got, group):
            one = from_blob(b)
            assert g.dtype == one.dtype and np.array_equal(g.view(np.uint32), one.view(np.uint32))
            if len(g) == len(q):  # the cosine the matcher takes, bit for bit
                assert float(np.dot(q, g)) == float(np.dot(q, one))
