"""Benchmarks measured in one process run, in alternation, on the same texts.

``run_bench`` times five arms, several rounds each, taking the median per arm:

    spacy    the bare spaCy pipeline the analyzer uses (``bare_nlp()``: the same model components)
    analyze  ``counterclaim.analyze_articles`` end to end (parse + Counterclaim's components + records)
    rules    the same without the stance encoder (``cc_stance_encoder``): the parse and the rules
    ingest   ``service.ingest`` into a fresh ledger in a temporary file (analysis + storage + matching)
    textacy  a peer baseline: the bare parse + textacy 0.13's ``direct_quotations`` on each doc

Throughput is tokens/s (tokens of the spaCy parse of the same texts) and articles/s. Ratios:
``analyze_vs_spacy`` = b/a, ``ingest_vs_spacy`` = c/a, ``analyze_vs_textacy`` = b/d, ``rules_vs_spacy`` =
rules/a.

``run_memory`` measures resident memory in fresh child processes (one per scenario, so that each
peak is its own): a corpus, one huge article, a long stream of articles. ``run_components`` times
each pipeline component alone; ``run_profile`` profiles the analyzer with pyinstrument (or cProfile).
"""
from __future__ import annotations

import gc
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional, Union

from ..analyze import BATCH_SIZE, SEGMENT_CHARS
from ..model import Article, Skipped
from ..nlp.doctext import make_doc

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_CORPUS = ROOT / "examples"
ARMS = ("spacy", "analyze", "ingest", "textacy", "rules")
ENCODER_STEP = "cc_stance_encoder"  # the model step the rules arm leaves out


# --- corpora -------------------------------------------------------------------------------------

def corpus_files(corpus: Optional[Union[str, Path]] = None) -> list[Path]:
    """The .txt files of a corpus: a folder of .txt files, or a PolNeAR-style split (its text/)."""
    d = Path(corpus) if corpus else DEFAULT_CORPUS
    if not d.exists():
        raise FileNotFoundError(f"no corpus at {d}")
    if d.is_file():
        return [d]
    if (d / "text").is_dir():
        d = d / "text"
    files = sorted(p for p in d.rglob("*.txt") if p.is_file())
    if not files:
        raise FileNotFoundError(f"{d} holds no .txt file")
    return files


