"""A content's main clause as a gist claim, when it has no claim noun, event nominal or relation clause:
what a cue of judging, naming or comparing says of its object, small clauses ("cast Clinton as
unqualified"), and noun phrases a cue of showing puts forward as fact."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...model import Statement
from .checkability import bare_gerund, not_checkable
from .clauses import clause_claim, judged_subject
from .frames import through_frames
from .cues import cue_lemma_or_none, naming_participle, passive_cue_verb
from .discourse import main_clause, subordinate
from .negation import negative_determiner
from .syntax import PREDICATE_DEPS, Scope, clause_tokens, in_scope, predicate_before
from .types import PRON_SELF, SUBJ, Claim, Ctx


def gist_claims(ctx: Ctx, st: Statement, statements: dict, roots: list[Token], toks: list[Token],
                scope: Scope) -> list[Claim]:
    """The content's main clause as a gist claim (none when it states nothing checkable): what a cue of
    predicting, judging, naming or comparing takes, else the first root that is a clause, a small clause
    or a noun phrase put forward as fact; of a clause, the member of a contrast or correction the content
    is about (``discourse.main_clause``), and not an adverbial clause beside a main clause."""
    doc, lx = ctx.doc, ctx.lx
    claims: list[Claim] = []
    # "cast Clinton as unqualified", "sees him as a real threat": "as" may hang on the cue
    cue = cue_lemma_or_none(doc, st, lx)
    cue_as = st.cue is not None and st.cue.span.text.lower().rstrip().endswith(" as")  # "has framed herself as"
    as_cue = cue in lx.small_clause_cues or cue_as
    # "ranked [Fiorina as one of the worst CEOs]", "pointed to [the GOP as the key obstacle]": an
    # "as" phrase of the content hanging on the cue verb makes the content a small clause
    # right after a noun phrase of its own that names someone or something, not "her days as secretary"
    as_root = any(x.lower_ == "as" and x.pos_ == "ADP" and (x.head.pos_ in ("VERB", "AUX") or (
        as_cue and not in_scope(x.head, scope))) and (as_cue or any(
        r.i < x.i and r.right_edge.i + 1 == x.i and r.pos_ in ("NOUN", "PROPN", "PRON")
        and not any(c.dep_ == "poss" for c in r.children) for r in roots)) for x in roots) or (as_cue and _final_as(roots, toks))
    if cue in lx.prediction_cues:  # "predict two more rate rises next year": the predicted event
        noun = next((r for r in roots if r.pos_ == "NOUN"), None) or next(
            (t for t in toks if t.pos_ == "NOUN" and t.dep_ == "pobj" and not in_scope(t.head.head, scope)), None)
        if noun is not None:
            claims.append(clause_claim(ctx, noun, clause_tokens(noun, scope), st, statements, kind="gist"))
    if not claims:
        c = _judged_or_named(ctx, st, statements, cue, roots, toks, scope)
        if c is not None:
            claims.append(c)
    for r in roots if not claims else ():
        small_clause = r.pos_ in ("NOUN", "PROPN", "PRON") and (as_root or cue_as or (as_cue and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in r.children)))
        # "was confirmed: [Mariano's diagnosis of a blood clot]", "reveals [a 'demoralizing' experience]":
        # under a factive cue of showing, a noun phrase is put forward as fact; under a cue of reporting
        # or finding, one with a predicate of its own or a "no" ("reported [no injuries]": there were none)
        fact_np = (r.pos_ in ("NOUN", "PROPN") and (cue in lx.evidential_cues or (
            cue in lx.presenting_cues and (_np_with_predicate(r, scope) or negative_determiner(r) is not None)))) or (
            cue in lx.presenting_cues and _amount_object(r, roots, scope))
        if r.pos_ not in ("VERB", "AUX") and not any(c.dep_ in SUBJ for c in r.children) and not small_clause \
                and not fact_np:
            continue
        if r.pos_ in ("VERB", "AUX"):
            if subordinate(r, lx) and any(x.i > r.i and x.pos_ in ("VERB", "AUX") and not subordinate(x, lx) for x in roots):
                continue  # "although it had not met its target, [profits rose]": the main clause is the claim
            # "X, but [Y]", "This is not a protest, [it is a movement]": the clause the content is about
            r = main_clause(r, [x for x in roots if x.i > r.i], scope, lx)
        if r.lemma_.lower() in lx.framing and any(c.dep_ == "nsubj" and c.lower_ in PRON_SELF for c in r.children):
            # "I'm telling you, this party is not divided", "I think it is over": the clause said
            r = next((c for c in r.children if c.dep_ == "ccomp" and in_scope(c, scope)), r)
        r = through_frames(r, lx, scope)  # "she did not think [the economy would shrink]": the clause framed
        if not_checkable(ctx, r, doc, scope, st):
            continue
        if bare_gerund(r) and cue not in lx.gerund_fact_cues:
            continue  # an activity named, not a claim: "being Trump's running mate", "standing on the floor"
            # (but "admitted [taking the money]": what the source did, a claim)
        ctoks = clause_tokens(r, scope)
        c = clause_claim(ctx, r, ctoks, st, statements, kind="gist")
        split = negated_conjunct(r)
        if split is not None and in_scope(split[1], scope) and not any(
                k.dep_ == "neg" or k.lower_ == "never" for k in r.children):
            # "the emails were personal and not [work-related]": the negated conjunct is the point of the
            # coordination and a claim of its own, denied; the first predicate is asserted
            b = clause_claim(ctx, r, ctoks, st, statements, kind="gist")
            b.negated, b.conjunct = True, split[1]
            c.end, c.negated = split[0].idx + len(split[0].text), False
            claims.append(b)
        claims.append(c)
        break
    return claims


def negated_conjunct(r: Token) -> Optional[tuple[Token, Token]]:
    """The last word of the first predicate and the negated conjunct of a clause whose predicate is "A and
    not B" / "A but not B" ("were personal and not work-related", "was voluntary and not ordered by
    regulators"; Quirk et al. 1985 §13.41), when the conjunct has no subject or auxiliary of its own."""
    doc = r.doc
    preds = [k for k in r.children if k.dep_ in PREDICATE_DEPS]
    for y in [k for k in r.children if k.dep_ == "conj"] + [g for x in preds for g in x.children if g.dep_ == "conj"] \
            + preds[1:]:  # (or a second predicate: "was minor and not [career-threatening]")
        neg = next((k for k in y.children if k.dep_ == "neg" and k.i == y.left_edge.i), None)
        if neg is None or neg.i < 2 or any(k.dep_ in SUBJ or k.dep_ in ("aux", "auxpass") for k in y.children):
            continue
        cc = doc[neg.i - 1]
        if cc.dep_ != "cc" or cc.lower_ not in ("and", "but"):
            continue
        first = predicate_before(r, y)
        if first is None or first.i >= cc.i:
            continue
        last = doc[cc.i - 1] if not doc[cc.i - 1].is_punct else doc[cc.i - 2]
        return last, y
    return None


