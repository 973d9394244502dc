"""The analysis dataset: one row per article, written as Parquet (or JSON Lines) partitions.

A dataset is a folder of ``part-NNNNN.parquet`` (or ``part-NNNNN.jsonl``) files plus a
``_counterclaim.json`` manifest (Spark, DuckDB and pyarrow ignore files starting with ``_``).
Partition ``k`` holds a contiguous run of the input, in input order, so reading the parts in
order gives back the input order: that is what makes a merge into the ledger deterministic
whatever the number of workers and whatever order the partitions finished in.

Columns (one row per input article, analyzed or skipped):

    seq            int64   position of the article in the input stream
    id             string  the article id (the reader's, or a hash of the text)
    content_hash   string  ``sha1:...`` of the text, whatever the id
    url, title, outlet, published, origin, language   string (nullable)
    text           string  the exact text the offsets point into (nullable: --no-text)
    n_tokens       int64
    n_statements   int64
    n_propositions int64
    analysis       string  the counterclaim-analysis/1 JSON, without the text (null when skipped)
    skipped        string  why the article was not analyzed (null when analyzed)

Load it with ``pandas.read_parquet(DIR)``, DuckDB ``SELECT * FROM read_parquet('DIR/*.parquet')``
or Spark ``spark.read.parquet(DIR)``; in JSON Lines ``analysis`` is a nested object.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..model import Analysis, Article, Skipped, content_id

FORMATS = ("parquet", "jsonl")
MANIFEST = "_counterclaim.json"
DATASET_SCHEMA = "counterclaim-dataset/1"

_STR_COLS = ("id", "content_hash", "url", "title", "outlet", "published", "origin", "language", "text",
             "analysis", "skipped")
_INT_COLS = ("seq", "n_tokens", "n_statements", "n_propositions")
COLUMNS = ("seq", "id", "content_hash", "url", "title", "outlet", "published", "origin", "language", "text",
           "n_tokens", "n_statements", "n_propositions", "analysis", "skipped")


def arrow_schema():
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in _INT_COLS else pa.string()) for c in COLUMNS])


def part_name(part_no: int, fmt: str) -> str:
    return f"part-{part_no:05d}.{fmt}"


def article_record(seq: int, art: Union[Article, Skipped]) -> dict:
    """What the client sends to a worker for one input item (an Article or a reader's Skipped)."""
    if isinstance(art, Skipped):
        return {"seq": seq, "skipped": art.reason, "origin": art.origin}
    d = art.meta()
    d["text"] = art.text
    d["seq"] = seq
    return d


def record_article(rec: dict) -> Union[Article, Skipped]:
    if rec.get("skipped") is not None:
        return Skipped(rec.get("origin") or "", rec["skipped"])
    keys = Article.__dataclass_fields__
    return Article(**{k: v for k, v in rec.items() if k in keys})


def result_row(seq: int, res: Union[Analysis, Skipped], art: Optional[Article], with_text: bool = True) -> dict:
    """One dataset row from an analysis result (``art`` is the input Article, None for a reader skip)."""
    row = dict.fromkeys(COLUMNS)
    row["seq"] = seq
    row["n_tokens"] = row["n_statements"] = row["n_propositions"] = 0
    if art is not None:
        row.update({k: v for k, v in art.meta().items() if k in row})
        row["content_hash"] = content_id(art.text)
        if with_text:
            row["text"] = art.text
    if isinstance(res, Skipped):
        row["skipped"] = res.reason
        row["origin"] = row["origin"] or res.origin
        return row
    row["n_tokens"] = res.n_tokens
    row["n_statements"] = len(res.statements)
    row["n_propositions"] = len(res.propositions)
    row["analysis"] = json.dumps(res.to_dict(), ensure_ascii=False, sort_keys=True)
    return row


def row_result(row: dict) -> Union[Analysis, Skipped]:
    """Back from a dataset row to what the ledger takes: an Analysis (with its text) or a Skipped."""
    if row.get("skipped") is not None:
        return Skipped(row.get("origin") or row.get("id") or "", row["skipped"])
    a = row["analysis"]
    if isinstance(a, str):
        a = json.loads(a)
    if row.get("text") is None:
        raise ValueError(f"dataset row {row.get('id')!r} has no text (written with --no-text): "
                         "it cannot be merged into a ledger")
    return Analysis.from_dict(a, text=row["text"])


# --- writing and reading partitions (local paths or any URI pyarrow/fsspec understands) ---------

def _is_uri(path: str) -> bool:
    return "://" in str(path)


def ensure_dir(path: Union[str, Path]) -> None:
    if not _is_uri(str(path)):
        Path(path).mkdir(parents=True, exist_ok=True)


def join(base: Union[str, Path], name: str) -> str:
    base = str(base)
    return base.rstrip("/") + "/" + name if _is_uri(base) else str(Path(base) / name)


def rows_table(rows: list[dict]):
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema())


