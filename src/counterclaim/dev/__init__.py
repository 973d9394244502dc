"""Tooling around the product, not part of it: benchmarks (``bench``, ``scale_bench``, ``web_bench``),
accuracy evaluation (``evaluate``), training the attribution cue model (``attr_train``, ``train``),
the web UI's screenshots (``screenshots``, served by ``counterclaim.web.server``).

Nothing in the product imports this package; the command line imports it lazily, only in the
commands that need it (``eval``, ``bench``, ``train``, ``screenshots``, ``web-times``, ``web-load``).
"""
