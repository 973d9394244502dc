"""What claim matching costs (process CPU time, which a loaded machine does not distort): per claim (embedding, index lookup, scoring), and per article as the
ledger grows.

``matching_cost(analyses)`` stores analyses in a fresh ledger with the matcher's three steps timed
apart: the MiniLM embedding of an article's claims, the claim-index lookup of candidates, and the
scoring of the candidates (reading their rows, features, decision).

``run_growth(analyses, sizes)`` fills a ledger with synthetic claims (words drawn with Zipfian
frequencies from the analyses' own claim words and made-up ones, actors from the analyses, random unit
embeddings: the filler only has to make the index's posting lists as long as a real ledger's) up to each size in turn, and times ``store.add_analysis`` of the same articles at each
size: with an index read in bounded posting lists, the time per article stays flat from a thousand
to a hundred thousand stored claims.
"""
from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from ..ledger import claim_index, embedding, matching, store
from ..limits import BATCH_SIZE
from ..model import Analysis


def matching_cost(analyses: Sequence[Analysis]) -> dict:
    """Seconds per claim of each matching step, over storing ``analyses`` in a fresh ledger."""
    t_embed = t_index = t_score = 0.0
    n = 0
    orig_candidates, orig_embed = claim_index.candidates, matching.embed_claims

    def timed(fn, which):
        def run(*a, **kw):
            nonlocal t_embed, t_index, t_score
            t = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                dt = time.process_time() - t
                if which == "embed":
                    t_embed += dt
                elif which == "index":
                    t_index += dt
                else:
                    t_score += dt
        return run

    with tempfile.TemporaryDirectory(prefix="counterclaim-match-") as tmp:
        conn = store.connect(Path(tmp) / "m.db")
        claim_index.candidates = timed(orig_candidates, "index")
        matching.embed_claims = timed(orig_embed, "embed")
        embed_ahead = timed(matching.embed_ahead, "embed")
        embedding.clear_cache()
        try:
            t_all = time.process_time()
            for i, a in enumerate(analyses):
                if i % BATCH_SIZE == 0:  # as ingest does: a batch's claims embedded in one pass
                    embed_ahead(analyses[i:i + BATCH_SIZE])
                a = replace(a, article=replace(a.article, id=f"bench-{i}", url=None, text=a.article.text + f"\n#{i}"))
                store.add_analysis(conn, a)
                n += len(a.propositions)
            t_all = time.process_time() - t_all
            # scoring: match every claim again against the filled ledger, lookups and embedding left out
            vecs = [v for a in analyses for v in orig_embed(a.propositions)]
            props = [p for a in analyses for p in a.propositions]
            terms = [claim_index.claim_terms(matching.claim_text(p), p.agent, p.recipient, p.relation) for p in props]
            cands = [orig_candidates(conn, t) for t in terms]
            claim_index.candidates = lambda _conn, _terms, _it=iter(cands): next(_it)
            t = time.process_time()
            for p, v in zip(props, vecs):
                matching.match_claim(conn, p, v)
            t_score = time.process_time() - t
        finally:
            claim_index.candidates, matching.embed_claims = orig_candidates, orig_embed
            conn.close()
    per = lambda x: round(1000 * x / n, 3) if n else None  # noqa: E731
    return {"claims": n, "articles": len(analyses), "embedding_available": embedding.available(),
            "ms_per_claim": {"embedding": per(t_embed), "index_lookup": per(t_index), "scoring": per(t_score),
                             "total": per(t_embed + t_index + t_score)},
            "store_seconds": round(t_all, 3)}


def format_cost(res: dict) -> str:
    m = res["ms_per_claim"]
    model = "" if res["embedding_available"] else " (no embedding model installed: lexical only)"
    return (f"matching   {m['total']:.2f} ms/claim: embedding {m['embedding']:.2f}, index lookup {m['index_lookup']:.2f}, "
            f"scoring {m['scoring']:.2f} ({res['claims']} claims){model}")


def _fill(conn: sqlite3.Connection, n: int, start: int, vocab: list[str], actors: list[str], relations: list[str],
          rng: random.Random) -> None:
    rows, terms = [], []
    vecs = np.random.default_rng(start).standard_normal((n, embedding.DIM)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    zipf = [1.0 / (r + 1) for r in range(len(vocab))]  # word frequencies fall with rank, as in news text
    for i, v in zip(range(start, start + n), vecs):
        words = list(dict.fromkeys(rng.choices(vocab, weights=zipf, k=rng.randint(4, 9))))
        agent = rng.choice(actors) if actors and rng.random() < 0.5 else None
        rel = rng.choice(relations) if relations and agent and rng.random() < 0.3 else None
        text = " ".join(words)
        rows.append((i, f"gist|synthetic {i}", text, agent, rel, text, embedding.to_blob(v)))
        terms.extend((t, i) for t in claim_index.claim_terms(text, agent, None, rel))
    conn.execute("BEGIN")
    conn.executemany('INSERT INTO propositions(id, key, gist, agent, relation, claim, embedding) VALUES (?, ?, ?, ?, ?, ?, ?)',
                     rows)
    conn.executemany("INSERT OR IGNORE INTO claim_terms(term, proposition_id) VALUES (?, ?)", terms)
    conn.execute("COMMIT")


def run_growth(analyses: Sequence[Analysis], sizes: Sequence[int] = (1_000, 10_000, 100_000), *,
               log: Optional[Callable[[str], None]] = None, seed: int = 0) -> dict:
    """Seconds per article stored at each ledger size (synthetic filler claims up to the size)."""
    rng = random.Random(seed)
    vocab = sorted({w for a in analyses for p in a.propositions for w in matching.claim_text(p).split() if w.isalpha()})
    vocab = vocab + [f"filler{k}" for k in range(20_000)]
    random.Random(seed).shuffle(vocab)
    actors = sorted({x for a in analyses for p in a.propositions for x in (p.agent, p.recipient) if x})
    relations = sorted({p.relation for a in analyses for p in a.propositions if p.relation})
    out = []
    with tempfile.TemporaryDirectory(prefix="counterclaim-growth-") as tmp:
        conn = store.connect(Path(tmp) / "g.db")
        have = 0
        try:
            for k, size in enumerate(sorted(sizes)):
                top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM propositions").fetchone()[0]
                _fill(conn, size - have, top + 1, vocab, actors, relations, rng)
                have = size
                times = []
                for i, a in enumerate(analyses):
                    a = replace(a, article=replace(a.article, id=f"growth-{k}-{i}", url=None,
                                                   text=a.article.text + f"\n#{k}-{i}"))
                    embedding.clear_cache()  # the article's claims embedded afresh (on their own, not in a batch)
                    t = time.process_time()
                    store.add_analysis(conn, a)
                    times.append(time.process_time() - t)
                row = {"stored_claims": size, "articles": len(times),
                       "ms_per_article": round(1000 * statistics.median(times), 2),
                       "ms_per_article_mean": round(1000 * statistics.fmean(times), 2)}
                out.append(row)
                if log:
                    log(f"{size:>8,} stored claims: {row['ms_per_article']:.1f} ms per article (median of {len(times)})")
        finally:
            conn.close()
    return {"sizes": out, "embedding_available": embedding.available()}


def format_growth(res: dict) -> str:
    lines = [f"{'stored claims':>14s} {'ms/article':>11s} {'mean':>8s}"]
    for r in res["sizes"]:
        lines.append(f"{r['stored_claims']:>14,} {r['ms_per_article']:11.1f} {r['ms_per_article_mean']:8.1f}")
    return "\n".join(lines)
