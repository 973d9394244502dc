"""The NLP steps: spaCy components registered in pipeline.py (attribution, speakers, timex,
quantities, framing, propositions, stance) and the lexicons they read."""
