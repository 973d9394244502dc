"""Counterclaim: who claims what, who denies it, and how each outlet reports it.

The public Python API::

    from counterclaim import analyze
    a = analyze(text, outlet="RT", published="2022-12-23")
    for s in a.statements: print(s.source, s.cue, s.content_text, s.stances)

    from counterclaim import Ledger
    from counterclaim.service import ingest_paths
    with Ledger("news.db") as led:
        ingest_paths(led, ["news/"])            # read, analyze, store
        led.disputes(limit=10)

Importing the package loads neither spaCy nor the ledger: ``analyze``, ``analyze_articles`` and
``Ledger`` are imported on first use.
"""
import sys
from importlib import import_module
from types import ModuleType

from .errors import CounterclaimError
from .model import Actor, Analysis, Article, Proposition, Skipped, Span, Statement

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_articles", "Analysis", "Article", "Actor", "CounterclaimError", "Ledger",
           "Proposition", "Skipped", "Span", "Statement", "__version__"]

_LAZY = {"analyze": ".analyze", "analyze_articles": ".analyze", "Ledger": ".ledger"}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(ModuleType):
    """``counterclaim.analyze`` is the function, as ``from counterclaim import analyze`` promises, even
    after the module of the same name is imported (the import system would otherwise set the package
    attribute to the module); the module stays ``sys.modules["counterclaim.analyze"]``."""

    def __setattr__(self, name: str, value) -> None:
        if name == "analyze" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
