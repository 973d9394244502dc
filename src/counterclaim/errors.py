"""The one root of Counterclaim's own exceptions: ``except CounterclaimError`` catches every error the
package raises on purpose (a bad date, a file that is not a ledger, an invalid export draft, ...).

Each subclass also keeps the built-in base it has always had (ValueError, RuntimeError), so code
that catches those goes on working.
"""


class CounterclaimError(Exception):
    """Base class of every exception Counterclaim defines."""
