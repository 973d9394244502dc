-- Counterclaim ledger schema, version 3 (additive over version 2).
-- How sure each statement -> ledger proposition link is. ``confidence`` is the weaker of the
-- analyzer's link confidence (Stance.confidence: own clause with a relation > anaphor > clause
-- fragment, see nlp/links.py) and the cross-article match confidence (article_propositions);
-- ``basis`` says how the analyzer made the link. Rows written before version 3 have NULL in both
-- and count as fully confident until `counterclaim rematch` (which recomputes them) is run.

ALTER TABLE stances ADD COLUMN confidence REAL;  -- How sure the link is, 0..1: the weaker of the analyzer's statement -> proposition link and the cross-article match (NULL: stored before version 3, counts as 1)
ALTER TABLE stances ADD COLUMN basis TEXT;  -- How the analyzer linked the statement to the proposition: relation, claim, gist, anaphor, fragment... (docs/ledger.md)

-- The `disputes` view (what exports and Datasette see) now counts as `counterclaim disputes` does by
-- default: links at least 0.5 sure (queries.MIN_CONFIDENCE), one source asserting and another denying.
DROP VIEW IF EXISTS disputes;
CREATE VIEW disputes AS
  SELECT p.id AS proposition_id, p.gist, p.agent, p.relation, p.recipient, p."when",
         COUNT(DISTINCT CASE WHEN st.stance = 'asserts' THEN COALESCE(s.actor_id, 'src:' || lower(s.source_text), 'stmt:' || s.id) END) AS n_asserting,
         COUNT(DISTINCT CASE WHEN st.stance = 'denies' THEN COALESCE(s.actor_id, 'src:' || lower(s.source_text), 'stmt:' || s.id) END) AS n_denying,
         COUNT(DISTINCT CASE WHEN st.stance = 'no_knowledge' THEN COALESCE(s.actor_id, 'src:' || lower(s.source_text), 'stmt:' || s.id) END) AS n_no_knowledge,
         COUNT(DISTINCT s.article_id) AS n_articles,
         COUNT(DISTINCT ar.outlet) AS n_outlets,
         MAX(COALESCE(s.said_on, ar.published)) AS latest
  FROM propositions p
  JOIN stances st ON st.proposition_id = p.id
  JOIN statements s ON s.id = st.statement_id
  JOIN articles ar ON ar.id = s.article_id
  WHERE COALESCE(st.confidence, 1.0) >= 0.5
  GROUP BY p.id
  HAVING n_asserting > 0 AND n_denying > 0
     AND COUNT(DISTINCT CASE WHEN st.stance IN ('asserts', 'denies')
                        THEN COALESCE(s.actor_id, 'src:' || lower(s.source_text), 'stmt:' || s.id) END) > 1;
