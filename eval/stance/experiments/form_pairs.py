"""Minimal pairs of the grammatical forms in which a negative word does not deny, for training the
stance encoder beside the labelled news items.

A model fitted on news alone learns that a negative word in the content means a denial: few news
sentences use double negation ("it was not true that they had not been paid"), a negated frame of
doubt or denial ("nobody disputes that…", "it is not impossible that…"), a negative comparative
("no one has done more than…", "no longer than two days") or a correction ("not A but B"). Each
form here comes with its counterpart that does deny (a single negation, the frame without its
negation), so the model has to read the form, not the word. A negated clause that is not the content's
main clause (a reason, a concession, a relative clause, what someone told someone) does not deny it, and an
implicative verb denies without a negative word ("failed to", "avoided": Karttunen 1971); a negated conjunct
denies the conjunction ("minor and not serious"). Forms after Huddleston and Pullum
(2002, ch. 9: negation and its scope; ch. 13: comparison; the first sentence of a quote
as its point, as the labelled sets take it) and Horn (1989) on litotes and
metalinguistic negation. The sentences are made from the event and subject lists below (several
domains); they share no sentence with ``eval/probes/stance-probes.tsv``, which stays the test of the
forms.

    python eval/stance/experiments/form_pairs.py > eval/stance/experiments/form-pairs.jsonl

Each line: {"cue": …, "content": …, "label": …, "form": …}; labels under the positive-form
convention of docs/meaning.md.
"""
from __future__ import annotations

import json
import random
import sys

# (subject, clause in the past, the same with "had" + participle, the same negated in the past)
EVENTS = [
    ("the contractor", "finished the hospital wing on time", "finished the hospital wing on time",
     "did not finish the hospital wing on time"),
    ("the council", "approved the new housing plan", "approved the new housing plan", "did not approve the new housing plan"),
    ("the airline", "refunded the cancelled flights", "refunded the cancelled flights", "did not refund the cancelled flights"),
    ("the striker", "signed a new contract", "signed a new contract", "did not sign a new contract"),
    ("the bank", "reported the suspicious transfers", "reported the suspicious transfers",
     "did not report the suspicious transfers"),
    ("the senator", "voted for the budget bill", "voted for the budget bill", "did not vote for the budget bill"),
    ("the refinery", "leaked oil into the river", "leaked oil into the river", "did not leak oil into the river"),
    ("the school board", "cut the music programme", "cut the music programme", "did not cut the music programme"),
    ("the trial", "met its main goal", "met its main goal", "did not meet its main goal"),
    ("the governor", "knew about the audit", "known about the audit", "did not know about the audit"),
    ("the ministry", "sold the land to a developer", "sold the land to a developer", "did not sell the land to a developer"),
    ("the referee", "spoke to the players before the match", "spoken to the players before the match",
     "did not speak to the players before the match"),
    ("the police", "used tear gas at the march", "used tear gas at the march", "did not use tear gas at the march"),
    ("the start-up", "raised money from foreign investors", "raised money from foreign investors",
     "did not raise money from foreign investors"),
    ("the mayor", "met the union leaders", "met the union leaders", "did not meet the union leaders"),
    ("the laboratory", "tested the samples twice", "tested the samples twice", "did not test the samples twice"),
    ("the candidate", "paid the campaign staff", "paid the campaign staff", "did not pay the campaign staff"),
    ("the factory", "dumped waste at night", "dumped waste at night", "did not dump waste at night"),
    ("the embassy", "warned its citizens", "warned its citizens", "did not warn its citizens"),
    ("the hospital", "turned patients away", "turned patients away", "did not turn patients away"),
    ("the club", "broke the spending rules", "broken the spending rules", "did not break the spending rules"),
    ("the regulator", "fined the company", "fined the company", "did not fine the company"),
    ("the army", "moved troops to the border", "moved troops to the border", "did not move troops to the border"),
    ("the university", "raised its fees", "raised its fees", "did not raise its fees"),
]
CUES = ["said", "told reporters", "said in a statement", "added", "wrote", "told the committee"]
PEOPLE = ["Dr. Lena Ortiz", "Councillor Sam Reyes", "Ines Marr", "Tom Adair", "Coach Pia Lund", "Professor Alan Kerr",
          "Maya Sorel", "Judge Ruth Amos"]
