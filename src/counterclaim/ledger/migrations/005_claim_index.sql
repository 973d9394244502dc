-- Counterclaim ledger schema, version 5 (additive over version 4): matching claims by meaning.
-- ``claim_terms`` is the inverted index the matcher looks candidates up in (ledger/claim_index.py):
-- one row per (term, proposition), a term being a resolved actor (``a:PRK``), a relation
-- (``r:transfer_arms``) or a content word stem (``w:weapon``); ``claim`` is the positive clause the
-- proposition was matched on (the analyzer's Proposition.claim, else its gist) and
-- ``propositions.embedding`` its sentence embedding (float16, ledger/embedding.py).
-- Ledgers written before version 5 have an empty index until `counterclaim rematch` fills it.

-- The claim index: which ledger propositions have each term (candidates for matching a new claim).
CREATE TABLE IF NOT EXISTS claim_terms (
  term           TEXT NOT NULL,      -- a:ACTOR (a resolved agent or recipient), r:RELATION, or w:STEM (a content word)
  proposition_id INTEGER NOT NULL REFERENCES propositions(id) ON DELETE CASCADE,  -- a ledger proposition with that term
  PRIMARY KEY (term, proposition_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_terms_prop ON claim_terms(proposition_id);

ALTER TABLE propositions ADD COLUMN claim TEXT;  -- the positive clause the proposition was matched on (NULL: stored before version 5, the gist)
