"""Write src/counterclaim/data/antonyms.tsv: the direct antonym pairs of WordNet 3.0 (adjectives and
verbs, single words), which the claim matcher reads as contrary predicates ("asleep" / "awake",
"win" / "lose", "legal" / "illegal").

    python eval/claims/make_antonyms.py [--wordnet /usr/share/wordnet]

The WordNet database files come from the Debian package ``wordnet-base`` (``apt-get install
wordnet-base``: /usr/share/wordnet/data.adj, data.verb). Only direct antonyms are kept (the ``!``
pointers between two word senses), not the indirect antonyms of similar-to satellites, and only pairs
of single lowercase words.
"""
from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "counterclaim" / "data" / "antonyms.tsv"
HEADER = """# Contrary predicates: direct antonym pairs of WordNet 3.0 (Princeton University, WordNet 3.0
# license: free use, copy and redistribution with this notice; https://wordnet.princeton.edu),
# adjectives (a) and verbs (v), single lowercase words, each pair once (a < b). Made by
# eval/claims/make_antonyms.py from the Debian package wordnet-base (data.adj, data.verb).
# Read by ledger/contrary.py: two claims about the same participants whose predicates are an
# antonym pair cannot both be true ("she was asleep" / "she was awake").
"""


def synset_words(fields: list[str]) -> tuple[list[str], int]:
    """The words of a data line (its fields after the offset) and the index of the pointer count."""
    n = int(fields[3], 16)
    words = [fields[4 + 2 * i].lower() for i in range(n)]
    return words, 4 + 2 * n


def antonyms(path: Path) -> set[tuple[str, str]]:
    lines = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lines[fields[0]] = fields
    out = set()
    for off, fields in lines.items():
        words, i = synset_words(fields)
        n_ptr = int(fields[i])
        for k in range(n_ptr):
            sym, target, _pos, st = fields[i + 1 + 4 * k: i + 5 + 4 * k]
            if sym != "!" or target not in lines:
                continue
            src, tgt = int(st[:2], 16), int(st[2:], 16)
            other, _ = synset_words(lines[target])
            a = words[src - 1].split("(")[0]
            b = other[tgt - 1].split("(")[0]
            if "_" in a or "_" in b or "-" in a or "-" in b or not a.isalpha() or not b.isalpha() or a == b:
                continue
            out.add(tuple(sorted((a, b))))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = ap.parse_args(argv)
    rows = []
    for pos, name in (("a", "data.adj"), ("v", "data.verb")):
        rows += [(a, b, pos) for a, b in sorted(antonyms(args.wordnet / name))]
    with OUT.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("a\tb\tpos\n")
        for a, b, pos in rows:
            f.write(f"{a}\t{b}\t{pos}\n")
    print(f"{OUT}: {len(rows)} pairs")


if __name__ == "__main__":
    main()
