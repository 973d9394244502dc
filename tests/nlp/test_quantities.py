"""cc_quantities: money, counts and percentages with units and normalized values."""
from claim_steps_kit import parse


def q(doc):
    return {x.text: (x.value, x.unit, x.kind) for x in doc._.quantities}


def test_money_with_scale_words_symbols_and_qualifiers():
    doc = parse(None, "Congress approved $45 billion in aid after the president announced $1.85 billion in arms; "
                     "the ministry had sent over $20 billion, while Berlin pledged €3m and London £2.5 million. "
                     "Moscow spent 5 billion rubles.")
    got = q(doc)
    assert got["$45 billion"] == (45e9, "USD", "money")
    assert got["$1.85 billion"] == (1.85e9, "USD", "money")
    assert got["over $20 billion"] == (2e10, "USD", "money")
    assert got["€3m"] == (3e6, "EUR", "money")
    assert got["£2.5 million"] == (2.5e6, "GBP", "money")
    assert got["5 billion rubles"] == (5e9, "RUB", "money")


def test_counts_and_percentages():
    doc = parse(None, "The militia has 50,000 troops in the region, and two million people fled. "
                     "Turnout rose 12 percent, or 3.5 percentage points.")
    got = q(doc)
    assert got["50,000 troops"] == (50000, "troops", "count")
    assert got["two million people"] == (2e6, "people", "count")
    assert got["12 percent"] == (12, "%", "percent")
    assert got["3.5 percentage points"] == (3.5, "percentage points", "percent")


def test_quantities_are_tied_to_the_statement_and_proposition_that_contain_them():
    text = "The Pentagon disclosed that it had sent over $20 billion in military aid to Ukraine this year."
    doc = parse(None, text, "2022-12-23", [("The Pentagon", "disclosed",
                                           "that it had sent over $20 billion in military aid to Ukraine this year")])
    (money,) = [x for x in doc._.quantities if x.kind == "money"]
    assert money.statement == "S1"
    assert money.proposition == doc._.statements[0].stances[0].proposition


def test_qualifiers_before_percents_and_suffix_currencies_belong_to_their_own_amount():
    doc = parse(None, "Polls gave him about 40 percent and nearly 3 percent of the rest; "
                     "the fund holds more than 5 billion rubles, at least 7% up from 2%.")
    got = q(doc)
    assert got["about 40 percent"] == (40, "%", "percent")
    assert got["nearly 3 percent"] == (3, "%", "percent")
    assert got["more than 5 billion rubles"] == (5e9, "RUB", "money")
    assert got["at least 7%"] == (7, "%", "percent")
    assert got["2%"] == (2, "%", "percent")  # "up from" is no qualifier
