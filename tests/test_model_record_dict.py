"""``model.record_dict`` is ``dataclasses.asdict`` for the records it is used on (same keys in the same
order, same values, lists copied), and falls back to ``asdict`` for anything else."""
from dataclasses import asdict, dataclass, field

from counterclaim.model import Actor, DateRef, Mark, Proposition, Quantity, record_dict


def _same(x) -> None:
    got, want = record_dict(x), asdict(x)
    assert list(got.items()) == list(want.items())
    assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
    for k, v in got.items():
        if isinstance(v, list):
            assert v is not getattr(x, k)  # a copy, as asdict makes


def test_records_as_asdict_makes_them():
    for x in [Actor("PRK", "North Korea", "state", "PRK", aliases=["DPRK", "Pyongyang"]), Actor("org:un", "UN"),
              Proposition("p1", "the DPRK sent rockets", "PRK", "transfer_arms", "RUS", None, "2022-11", "last month",
                          predicate="send", arguments=["PRK", "rockets"]),
              Proposition("p2", "it rained"), DateRef(3, 9, "Friday", "2022-12-23"), DateRef(0, 4, "soon"),
              Quantity(1, 8, "$5 billion", 5e9, "USD", "money", "s1"), Quantity(0, 2, "12", 12, "troops"),
              Mark("hedge", 4, 9, "reportedly"), Actor("x", "X", role=True)]:  # a bool where a str is expected
        _same(x)


def test_other_values_go_through_asdict():
    @dataclass
    class Inner:
        a: int = 1

    @dataclass
    class Rec:
        t: tuple = (1, [2])
        inner: Inner = field(default_factory=Inner)
        nested: list = field(default_factory=lambda: [[1, 2], {"a": [3]}])

    r = Rec()
    got = record_dict(r)
    assert got == asdict(r) and got["nested"][0] is not r.nested[0]
    import numpy as np
    q = Quantity(0, 2, "12", np.float64(12.0), "troops")
    assert record_dict(q) == asdict(q)
