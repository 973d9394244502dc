"""The Dask engine: a LocalCluster of 2 worker processes gives the same ledger as the local engine.

One cluster for the module (its workers load the real pipeline once each); a handful of real
articles (the seed example and PolNeAR dev articles when ../shared is there), plus a duplicate and
an empty file, so that the skip and 'unchanged' paths are compared too.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import POLNEAR, SEED_TXT

pytest.importorskip("distributed")

from counterclaim.ingest.text import read_text_file  # noqa: E402
from counterclaim.model import Article, Skipped  # noqa: E402


def _corpus_files(tmp: Path) -> list[Path]:
    files = [SEED_TXT]
    dev = POLNEAR / "dev" / "text"
    if dev.is_dir():
        files += sorted(dev.glob("*.txt"))[:5]
    empty = tmp / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    dup = tmp / "seed-copy.txt"
    dup.write_text(SEED_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    return files + [empty, dup]


def _articles(files: list[Path]) -> list:
    out = []
    for p in files:
        got = read_text_file(p)
        if isinstance(got, Article):
            got.outlet = "RT" if p.name.startswith("seed") else p.name.split("_")[0]
            got.published = "2022-12-23" if p.name.startswith("seed") else None
        out.append(got)
    return out


def dump(db: Path) -> dict:
    """The ledger's content with surrogate integer ids replaced by natural keys, order-free."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    q = lambda sql: [dict(r) for r in conn.execute(sql)]  # noqa: E731
    props = {r["id"]: (r["key"], r["gist"], r["agent"], r["relation"], r["recipient"], r["when"], r["theme"])
             for r in q("SELECT * FROM propositions")}
    stmts = {r["id"]: (r["article_id"], r["local_id"]) for r in q("SELECT id, article_id, local_id FROM statements")}

    def norm(rows, drop=(), pid=(), sid=()):
        out = []
        for r in rows:
            for k in drop:
                r.pop(k, None)
            for k in pid:
                r[k] = props.get(r[k]) if r[k] is not None else None
            for k in sid:
                r[k] = stmts.get(r[k]) if r[k] is not None else None
            out.append(json.dumps(r, sort_keys=True, default=str))
        return sorted(out)

    d = {
        "articles": norm(q("SELECT * FROM articles"), drop=("ingested_at",)),
        "actors": norm(q("SELECT * FROM actors")),
        "propositions": norm(q("SELECT * FROM propositions"), drop=("id", "embedding")),
        "article_propositions": norm(q("SELECT * FROM article_propositions"), pid=("proposition_id",)),
        "statements": norm(q("SELECT * FROM statements"), drop=("id",)),
        "stances": norm(q("SELECT * FROM stances"), pid=("proposition_id",), sid=("statement_id",)),
        "quantities": norm(q("SELECT * FROM quantities"), drop=("id",), pid=("proposition_id",),
                           sid=("statement_id",)),
        "disputes": norm(q("SELECT * FROM disputes"), pid=("proposition_id",)),
    }
    conn.close()
    return d


@pytest.fixture(scope="module")
def client():
    from counterclaim.scale import dask_client

    with dask_client(workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus_files(tmp_path_factory.mktemp("scale-corpus"))


@pytest.fixture(scope="module")
def local_db(nlp, corpus, tmp_path_factory):
    from counterclaim.ledger import Ledger
    from counterclaim.service import ingest

    db = tmp_path_factory.mktemp("local") / "local.db"
    with Ledger(db) as led:
        rep = ingest(led, _articles(corpus))
    return db, rep


def test_cluster_has_two_single_threaded_worker_processes(client):
    nthreads = client.nthreads()
    assert len(nthreads) == 2 and set(nthreads.values()) == {1}
    pids = set(client.run(__import__("os").getpid).values())
    assert len(pids) == 2


def test_dask_ingest_gives_the_same_ledger_as_local(client, corpus, local_db, tmp_path):
    from counterclaim.scale import ingest_dask

    db, local_rep = local_db
    # partitions of 2 articles: several tasks, finishing in any order, on both workers
    rep = ingest_dask(_articles(corpus), tmp_path / "dask.db", client=client, partition_size=2)
    assert (rep.read, rep.added, rep.unchanged) == (local_rep.read, local_rep.added, local_rep.unchanged)
    assert sorted(s.reason for s in rep.skipped) == sorted(s.reason for s in local_rep.skipped)
    assert rep.added == len(corpus) - 2  # the empty file is skipped, the copy of the seed is unchanged
    a, b = dump(db), dump(tmp_path / "dask.db")
    assert len(a["articles"]) == rep.added, "the local ledger should hold the articles"
    for table in a:
        assert a[table] == b[table], f"table {table} differs between the local and the Dask engine"


def test_reingest_on_dask_analyzes_nothing_new(client, corpus, tmp_path):
    from counterclaim.scale import ingest_dask

    arts = _articles(corpus)
    ingest_dask(arts, tmp_path / "x.db", client=client, partition_size=3)
    again = ingest_dask(_articles(corpus), tmp_path / "x.db", client=client, partition_size=3)
    assert again.added == 0
    assert again.unchanged == len(corpus) - 1  # everything but the empty file, which is skipped again


def test_analyze_dataset_matches_local_analysis_and_merges_to_the_same_ledger(client, nlp, corpus, local_db, tmp_path):
    import pandas as pd

    from counterclaim import analyze_articles
    from counterclaim.ledger import Ledger
    from counterclaim.scale import analyze_dask
    from counterclaim.scale.dataset import merge_into_ledger

    arts = _articles(corpus)
    out = tmp_path / "ds"
    rep = analyze_dask(arts, out, client=client, partition_size=3)
    assert rep.read == len(arts) and rep.partitions == -(-len(arts) // 3)
    df = pd.read_parquet(out)
    assert list(df["seq"]) == list(range(len(arts)))  # input order, whatever finished first
    local = [r for r in analyze_articles([a for a in _articles(corpus) if isinstance(a, Article)])]
    rows = df[df["skipped"].isna()]
    analyzed = [r for r in local if not isinstance(r, Skipped)]
    assert len(rows) == len(analyzed)
    for res, (_, row) in zip(analyzed, rows.iterrows()):
        assert json.loads(row["analysis"]) == json.loads(json.dumps(res.to_dict()))
        assert row["text"] == res.article.text and row["id"] == res.article.id
    skipped = df[df["skipped"].notna()]
    assert list(skipped["skipped"]) == ["empty file"]
    # the cross-article matching from the Parquet output gives the local ledger
    with Ledger(tmp_path / "merged.db") as led:
        merge_into_ledger(out, led)
    a, b = dump(local_db[0]), dump(tmp_path / "merged.db")
    for table in a:
        assert a[table] == b[table], f"table {table} differs after merging the dataset"


def test_jsonl_dataset_and_refusal_to_overwrite(client, corpus, tmp_path):
    from counterclaim.scale import analyze_dask
    from counterclaim.scale.dataset import iter_dataset

    arts = _articles(corpus[:2])
    out = tmp_path / "js"
    analyze_dask(arts, out, fmt="jsonl", client=client)
    rows = list(iter_dataset(out))
    assert [r["seq"] for r in rows] == [0, 1]
    assert isinstance(rows[0]["analysis"], dict) and rows[0]["analysis"]["schema"] == "counterclaim-analysis/1"
    with pytest.raises(FileExistsError):
        analyze_dask(arts, out, fmt="jsonl", client=client)
