"""The analyzer's size limits and batching, as plain numbers: what the command line offers as
defaults and ``analyze.py`` uses, importable without loading the language model."""

SEGMENT_CHARS = 20_000  # ~4,000 words: longer articles are parsed in pieces cut at paragraph breaks
# A news article is rarely over 100 KB; a multi-megabyte "article" is a dump or a mistake. Beyond
# MAX_CHARS an article is skipped with its reason unless the caller raises the limit (memory stays
# bounded either way: long texts are parsed segment by segment).
MAX_CHARS = 2_000_000
# Docs per nlp.pipe batch. Measured (`counterclaim bench`, docs/bench.md): with the pinned model,
# 64 costs ~20% more CPU than 16 and doubles peak memory (bare spaCy over 100 PolNeAR train
# articles: 1038 MiB at 64, 534 MiB at 16, 375 MiB at 4); 16 keeps most of the batching gain.
BATCH_SIZE = 16
# ... and at most this many characters per batch: the parse's working memory grows with the batch's
# text. Peak RSS for a 1 MB article (docs/bench.md): 16 x 20,000 chars per batch 1,210 MiB; budget
# 200k 767 MiB, 100k 505 MiB, 50k 325 MiB. 100k: 16 news articles (~5,000 chars each) mostly fit,
# 50k cost ~10% more CPU on PolNeAR dev.
BATCH_CHARS = 100_000
# A stream is parsed in spaCy memory zones of about this many characters (see analyze._zone): a zone's
# results are yielded when it closes, so this is also how far results lag behind the input.
ZONE_CHARS = 500_000
# The first WARM_CHARS characters a pipeline analyzes go through no zone: spaCy fills its tokenizer
# cache only outside zones, and without the common words cached tokenizing costs ~3x more.
WARM_CHARS = 200_000