def write_rows(rows: list[dict], path: str, fmt: str) -> None:
    """Write one partition atomically (temp name, then rename) so a reader never sees half a file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown dataset format {fmt!r}: use parquet or jsonl")
    if _is_uri(path):
        _write_uri(rows, path, fmt)
        return
    tmp = path + ".tmp"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(rows_table(rows), tmp, compression="zstd")
    else:
        with open(tmp, "w", encoding="utf-8") as f:
            for r in rows:
                r = dict(r)
                if r.get("analysis"):
                    r["analysis"] = json.loads(r["analysis"])
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    Path(tmp).replace(path)


def _write_uri(rows: list[dict], uri: str, fmt: str) -> None:
    import fsspec

    with fsspec.open(uri, "wb") as f:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(rows_table(rows), f, compression="zstd")
        else:
            for r in rows:
                r = dict(r)
                if r.get("analysis"):
                    r["analysis"] = json.loads(r["analysis"])
                f.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))


def read_rows(path: str, fmt: Optional[str] = None, batch_rows: int = 256) -> Iterator[dict]:
    """Stream the rows of one partition, in order, a batch at a time."""
    fmt = fmt or ("jsonl" if str(path).endswith(".jsonl") else "parquet")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        if _is_uri(path):
            import fsspec

            with fsspec.open(path, "rb") as f:
                pf = pq.ParquetFile(f)
                for batch in pf.iter_batches(batch_size=batch_rows):
                    yield from batch.to_pylist()
            return
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=batch_rows):
            yield from batch.to_pylist()
        return
    if _is_uri(path):
        import fsspec

        opener = fsspec.open(path, "rt", encoding="utf-8")
    else:
        opener = open(path, encoding="utf-8")
    with opener as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_manifest(out: Union[str, Path], info: dict) -> None:
    info = {"schema": DATASET_SCHEMA, **info}
    text = json.dumps(info, indent=1, ensure_ascii=False)
    path = join(out, MANIFEST)
    if _is_uri(path):
        import fsspec

        with fsspec.open(path, "wt", encoding="utf-8") as f:
            f.write(text)
    else:
        Path(path).write_text(text, encoding="utf-8")


def list_parts(dataset: Union[str, Path]) -> list[str]:
    """The partition files of a dataset, in partition order."""
    if _is_uri(str(dataset)):
        import fsspec

        fs, root = fsspec.core.url_to_fs(str(dataset))
        names = sorted(p for p in fs.ls(root, detail=False) if p.rsplit("/", 1)[-1].startswith("part-")
                       and p.endswith(FORMATS) and not p.endswith(".tmp"))
        proto = str(dataset).split("://", 1)[0]
        return [f"{proto}://{n}" for n in names]
    d = Path(dataset)
    if not d.is_dir():
        raise FileNotFoundError(f"no dataset folder at {d}")
    return [str(p) for p in sorted(d.iterdir()) if p.name.startswith("part-") and p.suffix in (".parquet", ".jsonl")]


def iter_dataset(dataset: Union[str, Path]) -> Iterator[dict]:
    """Every row of a dataset in input order (partitions in order, rows in order within each)."""
    parts = list_parts(dataset)
    if not parts:
        raise FileNotFoundError(f"{dataset} holds no part-*.parquet or part-*.jsonl file")
    for p in parts:
        yield from read_rows(p)


def iter_results(dataset: Union[str, Path]) -> Iterator[Union[Analysis, Skipped]]:
    """The dataset as the ledger takes it: Analysis or Skipped, in input order."""
    for row in iter_dataset(dataset):
        yield row_result(row)


def merge_into_ledger(dataset: Union[str, Path], ledger, rematch: bool = False):
    """Merge an analysis dataset into a ledger with one writer; returns the Ledger's IngestReport."""
    report = ledger.add_analyses(iter_results(dataset))
    if rematch:
        ledger.rematch()
    return report


def rows_from(results: Iterable[Union[Analysis, Skipped]], articles: list, with_text: bool = True) -> list[dict]:
    """Pair results with (seq, Article|Skipped) inputs into dataset rows (helper for the local path)."""
    out = []
    for (seq, art), res in zip(articles, results):
        out.append(result_row(seq, res, art if isinstance(art, Article) else None, with_text))
    return out