def _polnear_metadata(files: list[Path]) -> dict[str, dict]:
    """PolNeAR's metadata.tsv (publisher, date, title) when the corpus is a PolNeAR split."""
    for cand in (files[0].parent.parent.parent / "metadata.tsv", files[0].parent.parent / "metadata.tsv"):
        if cand.is_file():
            import csv

            with cand.open(encoding="utf-8") as f:
                return {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    return {}


def load_corpus(corpus: Optional[Union[str, Path]] = None, limit: Optional[int] = None) -> list[Article]:
    """Read a corpus into Articles (with outlet/date/title from PolNeAR's metadata when present)."""
    from ..titles import guess_title
    from ..ingest.text import read_text_file

    files = corpus_files(corpus)
    if limit:
        files = files[:limit]
    meta = _polnear_metadata(files)
    out = []
    for p in files:
        got = read_text_file(p)
        if isinstance(got, Skipped):
            continue
        m = meta.get(p.stem)
        if m:
            got.outlet = m.get("publisher") or None
            pub = m.get("publication_date") or ""
            got.published = pub if len(pub) == 10 and pub[4] == "-" else None
            got.title = m.get("title") or None
        got.title = got.title or guess_title(got.text)
        out.append(got)
    if not out:
        raise FileNotFoundError(f"no readable article in {corpus or DEFAULT_CORPUS}")
    return out


# --- memory --------------------------------------------------------------------------------------

def rss_mb() -> float:
    """Current resident set size of this process, in MiB."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux
        import psutil

        return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


# --- the arms -------------------------------------------------------------------------------

def _arm_spacy(bare, texts: list[str]) -> int:
    n = 0
    for doc in bare.pipe(texts, batch_size=BATCH_SIZE):
        n += len(doc)
    return n


def _arm_analyze(arts: list[Article], disable: tuple[str, ...] = ()) -> int:
    """Tokens analyzed; ``disable``: pipeline steps switched off for the run (the rules arm: the encoder)."""
    from ..analyze import analyze_articles
    from ..nlp.pipeline import get_nlp

    nlp = get_nlp()
    n = 0
    with nlp.select_pipes(disable=list(disable)):
        for res in analyze_articles(arts, nlp=nlp):
            if not isinstance(res, Skipped):
                n += res.n_tokens
    return n


def _arm_ingest(arts: list[Article]) -> int:
    from ..ledger import embedding
    from ..service import ingest

    embedding.clear_cache()  # no claim vectors left from a round before
    with tempfile.TemporaryDirectory(prefix="counterclaim-bench-") as tmp:
        rep = ingest(Path(tmp) / "bench.db", arts, batch_size=BATCH_SIZE)
    return rep.added


def _arm_textacy(bare, texts: list[str]) -> int:
    from textacy.extract.triples import direct_quotations

    n = 0
    for doc in bare.pipe(texts, batch_size=BATCH_SIZE):
        try:
            n += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy gives up on a doc with an unclosed quotation mark
            pass
    return n


def _fresh(arts: list[Article]) -> list[Article]:
    """Copies of the articles, so that no arm sees another arm's mutations."""
    return [Article(text=a.text, id=a.id, title=a.title, outlet=a.outlet, published=a.published, url=a.url,
                    origin=a.origin, language=a.language) for a in arts]


def run_bench(corpus: Optional[Union[str, Path]] = None, *, rounds: int = 3, limit: Optional[int] = None,
              arms: tuple[str, ...] = ARMS, clock: str = "cpu", log: Optional[Callable[[str], None]] = None) -> dict:
    """Time the arms in alternation (rotating their order each round); the median per arm.

    Both clocks are recorded for every arm; ``clock`` picks the one behind ``tokens_per_s``,
    ``articles_per_s`` and the ratios: ``cpu`` (this process's CPU time: what a shared, loaded
    machine cannot distort; all four arms are single-threaded) or ``wall`` (elapsed time: right on
    an otherwise idle, pinned core)."""
    from ..nlp.pipeline import bare_nlp, get_nlp

    unknown = set(arms) - set(ARMS)
    if unknown:
        raise ValueError(f"unknown arm(s) {sorted(unknown)}: choose from {', '.join(ARMS)}")
    if rounds < 1:
        raise ValueError("rounds must be at least 1")
    arts = load_corpus(corpus, limit)
    texts = [a.text for a in arts]
    bare = bare_nlp()
    get_nlp()
    # warm every arm once (model caches, lazy imports, lexicons) before timing anything
    warm = {"spacy": lambda: _arm_spacy(bare, texts[:2]), "analyze": lambda: _arm_analyze(_fresh(arts[:2])),
            "ingest": lambda: _arm_ingest(_fresh(arts[:2])), "textacy": lambda: _arm_textacy(bare, texts[:2]),
            "rules": lambda: _arm_analyze(_fresh(arts[:2]), (ENCODER_STEP,))}
    for a in arms:
        warm[a]()
    n_tokens = sum(len(bare.make_doc(t)) for t in texts)  # the tokenizer's count, same for every arm
    run = {"spacy": lambda: _arm_spacy(bare, texts), "analyze": lambda: _arm_analyze(_fresh(arts)),
           "ingest": lambda: _arm_ingest(_fresh(arts)), "textacy": lambda: _arm_textacy(bare, texts),
           "rules": lambda: _arm_analyze(_fresh(arts), (ENCODER_STEP,))}
    if clock not in ("cpu", "wall"):
        raise ValueError(f"unknown clock {clock!r}: use cpu or wall")
    wall: dict[str, list[float]] = {a: [] for a in arms}
    cpu: dict[str, list[float]] = {a: [] for a in arms}
    for r in range(rounds):
        order = list(arms[r % len(arms):]) + list(arms[:r % len(arms)])
        for a in order:
            gc.collect()
            t, c = time.perf_counter(), time.process_time()
            run[a]()
            dc, dt = time.process_time() - c, time.perf_counter() - t
            wall[a].append(dt)
            cpu[a].append(dc)
            if log:
                log(f"round {r + 1}/{rounds} {a:8s} wall {dt:8.2f}s {n_tokens / dt:8.0f} tok/s | "
                    f"cpu {dc:8.2f}s {n_tokens / dc:8.0f} tok/s")
    out: dict = {}
    for a in ARMS:
        if a not in wall:
            out[a] = None
            continue
        med_w, med_c = statistics.median(wall[a]), statistics.median(cpu[a])
        med = med_c if clock == "cpu" else med_w
        out[a] = {"tokens_per_s": round(n_tokens / med, 1), "articles_per_s": round(len(arts) / med, 3),
                  "clock": clock,
                  "wall_tokens_per_s": round(n_tokens / med_w, 1), "cpu_tokens_per_s": round(n_tokens / med_c, 1),
                  "wall_seconds": round(med_w, 3), "cpu_seconds": round(med_c, 3),
                  "wall_seconds_all": [round(x, 3) for x in wall[a]], "cpu_seconds_all": [round(x, 3) for x in cpu[a]],
                  "n_articles": len(arts), "n_tokens": n_tokens}

    def ratio(x: str, y: str) -> Optional[float]:
        if out.get(x) and out.get(y):
            return round(out[x]["tokens_per_s"] / out[y]["tokens_per_s"], 3)
        return None

    out["ratios"] = {"analyze_vs_spacy": ratio("analyze", "spacy"), "ingest_vs_spacy": ratio("ingest", "spacy"),
                     "analyze_vs_textacy": ratio("analyze", "textacy"), "rules_vs_spacy": ratio("rules", "spacy")}
    if "ingest" in arms:  # matching's own share of the ingest arm: embedding, index lookup, scoring
        from ..analyze import analyze_articles
        from .match_bench import matching_cost
        out["matching"] = matching_cost([a for a in analyze_articles(_fresh(arts)) if not isinstance(a, Skipped)])
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def format_bench(res: dict, corpus: str = "") -> str:
    first = next(res[a] for a in ARMS if res.get(a))
    lines = [f"corpus: {corpus} ({first['n_articles']} articles, {first['n_tokens']:,} tokens); "
             f"throughput by {first['clock']} time, median of {len(first['cpu_seconds_all'])} round(s)",
             f"{'arm':10s} {'tokens/s':>10s} {'articles/s':>11s} {'cpu s':>9s} {'wall s':>9s} {'wall tok/s':>11s}"]
    for a in ARMS:
        r = res.get(a)
        if r:
            lines.append(f"{a:10s} {r['tokens_per_s']:10.0f} {r['articles_per_s']:11.2f} {r['cpu_seconds']:9.2f} "
                         f"{r['wall_seconds']:9.2f} {r['wall_tokens_per_s']:11.0f}")
        else:
            lines.append(f"{a:10s} {'-':>10s}")
    rt = res["ratios"]
    lines.append("ratios: analyze/spacy (b/a) = {}  ingest/spacy (c/a) = {}  analyze/textacy (b/d) = {}  "
                 "rules/spacy = {}".format(*(rt.get(k) if rt.get(k) is not None else "-"
                                             for k in ("analyze_vs_spacy", "ingest_vs_spacy", "analyze_vs_textacy",
                                                       "rules_vs_spacy"))))
    if res.get("matching"):
        from .match_bench import format_cost
        lines.append(format_cost(res["matching"]))
    lines.append(f"peak RSS: {res['peak_rss_mb']:.0f} MiB")
    return "\n".join(x for x in lines if x)


# --- per-component cost ----------------------------------------------------------------------------

def run_components(corpus: Optional[Union[str, Path]] = None, *, limit: Optional[int] = None,
                   rounds: int = 3) -> dict:
    """CPU time of each component of the analyzer's pipeline alone over the corpus (median of rounds)."""
    from ..nlp.pipeline import get_nlp

    nlp = get_nlp()
    arts = load_corpus(corpus, limit)
    names = [n for n, _ in nlp.pipeline]
    times: dict[str, list[float]] = {n: [] for n in ["make_doc", *names]}
    for _ in range(rounds + 1):  # the first round warms up
        t = time.process_time()
        docs = []
        for a in arts:
            d = make_doc(nlp, a.text)
            d._.article = a
            docs.append(d)
        times["make_doc"].append(time.process_time() - t)
        for name, proc in nlp.pipeline:
            t = time.process_time()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=BATCH_SIZE))
            else:
                docs = [proc(d) for d in docs]
            times[name].append(time.process_time() - t)
        del docs
    med = {n: statistics.median(v[1:]) for n, v in times.items()}
    total = sum(med.values())
    n_tokens = sum(len(nlp.make_doc(a.text)) for a in arts)
    own = {n for n in names if n.startswith("cc_") and n != ENCODER_STEP}  # the rule steps
    return {"n_articles": len(arts), "n_tokens": n_tokens, "total_s": round(total, 3),
            "counterclaim_share": round(sum(med[n] for n in own) / total, 4) if total else 0.0,
            "encoder_share": round(med.get(ENCODER_STEP, 0.0) / total, 4) if total else 0.0,
            "components": [{"name": n, "seconds": round(med[n], 4), "share": round(med[n] / total, 4) if total else 0.0}
                           for n in ["make_doc", *names]]}


