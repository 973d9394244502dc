-- Counterclaim ledger schema, version 5 (additive over version 4): verdicts.
-- A fact-checker's verdict on a ledger proposition. Every review is kept; the latest (by ``at``,
-- then ``id``) is the proposition's current verdict. The proposition's key and gist are kept with
-- the review (no foreign key): ``rematch`` rebuilds the propositions, and ``reviews.relink`` then
-- points each review at the proposition with the same key.

CREATE TABLE IF NOT EXISTS reviews (
  id INTEGER PRIMARY KEY,
  proposition_id INTEGER NOT NULL,
  proposition_key TEXT,  -- the proposition's key when reviewed: what rematch re-links the review by
  gist TEXT,  -- the proposition's gist when reviewed
  verdict TEXT NOT NULL CHECK (verdict IN ('true', 'false', 'misleading', 'unproven')),  -- the reviewer's verdict on the claim
  note TEXT,  -- why: the reviewer's reasoning and sources
  reviewer TEXT,  -- who reviewed
  at TEXT NOT NULL  -- UTC time of the review, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)
);

CREATE INDEX IF NOT EXISTS reviews_by_proposition ON reviews(proposition_id, at, id);