ABSTRACT = [("the delay", "a choice", "an accident"), ("the new rule", "a ban", "a delay"),
            ("the payment", "a loan", "a gift"), ("the vote", "a protest", "a warning"),
            ("the closure", "a cost cut", "a safety measure"), ("the deal", "a merger", "a partnership")]
COMPARE = ["has done more to clean up the river than", "is better placed to run the fund than",
           "has worked harder for the patients than", "knows the case better than"]
NONE_DID = ["nobody has done anything to clean up the river", "no one has worked on the case",
            "nobody has spoken to the patients", "no one has read the report", "nothing has been done for the farmers",
            "no one has paid the fine"]
LIMITS = [("the strike would last no longer than a week", "the strike would last no more than a week"),
          ("no fewer than 40 homes were damaged", "at least 40 homes were damaged"),
          ("the repairs would cost no more than 2 million dollars", "the repairs would cost at most 2 million dollars"),
          ("the hearing would take no longer than an hour", "the hearing would take an hour at most")]

# second sentences after the point: negative ones after a positive point, positive ones after a negative point
AFTERWARDS_NEG = ["Nobody was hurt.", "There were no complaints.", "No one objected.", "It did not cost anything extra.",
                  "There was no delay.", "None of the staff left."]
AFTERWARDS_POS = ["Everyone agreed on that.", "The work goes on.", "That was the right call.", "The records show it.",
                  "We checked twice."]
SHIFTS = [("closing the office", "moving it to a new site"), ("selling the stadium", "renting it out"),
          ("firing staff", "retraining them"), ("raising prices", "changing the sizes")]
# a negated clause inside the content that is not its main clause: a reason, a concession, a relative clause
ASIDES_NEG = ["although the money had not arrived", "because the permits had not come through",
              "even though nobody had asked it to", "after the first talks did not go well",
              "even if the weather does not improve", "since the old rules no longer applied"]
ASIDES_POS = ["although the money had arrived", "because the permits had come through", "after the first talks went well",
              "since the old rules still applied"]
RELATIVES = [("which did not reply to questions", "which replied to questions"),
             ("which had never been inspected", "which had been inspected"),
             ("whose accounts were not published", "whose accounts were published")]
AUDIENCES = ["its partners", "the press", "the inspectors", "local residents"]
# implicative verbs (Karttunen 1971): negative ones entail that the event did not happen, positive ones that it did
NEG_IMPLICATIVES = ["failed to", "refused to", "neglected to"]
POS_IMPLICATIVES = ["managed to", "went on to", "remembered to"]
# a thing with two things said of it: "A and not B" denies "A and B"
QUALITIES = [("the injury", "painful", "serious"), ("the fire", "small", "dangerous"), ("the loan", "large", "risky"),
             ("the vote", "close", "fair"), ("the report", "long", "useful"), ("the test", "quick", "reliable"),
             ("the merger", "costly", "necessary"), ("the protest", "loud", "violent")]
# a second sentence with a negation about the first sentence's subject, after a positive point
AFTERWARDS_NEG_SUBJECT = ["It did not take long.", "It did not ask for more time.", "It never needed outside help.",
                          "It did not wait for the review.", "It did not break any rules doing so."]
DOUBLE_FINAL = {"cut", "set", "put"}  # verbs that double their last consonant before -ing


