"""Scale-out: the same per-article analysis on a Dask cluster, written as a Parquet/JSON Lines
dataset and merged into the ledger by one writer. See docs/scale.md."""
from .dask_engine import AnalyzeReport, analyze_dask, dask_client, ingest_dask

__all__ = ["AnalyzeReport", "analyze_dask", "dask_client", "ingest_dask"]
