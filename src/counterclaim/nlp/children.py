"""Every token's children as one table, from the parse's head indices (no Python list per token)."""
from __future__ import annotations

import numpy


def children_table(heads: numpy.ndarray) -> tuple[list[int], list[int]]:
    """``(order, start)`` such that ``order[start[i]:start[i + 1]]`` are the children of token ``i``, in text
    order. ``heads[i]`` is the index of token ``i``'s head (a root is its own head)."""
    child = numpy.flatnonzero(heads != numpy.arange(len(heads)))
    of = heads[child]
    order = child[numpy.argsort(of, kind="stable")]
    start = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(of, minlength=len(heads)))))
    return order.tolist(), start.tolist()
