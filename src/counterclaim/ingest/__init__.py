"""Readers: one per input format, each yielding Article records or Skipped values with a reason."""
