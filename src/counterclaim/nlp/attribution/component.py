"""The ``cc_attribution`` spaCy component: sets ``doc._.statements``.

Its config names the files it reads (``null``: the packaged one): the cue lexicons (``verbs``,
``nouns``, ``markers``, ``no_comment``, ``colon_labels``; ``framing``: which cues deny), the outlet's ``verdicts`` and the cue ``model``. They are read when
the component is made and saved with it by ``nlp.to_disk``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons import read_texts, write_texts
from .. import extensions
from .assembly import extract
from .cue_model import CueModel, model_text
from .lexicon import FILES, colon_labels_from_text, lexicon_from_texts, lexicon_texts
from .outlet_rules import verdicts_from_text
from .rules import Rules

MODEL_FILE = "cue_model.json"


class Attribution:
    def __init__(self, paths: Optional[dict[str, Optional[str]]] = None,
                 model_path: Optional[Union[str, Path]] = None) -> None:
        """``paths``: lexicon file by key of ``lexicon.FILES`` (missing or None: the packaged file);
        ``model_path``: the cue model (None: the shipped one)."""
        self.texts = lexicon_texts(paths)
        self.model_text = model_text(model_path)
        self._build()

    def _build(self) -> None:
        self.model: Optional[CueModel] = CueModel.from_json(self.model_text) if self.model_text is not None else None
        self.rules = Rules(lexicon_from_texts(self.texts), set(colon_labels_from_text(self.texts["colon_labels"])),
                           open_verbs=self.model is not None, verdicts=verdicts_from_text(self.texts["verdicts"]))

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = extract(doc, self.rules, self.model)
        return doc

    def to_disk(self, path: Union[str, Path], exclude=()) -> None:
        path = write_texts(path, self.texts, FILES)
        if self.model_text is not None:
            (path / MODEL_FILE).write_text(self.model_text, encoding="utf-8")

    def from_disk(self, path: Union[str, Path], exclude=()) -> "Attribution":
        path = Path(path)
        self.texts = read_texts(path, FILES)
        model = path / MODEL_FILE
        self.model_text = model.read_text(encoding="utf-8") if model.is_file() else None
        self._build()
        return self


@Language.factory(
    "cc_attribution",
    default_config={"verbs": None, "nouns": None, "markers": None, "no_comment": None, "colon_labels": None,
                    "verdicts": None, "framing": None, "model": None},
    assigns=["doc._.statements"],
    requires=["token.dep", "token.pos", "token.lemma"],
)
def make_attribution(nlp: Language, name: str, verbs: Optional[str], nouns: Optional[str],
                     markers: Optional[str], no_comment: Optional[str], colon_labels: Optional[str],
                     verdicts: Optional[str], framing: Optional[str], model: Optional[str]) -> Attribution:
    extensions.register()
    paths = {"verbs": verbs, "nouns": nouns, "markers": markers, "no_comment": no_comment,
             "colon_labels": colon_labels, "verdicts": verdicts, "framing": framing}
    return Attribution(paths, model)
