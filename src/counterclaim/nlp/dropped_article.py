"""cc_dropped_article: parse again a clause whose dropped article left a speech verb and a report noun
ambiguous.

Headlines drop articles (Mårdh 1980, *Headlinese*; Biber et al. 1999 §2.6.3 on block language), and
with the article gone a present-tense speech verb and a report noun read both ways:
"Minister rejects claims she lied" is parsed with "rejects" as a plural noun and "claims" as the verb
("Minister rejects | claims | she lied"), "Club dismisses reports that …" with "dismisses" as a noun.
Where a sentence holds such a pair — a present-tense form of a verb of ``reporting_verbs.tsv``
("rejects", "brushes aside") right before a noun of ``reporting_nouns.tsv``, plural or not ("claims",
"reports", "rumours", "report") — and the parser did not read the first as the verb and the second as a noun,
the sentence is parsed again with the article a full sentence would hold ("rejects the claims"; if
that is not enough, before the bare subject too: "The council brushes aside the claims") and that parse
is kept, without the articles, when it reads the pair so. A sentence the parser already
reads so is left as it is.

Runs right after the parser, before the attribute ruler and the lemmatizer, which then read the new
tags; the re-parse uses the model's own tok2vec, tagger and parser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import data_text, read_texts, tsv_text_rows, write_texts
from .attribution.lexicon import FILES
from .spelling import s_form

ARTICLE = "the"
PARSE_STEPS = ("tok2vec", "tagger", "parser")
MAX_SENTENCE_TOKENS = 60
MAX_SUBJECT_TOKENS = 4  # "Minister", "White House", "UK health ministry": a headline's bare subject
SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "CD", "POS", "HYPH"}


class Ambiguity:
    """The speech verbs (a word form and the words of a phrasal verb after it) and report nouns whose
    pairs the parser may read the wrong way round."""

    def __init__(self, verbs: Iterable[str], nouns: Iterable[str]) -> None:
        """``verbs``, ``nouns``: the lemmas of ``reporting_verbs.tsv`` and ``reporting_nouns.tsv``."""
        self.verbs: dict[str, set[tuple[str, ...]]] = {}  # present form -> the particle sequences it takes
        for lemma in verbs:
            head, *rest = lemma.split()
            self.verbs.setdefault(s_form(head), set()).add(tuple(rest))
        self.nouns = frozenset(f for lemma in nouns for f in (lemma, s_form(lemma)))

    def pair(self, sent: Span) -> Optional[tuple[int, int]]:
        """The doc indices of the verb and the noun of a verb-noun pair the parser read wrongly after
        a bare subject that opens the sentence (a few nouns, no article: "Minister", "White House"),
        or None."""
        for k, tok in enumerate(sent[:MAX_SUBJECT_TOKENS + 1]):
            if k == 0:
                continue
            if sent[k - 1].tag_ not in SUBJECT_TAGS:
                return None  # a determiner, a pronoun, a verb: no bare subject before a verb here
            for particles in self.verbs.get(tok.lower_, ()):
                n = k + 1 + len(particles)
                if n >= len(sent) or tuple(t.lower_ for t in sent[k + 1:n]) != particles:
                    continue
                noun = sent[n]
                if noun.lower_ in self.nouns and not (tok.tag_.startswith("VB") and noun.tag_.startswith("NN")):
                    return tok.i, noun.i
        return None


def reads_right(doc: Doc, verb: int, noun: int) -> bool:
    """Does a parse read the verb as a verb and the noun as a noun (heading no subject)?"""
    return doc[verb].tag_.startswith("VB") and doc[noun].tag_.startswith("NN") \
        and not any(c.dep_.startswith("nsubj") for c in doc[noun].children)


LEXICONS = {key: FILES[key] for key in ("verbs", "nouns")}


def lemmas(text: str) -> list[str]:
    """The lemmas of a cue lexicon's text, as ``lexicon_from_texts`` reads them."""
    return [r["lemma"].strip().lower() for r in tsv_text_rows(text)]


