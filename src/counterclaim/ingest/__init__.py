"""Readers: one per input format, each yielding Article records or Skipped values with a reason.

    from counterclaim.ingest import read_paths
    for item in read_paths(["news/", "dump.jsonl", "crawl.warc.gz"]): ...

``read_paths`` dispatches by file kind (see ``folders.py``); every article leaving a reader has
passed the same final checks (not empty, no NUL bytes, English: ``language.py``). Records that are
kept with something dropped (an impossible date) produce a ``Note`` through ``note_sink``.
"""
from .base import Note, NoteList
from .folders import read_file, read_paths, read_text_article
from .html import read_html_bytes, read_html_file
from .jsonl import read_jsonl_file
from .text import read_text_file
from .warc import read_warc_file

__all__ = ["Note", "NoteList", "read_paths", "read_file", "read_text_article", "read_text_file", "read_html_file",
           "read_html_bytes", "read_jsonl_file", "read_warc_file"]
