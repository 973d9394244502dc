"""The claim and stance components as spaCy factories: their lexicon paths in the config, the Doc
extensions they pass on, and a pipeline saved with ``nlp.to_disk`` and read back with ``spacy.load``."""
import spacy
from claim_steps_kit import span

from counterclaim.lexicons import DATA_DIR
from counterclaim.model import Article, Cue, Source, Statement
from counterclaim.nlp import extensions, framing  # noqa: F401 (registers cc_framing)
from counterclaim.nlp.claims import linking, propositions, stance  # noqa: F401 (register the factories)
from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.pipeline import MODEL

OURS = ("cc_framing", "cc_propositions", "cc_stance", "cc_links")
TEXT = ("Washington said Tehran had supplied Russia with weapons. "
        "The Iranian envoy whispered that Iran had supplied Russia with weapons.")


def _run(nlp, text: str = TEXT):
    """Parse with the model's components, attach the two statements of TEXT, run ours."""
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text)
    for name, proc in nlp.pipeline:
        if name not in OURS:
            doc = proc(doc)
    sts = []
    for k, (src, cue, content) in enumerate([("Washington", "said", "Tehran had supplied Russia with weapons"),
                                              ("The Iranian envoy", "whispered",
                                               "that Iran had supplied Russia with weapons")], 1):
        s = span(text, src)
        sts.append(Statement(id=f"S{k}", content=[span(text, content, s.end)], source=Source(s),
                             cue=Cue(span(text, cue, s.end), lemma=""), kind="indirect"))
    doc._.statements = sts
    for name in OURS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _pipeline(**framing_config):
    nlp = spacy.load(MODEL)
    nlp.add_pipe("cc_framing", config=framing_config)
    for name in OURS[1:]:
        nlp.add_pipe(name)
    return nlp


def test_register_is_idempotent_and_declares_the_pipeline_extensions():
    extensions.register()
    extensions.register()
    doc = spacy.blank("en")("A short text.")
    for name in extensions.DOC_EXTENSIONS:
        assert getattr(doc._, name) is None


def test_the_default_config_reads_the_packaged_lexicon():
    nlp = _pipeline()
    assert nlp.get_pipe("cc_propositions").lx is lexicon()  # one packaged lexicon per process
    assert nlp.get_pipe_meta("cc_propositions").default_config["relations"] is None
    doc = _run(nlp)
    washington, envoy = doc._.statements
    assert washington.cue.framing == envoy.cue.framing == "neutral"  # "whisper" is no cue of the packaged lexicon
    (p,) = doc._.propositions  # both statements state one proposition
    assert [x.stance for x in washington.stances] == [x.stance for x in envoy.stances] == ["asserts"]
    assert washington.stances[0].basis == "relation" and washington.stances[0].confidence == 0.9
    assert doc._.claims is None and doc._.claim_links is None  # cc_links drops what the steps passed on


def test_a_config_lexicon_path_is_honoured_and_survives_to_disk_and_load(tmp_path):
    packaged = (DATA_DIR / "cue_framing.tsv").read_text(encoding="utf-8")
    custom = tmp_path / "cue_framing.tsv"
    custom.write_text(packaged + "whisper\tdistancing\t-\n", encoding="utf-8")
    nlp = _pipeline(cue_framing=str(custom))
    assert [st.cue.framing for st in _run(nlp)._.statements] == ["neutral", "distancing"]

    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "cc_framing" / "cue_framing.tsv"
    assert saved.read_text(encoding="utf-8").endswith("whisper\tdistancing\t-\n")
    assert (tmp_path / "pipeline" / "cc_propositions" / "relations.tsv").is_file()
    custom.write_text(packaged, encoding="utf-8")  # the configured file changes after the save

    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names[-4:] == list(OURS)
    assert loaded.get_pipe("cc_framing").lx.framing["whisper"] == ("distancing", "-")  # the saved copy
    assert [st.cue.framing for st in _run(loaded)._.statements] == ["neutral", "distancing"]