class DroppedArticle:
    """Re-parses the sentences of ``Ambiguity.pair`` with the dropped article put back. Its two lexicon
    files are saved with the pipeline."""

    def __init__(self, nlp: Language, paths: Optional[dict[str, Optional[str]]] = None) -> None:
        self.nlp = nlp
        self.texts = {key: data_text(name, (paths or {}).get(key)) for key, name in LEXICONS.items()}
        self._build()

    def _build(self) -> None:
        self.ambiguity = Ambiguity(*(lemmas(self.texts[key]) for key in ("verbs", "nouns")))

    def to_disk(self, path, exclude=()) -> None:
        write_texts(path, self.texts, LEXICONS)

    def from_disk(self, path, exclude=()) -> "DroppedArticle":
        self.texts = read_texts(Path(path), LEXICONS)
        self._build()
        return self

    def steps(self) -> list:
        return [self.nlp.get_pipe(name) for name in PARSE_STEPS if name in self.nlp.pipe_names]

    def __call__(self, doc: Doc) -> Doc:
        todo = []
        for sent in doc.sents:
            if len(sent) <= MAX_SENTENCE_TOKENS and (found := self.ambiguity.pair(sent)) is not None:
                todo.append((sent, found))
        if not todo:
            return doc
        steps = self.steps()
        heads = doc.to_array([HEAD, DEP, TAG])  # uint64: a head is an offset modulo 2**64
        changed = False
        for sent, (verb, noun) in todo:
            for where in article_places(sent, noun):
                parsed = reparse(doc, sent, where, steps)
                if parsed is None:
                    continue
                pos = shifted(len(sent), where)
                back = {j: i for i, j in enumerate(pos)}  # parsed index -> sentence index
                if not reads_right(parsed, pos[verb - sent.start], pos[noun - sent.start]) \
                        or any(parsed[j].n_lefts + parsed[j].n_rights for j in range(len(parsed)) if j not in back):
                    continue  # the verb or the noun still read wrongly, or an article heads a word
                for j, i in back.items():
                    old = sent.start + i
                    head = sent.start + back[parsed[j].head.i]
                    heads[old] = ((head - old) % 2**64, doc.vocab.strings.add(parsed[j].dep_),
                                  doc.vocab.strings.add(parsed[j].tag_))
                changed = True
                break
        if changed:
            doc.from_array([HEAD, DEP, TAG], heads)
        return doc


def article_places(sent: Span, noun: int) -> list[tuple[int, ...]]:
    """Where to put the dropped articles back, in the order tried (sentence indices the article goes
    before): before the report noun; then also before a bare subject that opens the sentence."""
    places = [(noun - sent.start,)]
    first = sent[0]
    if first.tag_ in ("NN", "NNS", "NNP", "NNPS") and first.i < noun:
        places.append((0, noun - sent.start))
    return places


def shifted(n: int, where: tuple[int, ...]) -> list[int]:
    """The index in the re-parsed sentence of each of the sentence's ``n`` tokens, articles put in
    before the indices ``where``."""
    return [i + sum(w <= i for w in where) for i in range(n)]


def reparse(doc: Doc, sent: Span, where: tuple[int, ...], steps: Iterable) -> Optional[Doc]:
    """The sentence parsed again with an article before each index of ``where``; None when the
    parser splits it."""
    words, spaces = [], []
    for i, tok in enumerate(sent):
        if i in where:
            words.append(ARTICLE.capitalize() if i == 0 else ARTICLE)
            spaces.append(True)
        words.append(tok.lower_ if i == 0 and tok.tag_ in ("NN", "NNS") and i in where else tok.text)
        spaces.append(bool(tok.whitespace_))
    new = Doc(doc.vocab, words=words, spaces=spaces)
    for step in steps:
        new = step(new)
    if sum(1 for t in new if t.dep_ == "ROOT") != 1:
        return None
    return new


@Language.factory("cc_dropped_article", default_config={"verbs": None, "nouns": None},
                  assigns=["token.head", "token.dep", "token.tag"])
def make_dropped_article(nlp: Language, name: str, verbs: Optional[str] = None,
                         nouns: Optional[str] = None) -> DroppedArticle:
    """Config: the reporting-verb and reporting-noun files (null: the packaged ones)."""
    return DroppedArticle(nlp, {"verbs": verbs, "nouns": nouns})


def add_dropped_article(nlp: Language) -> Language:
    """Put cc_dropped_article right after the parser (idempotent; no parser, nothing added)."""
    if "cc_dropped_article" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("cc_dropped_article", after="parser")
    return nlp
