"""Labelled claim pairs (same claim / not) from the dispute files, as offsets and labels only.

    python eval/claims/make_pairs.py            # writes eval/claims/pairs-train.jsonl, pairs-dev.jsonl

* train (from ``eval/disputes/polnear-train.json``, judged links): two statements judged about one
  claim are the same claim; statements about different claims are not; a statement a ledger put in
  a dispute about claim C but judged about none (``about: []``) is not the same claim as the
  statements judged about C that were seen with it (the same ``seen_with_gist``).
* dev (from ``eval/disputes/polnear-dev-disputes.json``, every dispute in dev): two statements of one
  gold claim are the same claim; statements of different gold claims are not, when they come from
  the same article or from two articles that some gold claim spans (related articles).

A dev pair of one claim says whether its statements take the same side or opposite sides (a paraphrase
of the claim, or the claim against a contrary wording). Each line: {"a": {"article", "start", "end"}, "b": {...}, "same": bool, "why": ...}. No article text.
"""
from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DISPUTES = HERE.parent / "disputes"


def _ref(article: str, start: int, end: int) -> dict:
    return {"article": article, "start": int(start), "end": int(end)}


def _key(r: dict) -> tuple:
    return (r["article"], r["start"], r["end"])


def _pair(a: dict, b: dict, same: bool, why: str) -> dict:
    a, b = sorted((a, b), key=_key)
    return {"a": a, "b": b, "same": same, "why": why}


def train_pairs(path: Path = DISPUTES / "polnear-train.json") -> list[dict]:
    d = json.loads(path.read_text(encoding="utf-8"))
    about = defaultdict(set)          # statement -> judged claims
    wrong_with = defaultdict(set)     # statement judged about nothing -> the gists it was seen with
    seen = defaultdict(set)           # gist -> statements judged right under it, with their claims
    refs = {}
    for x in d["links"]:
        r = _ref(x["article_id"], x["start"], x["end"])
        k = _key(r)
        refs[k] = r
        if x["about"]:
            about[k].update(x["about"])
            seen[x.get("seen_with_gist")].add(k)
        else:
            wrong_with[k].add(x.get("seen_with_gist"))
    out = {}
    for a, b in itertools.combinations(sorted(about), 2):
        same = bool(about[a] & about[b])
        out[(a, b)] = _pair(refs[a], refs[b], same, "one judged claim" if same else "different judged claims")
    for w, gists in wrong_with.items():
        for g in gists:
            for k in seen.get(g, ()):
                if k != w and (min(k, w), max(k, w)) not in out:
                    out[(min(k, w), max(k, w))] = _pair(refs[k], refs[w], False, "judged a wrong link to that claim")
    return list(out.values())


def dev_pairs(path: Path = DISPUTES / "polnear-dev-disputes.json") -> list[dict]:
    d = json.loads(path.read_text(encoding="utf-8"))
    stmts = []   # (claim id, ref)
    related = set()
    for c in d["claims"]:
        arts = sorted({s["article"] for s in c["statements"]})
        related.update(itertools.combinations(arts, 2))
        for s in c["statements"]:
            stmts.append((c["id"], _ref(s["article"], s["start"], s["end"]), s["stance"]))
    out = {}
    for (ca, a, sa), (cb, b, sb) in itertools.combinations(stmts, 2):
        if _key(a) == _key(b):
            continue
        k = tuple(sorted((_key(a), _key(b))))
        if ca == cb:
            out[k] = _pair(a, b, True, "one gold claim, " + ("same side" if sa == sb else "opposite sides"))
        elif k not in out and (a["article"] == b["article"] or tuple(sorted((a["article"], b["article"]))) in related):
            out[k] = _pair(a, b, False, "different gold claims, same or related articles")
    return list(out.values())


def main() -> None:
    for name, pairs in (("train", train_pairs()), ("dev", dev_pairs())):
        path = HERE / f"pairs-{name}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for p in sorted(pairs, key=lambda p: (_key(p["a"]), _key(p["b"]))):
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(pairs)} pairs, {sum(p['same'] for p in pairs)} same")


if __name__ == "__main__":
    main()