def _amount_object(r: Token, roots: list, scope: Scope) -> bool:
    """An amount as the object of a presenting cue, or a noun with its amount in a phrase the parser hung on
    the cue ("reported [between $5,000 and $15,000 in interest income]", "estimates [his fortune] [at about
    $42 billion]"): the figure is put forward as fact."""
    if r.pos_ == "NUM" and r.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
        return True
    return r.pos_ in ("NOUN", "PROPN") and any(x.pos_ == "ADP" and x.i > r.i and _amount_in(x, scope) for x in roots)


def _amount_in(x: Token, scope: Scope) -> bool:
    """Does the phrase of ``x`` hold an amount inside the content ("at about $42 billion")?"""
    return any(t.idx in scope and (t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or t.like_num)
               for t in x.subtree)


def _final_as(roots: list, toks: list[Token]) -> bool:
    """Does an "as" phrase close a noun-phrase content, wherever the parser hung it ("hailed [Britain's
    vote to leave the EU as 'fantastic']": "as" on "leave")? Under an as-cue it is what the object is
    called."""
    words = [t for t in toks if not t.is_punct]
    if not words:
        return False
    for x in toks:
        if x.lower_ == "as" and x.dep_ == "prep" and x.right_edge.i >= words[-1].i and any(
                r.pos_ in ("NOUN", "PROPN") and r.left_edge.i <= x.i <= r.right_edge.i and r.i < x.i for r in roots):
            return True
    return False


def _np_with_predicate(r: Token, scope: Scope) -> bool:
    """Does the noun phrase say something of its own: a relative or participle clause inside the content
    ("high lead levels [found in 10 schools]", "a list of mayors [who back her]") or an amount ("his
    fortune at $42 billion", "between $5,000 and $15,000")?"""
    for t in r.subtree:
        if t.idx not in scope:
            continue
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            return True
        if t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or t.like_num:
            return True
    return False


