-- Counterclaim ledger schema, version 7 (additive over version 6): what the matcher reads of a claim
-- beyond its words. ``predicate`` is the lemma of the claim's main predicate (Proposition.predicate:
-- "supply", "asleep"), compared for the same and for contrary predicates (ledger/contrary.py);
-- ``fragment`` is 1 when the claim is no clause of its own (a relative or wh-clause, no subject found),
-- which is matched only to the same words. Rows stored before version 7 have NULL (not known) until
-- `counterclaim rematch` fills them.
ALTER TABLE propositions ADD COLUMN predicate TEXT;  -- the claim's main predicate lemma (NULL: not known)
ALTER TABLE propositions ADD COLUMN fragment INTEGER;  -- 1: a clause fragment (NULL: not known)