def format_components(res: dict) -> str:
    lines = [f"{res['n_articles']} articles, {res['n_tokens']} tokens, {res['total_s']:.2f}s in all; "
             f"Counterclaim's rule steps: {100 * res['counterclaim_share']:.1f}%; the stance encoder: "
             f"{100 * res['encoder_share']:.1f}%"]
    for c in res["components"]:
        lines.append(f"  {c['name']:20s} {c['seconds']:8.3f}s {100 * c['share']:6.1f}%")
    return "\n".join(lines)


# --- profile --------------------------------------------------------------------------------------

def run_profile(corpus: Optional[Union[str, Path]] = None, *, limit: Optional[int] = None,
                html: Optional[Path] = None) -> str:
    """Profile ``analyze_articles`` over the corpus (warm model); returns a text report."""
    from ..analyze import analyze_articles
    from ..nlp.pipeline import get_nlp

    get_nlp()
    arts = load_corpus(corpus, limit)
    list(analyze_articles(_fresh(arts[:2])))
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    if Profiler is not None:
        prof = Profiler(interval=0.002)
        prof.start()
        for _ in analyze_articles(_fresh(arts)):
            pass
        prof.stop()
        if html:
            Path(html).write_text(prof.output_html(), encoding="utf-8")
        return prof.output_text(unicode=True, color=False, show_all=False)
    import cProfile
    import io
    import pstats

    pr = cProfile.Profile()
    pr.enable()
    for _ in analyze_articles(_fresh(arts)):
        pass
    pr.disable()
    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("cumulative").print_stats("counterclaim", 40)
    return s.getvalue()