def _judged_or_named(ctx: Ctx, st: Statement, statements: dict, cue: Optional[str], roots: list,
                     toks: list[Token], scope: Scope) -> Optional[Claim]:
    """What a cue of judging or naming says of its object: "praised [the protests for being largely
    peaceful]", "accusing [her of being asleep]", "blamed [Bush for the housing bust]" (the for/of
    phrase, ``judgment_cue``), "called [the senator a 'nasty guy']", "calls [people 'losers']" (the
    name given, ``naming_cue``; not "called for", "called on"). A bare object under a judging cue
    ("condemned the bill's passage") is a topic: no claim."""
    if cue is None or st.cue is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "acl", "relcl")
                                            and t.idx in scope and t.tag_ != "VBG" for t in roots):
        return None
    if toks[0].lower_ == "as" and toks[0].dep_ == "prep" and len(toks) > 1:
        # the cue holds the object: "derided the deal | as toothless", "was viewed | as favorable"
        head = next((t for t in toks[1:] if t.pos_ in ("NOUN", "PROPN", "ADJ")), None)
        return clause_claim(ctx, head, toks, st, statements, kind="gist") if head is not None else None
    judged = _judged_clause(ctx, st, statements, toks) if cue in ctx.lx.judgment_cues else None
    if judged is not None:
        return judged
    if cue in ctx.lx.judgment_cues and (st.cue.span.text.lower().rstrip().endswith((" of", " for"))
                                        or (toks[0].lower_ in ("of", "for") and toks[0].dep_ == "prep"
                                            and any(c.tag_ == "VBG" for c in toks[0].children))):
        # "accusing her of | being asleep…", "blamed him for | the crash", "was excoriated [for tipping…]"
        # (not a bare noun: "chastised Clinton [for use of the server]" names a topic)
        head = next((t for t in toks if t.tag_ == "VBG" or t.pos_ in ("NOUN", "PROPN")), None)
        return clause_claim(ctx, head, toks, st, statements, kind="gist") if head is not None else None
    linked = _linked(ctx, cue, roots, toks, scope)
    if linked is not None:
        return clause_claim(ctx, linked, toks, st, statements, kind="gist")
    if cue in ctx.lx.judgment_cues:
        top = {r.i for r in roots}
        for p in toks:
            if p.dep_ == "prep" and p.lower_ in ("for", "of") and p.i > toks[0].i and (p.head.i in top or not in_scope(p.head, scope)) \
                    and not (p.lower_ == "of" and p.head.pos_ == "NOUN" and in_scope(p.head, scope)):
                # (not a noun's own "of": "mocked [Trump's retweet of an image]" judges the retweet)
                head = next((c for c in p.children if c.dep_ in ("pcomp", "pobj")), None)
                if head is not None and in_scope(head, scope):
                    return clause_claim(ctx, head, toks, st, statements, kind="gist")
        return None
    stating = cue in ctx.lx.naming_statement_cues
    if (cue in ctx.lx.naming_cues or stating) and not st.cue.span.text.lower().rstrip().endswith((" for", " on", " upon", " out")) \
            and not naming_participle(ctx.doc, st):
        preds = [t for t in toks if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("oprd", "dobj", "attr", "conj", "appos")
                 and not t.is_punct]
        if len(toks) >= 2 and preds and toks[0].lower_ not in ("for", "on", "upon") and (
                not stating or len(preds) >= 2 or preds[-1].dep_ == "oprd" or passive_cue_verb(ctx.doc, st)):
            # a cue of stating names with an object and a name ("proclaims [the article a 'terrific piece']"),
            # not with one phrase ("proclaimed [a goal of 'Peace Through Strength']": a topic)
            return clause_claim(ctx, preds[-1] if preds[-1].dep_ == "oprd" else preds[0], toks, st, statements, kind="gist")
    return None


def _judged_clause(ctx: Ctx, st: Statement, statements: dict, toks: list[Token]) -> Optional[Claim]:
    """Under a cue of judging, its object and an of/for/with phrase with a gerund make a clause, the object
    its subject (``clauses.judged_subject``): "accused [her of being asleep when the calls came in]" (she
    was asleep…), "criticized [the airline for cutting pay]". A noun in the phrase ("accused him of
    fraud") is left to name the topic."""
    for g in toks:
        if judged_subject(ctx, g) is not None:
            return clause_claim(ctx, g, toks, st, statements, kind="gist")
    return None


def _linked(ctx: Ctx, cue: str, roots: list, toks: list[Token], scope: Scope) -> Optional[Token]:
    """Under a cue of comparing or linking (``linking_cue``), a noun phrase with the cue's preposition
    for the second thing ("compared [Carson to a child molester]", "conflated [Cruz with Wallace]",
    "blaming [Trump's decline on the media]"): the comparison is the claim, headed by the first noun."""
    preps = ctx.lx.linking.get(cue)
    first = next((r for r in roots if r.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if not preps or first is None:
        return None
    for p in toks:
        if p.dep_ == "prep" and p.lower_ in preps and p.i > first.i and (first.left_edge.i <= p.i <= first.right_edge.i
                                                                        or not in_scope(p.head, scope)) \
                and any(c.dep_ == "pobj" and in_scope(c, scope) for c in p.children):
            return first
    return None