def pairs(rng: random.Random) -> list[dict]:
    out = []

    def add(form, content, label):
        out.append({"cue": rng.choice(CUES), "content": content, "label": label, "form": form})

    for subj, past, pp, neg in EVENTS:
        add("double-negation", f"it was not true that {subj} had not {pp}", "asserts")
        add("double-negation", f"it was not true that {subj} had {pp}", "denies")
        add("double-negation", f"{subj} {neg}", "denies")
        add("double-negation", f"it was not the case that {subj} had never {pp}", "asserts")
        add("truth-frame", f"it was not the case that {subj} had {pp}", "denies")
        add("truth-frame", f"it is {rng.choice(['untrue', 'false', 'simply false'])} that {subj} {past}", "denies")
        add("truth-frame", f"it is {rng.choice(['true', 'a fact'])} that {subj} {past}", "asserts")
        add("truth-frame", f"it was not true that {subj} {past}", "denies")
        add("point-first", f"{subj.capitalize()} {past}. {rng.choice(AFTERWARDS_NEG)}", "asserts")
        add("point-first", f"{subj.capitalize()} {neg}. {rng.choice(AFTERWARDS_POS)}", "denies")
        add("double-negation", f"they could not deny that {subj} {past}", "asserts")
        add("double-negation", f"it was not untrue that {subj} {past}", "asserts")
        add("negated-frame", f"nobody {rng.choice(['disputes', 'denies', 'questions', 'doubts'])} that {subj} {past}", "asserts")
        add("negated-frame", f"there is no {rng.choice(['doubt', 'question'])} that {subj} {past}", "asserts")
        add("negated-frame", f"there is no {rng.choice(['evidence', 'proof'])} that {subj} {past}", "denies")
        add("negated-frame", f"she did not doubt that {subj} {past}", "asserts")
        add("negated-frame", f"she doubted that {subj} {past}", "denies")
        add("litotes", f"it was not {rng.choice(['impossible', 'inconceivable', 'unlikely'])} that {subj} {past}", "asserts")
        add("litotes", f"it was impossible that {subj} {past}", "denies")
        add("negative-comparative", f"never before had {subj} {pp} so quickly", "asserts")
        add("negative-comparative", f"{subj} had never {pp}", "denies")
    for thing, a, b in ABSTRACT:
        add("correction", f"{thing} was not {a}, it was {b}", "asserts")
        add("correction", f"{thing} was not {a} but {b}", "asserts")
        add("correction", f"{thing} was {b}, not {a}", "asserts")
        add("correction", f"{thing} was not {a}", "denies")
        add("correction", f"it is not that {thing} was {a}; it is that it was {b}", "asserts")
    for pred in COMPARE:
        for p in rng.sample(PEOPLE, 3):
            add("negative-comparative", f"no one {pred} {p}", "asserts")
    for none_did in NONE_DID:
        add("negative-comparative", none_did, "denies")
    for a, b in LIMITS:
        add("negative-comparative", a, "asserts")
        add("negative-comparative", b, "asserts")
    for not_doing, doing in SHIFTS:
        add("correction", f"We are not {not_doing}. We are {doing}", "asserts")
        add("correction", f"We are not {not_doing}", "denies")
    for subj, past, pp, neg in EVENTS:
        base = neg.removeprefix("did not ")
        add("subordinate-negation", f"{subj} {past} {rng.choice(ASIDES_NEG)}", "asserts")
        add("subordinate-negation", f"{subj} {neg} {rng.choice(ASIDES_POS)}", "denies")
        rel_neg, rel_pos = rng.choice(RELATIVES)
        add("subordinate-negation", f"{subj}, {rel_neg}, {past}", "asserts")
        add("subordinate-negation", f"{subj}, {rel_pos}, {neg}", "denies")
        aud = rng.choice(AUDIENCES)
        add("subordinate-negation", f"{subj} had told {aud} that it would not {base} again", "asserts")
        add("subordinate-negation", f"{subj} had not told {aud} that it would {base}", "denies")
        add("implicative", f"{subj} {rng.choice(NEG_IMPLICATIVES)} {base}", "denies")
        add("implicative", f"{subj} avoided {gerund(base)}", "denies")
        add("implicative", f"{subj} {rng.choice(POS_IMPLICATIVES)} {base}", "asserts")
        add("implicative", f"{subj} did not fail to {base}", "asserts")
        add("implicative", f"{subj} did not manage to {base}", "denies")
    for thing, a, b in QUALITIES:
        add("coordinated-negation", f"{thing} was {a} and not {b}", "denies")
        add("coordinated-negation", f"{thing} was {a} but not {b}", "denies")
        add("coordinated-negation", f"{thing} was {a} and {b}", "asserts")
        add("coordinated-negation", f"{thing} was {a} but {b}", "asserts")
    for subj, past, pp, neg in EVENTS:
        add("point-first", f"{subj.capitalize()} {past}. {rng.choice(AFTERWARDS_NEG_SUBJECT)}", "asserts")
    seen, uniq = set(), []
    for x in out:
        if x["content"] not in seen:
            seen.add(x["content"])
            uniq.append(x)
    return uniq


def gerund(base: str) -> str:
    """The -ing form of a verb phrase's first word ("raise the fees" -> "raising the fees")."""
    verb, _, rest = base.partition(" ")
    if verb in DOUBLE_FINAL:
        ing = verb + verb[-1] + "ing"
    elif verb.endswith("e") and not verb.endswith("ee"):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return f"{ing} {rest}".strip()


def main() -> None:
    for x in pairs(random.Random(7)):
        sys.stdout.write(json.dumps(x) + "\n")


if __name__ == "__main__":
    main()
