"""cc_timex: time expressions resolved against the publication date; said_on from the reporting clause."""
from counterclaim.nlp.timex import find_dates

from claim_steps_kit import parse


def values(text, pub):
    return {d.text: d.value for d in find_dates(text, pub)}


def test_weekdays_months_and_relative_expressions_resolve_against_publication():
    text = ("Officials met on Friday. On Thursday, the minister spoke. The vote took place last month, "
            "a second one in November, and a third earlier this year. Yesterday the talks resumed; "
            "last week they stalled, and two days ago they restarted.")
    v = values(text, "2022-12-23")  # a Friday
    assert v["on Friday"] == "2022-12-23"
    assert v["On Thursday"] == "2022-12-22"
    assert v["last month"] == "2022-11"
    assert v["in November"] == "2022-11"
    assert v["earlier this year"] == "2022"
    assert v["Yesterday"] == "2022-12-22"
    assert v["last week"] == "2022-W50"
    assert v["two days ago"] == "2022-12-21"


def test_explicit_dates_and_month_names_across_a_year_boundary():
    v = values("The debate was held September 8, 2016; the report came out Dec. 22 and again on 3 January.",
               "2017-01-10")
    assert v["September 8, 2016"] == "2016-09-08"
    assert v["Dec. 22"] == "2016-12-22"  # the nearest Dec. 22 before a January publication
    assert v["3 January"] == "2017-01-03"


def test_no_publication_date_keeps_expressions_and_guesses_nothing():
    ds = find_dates("On Thursday he spoke about the vote of September 8, 2016, held last month.", None)
    got = {d.text: d.value for d in ds}
    assert got["On Thursday"] is None and got["last month"] is None
    assert got["September 8, 2016"] == "2016-09-08"  # absolute: nothing to guess


def test_counts_and_money_are_not_years():
    assert values("The group has 2000 troops and raised $2016 in cash.", "2022-12-23") == {}


def test_said_on_is_the_date_of_the_reporting_clause_not_of_the_content():
    text = ("On Thursday, the State Department spokesman Ned Price claimed that Iran had shipped drones "
            "to Russia in August. The Kremlin on Friday dismissed the claim.")
    doc = parse(None, text, "2022-12-23", [
        ("the State Department spokesman Ned Price", "claimed", "that Iran had shipped drones to Russia in August"),
        ("The Kremlin", "dismissed", "the claim"),
    ])
    s1, s2 = doc._.statements
    assert s1.said_on.text == "On Thursday" and s1.said_on.value == "2022-12-22"
    assert s2.said_on.value == "2022-12-23"
    assert "in August" in {d.text for d in doc._.dates}


def test_future_tense_points_weekdays_forward():
    doc = parse(None, "The minister said the cabinet will meet on Monday.", "2022-12-23")
    assert {d.text: d.value for d in doc._.dates}["on Monday"] == "2022-12-26"