# --- memory, in child processes -------------------------------------------------------------------

STREAM_UNITS = ("article", "paragraph")


def _check_stream_unit(unit: str) -> str:
    if unit not in STREAM_UNITS:
        raise ValueError(f"unknown stream unit {unit!r}: use {' or '.join(STREAM_UNITS)}")
    return unit


def _stream_paragraphs(arts: list[Article]) -> list[str]:
    """The paragraphs of a corpus (lines of 80 to 600 characters): short news texts for a long stream."""
    out = []
    for a in arts:
        out.extend(p.strip() for p in a.text.split("\n") if 80 <= len(p.strip()) <= 600)
    if not out:
        raise FileNotFoundError("the corpus has no paragraph of 80 to 600 characters for --stream-unit paragraph")
    return out


_SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "vos", "zel", "dra", "shi", "ne", "bor", "qua", "fi", "gan", "ux", "te")
_DIGITS = re.compile(r"\d+")


def _made_up_name(k: int) -> str:
    """A different made-up surname for every k (base-16 syllables), so that new strings keep coming."""
    parts = []
    while True:
        k, r = divmod(k, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
        if not k:
            break
    return ("".join(parts) + "ov").capitalize()


def stream_text(paras: list[str], k: int) -> str:
    """The k-th text of a paragraph stream: a corpus paragraph (cycled) whose numbers are shifted by k,
    followed by a sentence with a made-up name and the number k: every text differs, and the stream
    keeps bringing new strings (numbers, names) as a real news stream does."""
    p = _DIGITS.sub(lambda m: str(int(m.group()) + k), paras[k % len(paras)])
    return f"{p} {_made_up_name(k)} said on Tuesday that dispatch {k} was accurate."


def _child(kind: str, corpus: Optional[str], n: int, big_mb: float, segment_chars: int = 0,
           opts: Optional[dict] = None) -> dict:
    """Runs in a fresh process: one memory scenario; returns RSS figures in MiB.

    ``opts``: ``batch_chars`` / ``zone_chars`` (the analyzer's, None: its defaults), ``stream_unit``
    (article: the corpus' articles cycled; paragraph: ``stream_text``), ``sample_every`` (articles)."""
    from ..analyze import analyze_articles
    from ..nlp.pipeline import get_nlp

    opts = opts or {}
    kw = {k: opts[k] for k in ("batch_chars", "zone_chars") if opts.get(k) is not None}
    nlp = get_nlp()
    arts = load_corpus(corpus)
    list(analyze_articles(_fresh(arts[:1]), **kw))
    base = rss_mb()
    t = time.perf_counter()
    out: dict = {"scenario": kind, "rss_after_model_mb": round(base, 1), "options": kw}
    if kind == "corpus":
        k = tok = 0
        for res in analyze_articles(_fresh(arts), **kw):
            k += 1
            tok += getattr(res, "n_tokens", 0)
        out.update(articles=k, tokens=tok)
    elif kind == "ingest":  # the corpus stored in a fresh ledger: the analyzer, the claim encoder and SQLite
        from ..service import ingest

        with tempfile.TemporaryDirectory(prefix="counterclaim-memory-") as tmp:
            rep = ingest(Path(tmp) / "memory.db", _fresh(arts))
        out.update(articles=rep.added, statements=rep.statements)
    elif kind == "big":
        pieces, size, i = [], 0, 0
        target = int(big_mb * 2**20)
        while size < target:
            p = arts[i % len(arts)].text.strip() + "\n\n"
            pieces.append(p)
            size += len(p.encode("utf-8"))
            i += 1
        text = "".join(pieces)
        del pieces
        out["chars"] = len(text)
        out["bytes"] = len(text.encode("utf-8"))
        if segment_chars:
            kw["segment_chars"] = segment_chars
        out["segment_chars"] = segment_chars or SEGMENT_CHARS
        res = next(analyze_articles([Article(text=text, origin="big")], max_chars=len(text) + 1, **kw))
        if isinstance(res, Skipped):
            raise RuntimeError(f"the big article was skipped: {res.reason}")
        out.update(statements=len(res.statements), tokens=res.n_tokens)
        del res, text
    elif kind == "stream":
        unit = _check_stream_unit(opts.get("stream_unit") or "article")
        step = int(opts.get("sample_every") or 0) or max(1, n // 10)
        paras = _stream_paragraphs(arts) if unit == "paragraph" else []
        lemma_cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None) if "lemmatizer" in nlp.pipe_names else None

        def stream():
            for k in range(n):
                if paras:
                    yield Article(text=stream_text(paras, k), id=f"stream-{k}")
                else:
                    a = arts[k % len(arts)]
                    yield Article(text=a.text, id=f"stream-{k}", outlet=a.outlet, published=a.published,
                                  title=a.title)

        samples = []
        k = tok = 0
        for k, res in enumerate(analyze_articles(stream(), **kw), 1):
            tok += getattr(res, "n_tokens", 0)
            if k % step == 0:
                s = [k, round(rss_mb(), 1), len(nlp.vocab.strings), len(lemma_cache) if lemma_cache is not None else None,
                     round(time.perf_counter() - t, 1)]
                samples.append(s)
                print("sample articles={} rss_mb={} strings={} lemma_cache={} seconds={}".format(*s),
                      file=sys.stderr, flush=True)
        out.update(articles=k, tokens=tok, stream_unit=unit, paragraphs=len(paras) or None, rss_samples=samples,
                   sample_fields=["articles", "rss_mb", "strings", "lemmatizer_cache", "seconds"])
        half = [s for s in samples if s[0] >= n // 2]
        if len(half) >= 2:
            out["growth_second_half_mb_per_1000"] = round(
                1000 * (half[-1][1] - half[0][1]) / max(1, half[-1][0] - half[0][0]), 3)
    else:
        raise ValueError(kind)
    out["seconds"] = round(time.perf_counter() - t, 2)
    out["rss_end_mb"] = round(rss_mb(), 1)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def format_memory(res: dict) -> str:
    """One line per scenario of a ``run_memory`` report: peak RSS, and the stream's curve or the big article's size."""
    lines = []
    for k, r in res.items():
        extra = ""
        if k == "stream":
            smp = r.get("rss_samples") or []
            curve = " ".join(f"{x[0]}:{x[1]:.0f}" for x in (smp[:1] + smp[len(smp) // 2:len(smp) // 2 + 1] + smp[-1:]))
            extra = (f", {r['articles']:,} {r['stream_unit']}s, RSS (texts:MiB) {curve}, growth over the second half "
                     f"{r.get('growth_second_half_mb_per_1000')} MiB per 1000 texts")
        if k == "big":
            extra = f", {r['bytes'] / 1e6:.1f} MB article in segments of {r['segment_chars']:,} chars, {r['tokens']:,} tokens"
        lines.append(f"{k:7s} peak RSS {r['peak_rss_mb']:7.0f} MiB (model loaded: {r['rss_after_model_mb']:.0f} MiB, "
                     f"end: {r['rss_end_mb']:.0f} MiB), {r['seconds']:.0f}s{extra}")
    return "\n".join(lines)


def run_memory(corpus: Optional[Union[str, Path]] = None, *, scenarios: tuple[str, ...] = ("corpus", "big", "stream"),
               stream_n: int = 2000, big_mb: float = 5.0, segment_chars: int = 0,
               batch_chars: Optional[int] = None, zone_chars: Optional[int] = None, stream_unit: str = "article",
               sample_every: int = 0, log: Optional[Callable[[str], None]] = None) -> dict:
    """Each scenario in its own fresh Python process, so that its peak RSS is its own. The child's
    progress lines (stream samples) go to ``log`` as they come."""
    _check_stream_unit(stream_unit)
    opts = {"batch_chars": batch_chars, "zone_chars": zone_chars, "stream_unit": stream_unit,
            "sample_every": sample_every}
    results = {}
    for kind in scenarios:
        if log:
            log(f"memory: {kind} ...")
        cmd = [sys.executable, "-m", "counterclaim.dev.bench", "_memory_child", kind, str(corpus or ""), str(stream_n),
               str(big_mb), str(segment_chars), json.dumps(opts)]
        with tempfile.TemporaryFile(mode="w+") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
            tail: list[str] = []
            for line in proc.stderr:
                tail = (tail + [line])[-60:]
                if log and line.startswith("sample "):
                    log(f"  {kind}: {line.rstrip()}")
            proc.wait()
            out.seek(0)
            stdout = out.read()
        if proc.returncode != 0:
            raise RuntimeError(f"memory scenario {kind} failed:\n{''.join(tail)[-3000:]}")
        results[kind] = json.loads(stdout.strip().splitlines()[-1])
        if log:
            log(json.dumps(results[kind]))
    return results


if __name__ == "__main__":  # the child of run_memory
    if len(sys.argv) in (6, 7, 8) and sys.argv[1] == "_memory_child":
        _, _, kind, corpus, n, mb, *rest = sys.argv
        seg = int(rest[0]) if rest else 0
        extra = json.loads(rest[1]) if len(rest) > 1 else None
        print(json.dumps(_child(kind, corpus or None, int(n), float(mb), seg, extra)))
    else:
        sys.exit("usage: python -m counterclaim.dev.bench _memory_child KIND CORPUS N MB [SEGMENT_CHARS [OPTIONS_JSON]]")
