"""Article metadata given on the command line (``--outlet --published --url --title``), for files
that carry none of their own (a plain-text file without a ``NAME.meta.json`` sidecar).

``--outlet`` and ``--published`` fill what an article lacks (what a file says about itself: a
sidecar, an HTML page's tags, a JSON Lines record's fields, wins). ``--url`` and ``--title`` name
one article, so they need exactly one input file holding one article, and they set its URL and
title (a title read from the file is otherwise guessed from its first line).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

import typer

from ..dates import BadDate, parse_published
from ..ingest.ids import derived_id
from ..model import Article, Skipped


@dataclass
class Metadata:
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None

    def apply(self, items: Iterable[Union[Article, Skipped]]) -> Iterator[Union[Article, Skipped]]:
        """The articles with what they lack filled from the options; more than one article with
        ``--url`` or ``--title`` stops with a usage error (one URL cannot name two articles)."""
        n = 0
        for item in items:
            if isinstance(item, Article):
                n += 1
                if n > 1 and (self.url or self.title):
                    raise typer.BadParameter("--url and --title name one article, but the input holds more "
                                             "than one", param_hint="--url/--title")
                item.outlet = item.outlet or self.outlet
                item.published = item.published or self.published
                if self.url and item.id == derived_id(item.url, item.origin):  # a readable id: from the URL now
                    item.id = derived_id(self.url, item.origin) or item.id
                item.url = self.url or item.url
                item.title = self.title or item.title
            yield item


def metadata_options(paths: list[Path], outlet: Optional[str], published: Optional[str], url: Optional[str],
                     title: Optional[str]) -> Metadata:
    """The options checked: a valid date, and ``--url`` / ``--title`` only with a single file."""
    try:
        pub = parse_published(published)
    except BadDate as e:
        raise typer.BadParameter(str(e), param_hint="--published")
    if (url or title) and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise typer.BadParameter("--url and --title name one article: give exactly one file",
                                 param_hint="--url/--title")
    if url and not url.lower().startswith(("http://", "https://")):
        raise typer.BadParameter(f"not an http(s) URL: {url!r}", param_hint="--url")
    return Metadata(outlet=(outlet or "").strip() or None, published=pub, url=url or None,
                    title=(title or "").strip() or None)


OUTLET_HELP = "The outlet of articles that do not name one (a sidecar, an HTML page or a record wins)."
PUBLISHED_HELP = "Publication date (YYYY-MM-DD) of articles that carry none."
URL_HELP = "The article's URL (one file only)."
TITLE_HELP = "The article's title (one file only)."
