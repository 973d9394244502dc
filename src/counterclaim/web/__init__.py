"""The web UI and HTTP API over the ledger: ``create_app(db_path, allow_ingest=False)``.

``counterclaim serve`` runs it with uvicorn on 127.0.0.1. See docs/web.md.
"""
from .app import create_app

__all__ = ["create_app"]
