"""Counterclaim: who claims what, who denies it, and how each outlet reports it.

The public Python API::

    from counterclaim import analyze
    a = analyze(text, outlet="RT", published="2022-12-23")
    for s in a.statements: print(s.source, s.cue, s.content_text, s.stances)
"""
from .analyze import analyze, analyze_articles
from .model import Actor, Analysis, Article, Proposition, Skipped, Span, Statement

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_articles", "Analysis", "Article", "Actor", "Proposition", "Skipped",
           "Span", "Statement", "__version__"]


def __getattr__(name):  # the ledger is imported on first use, keeping `analyze` light
    if name == "Ledger":
        from .ledger import Ledger
        return Ledger
    raise AttributeError(name)
