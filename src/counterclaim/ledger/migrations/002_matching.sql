-- Counterclaim ledger schema, version 2 (additive over schema.sql, version 1).
-- How each article proposition was matched to its ledger proposition, full-text search over
-- proposition gists (candidate generation for cross-article matching and `claims --about`),
-- and an FTS update trigger so that an UPDATE of a statement keeps the index in step.

ALTER TABLE article_propositions ADD COLUMN method TEXT;   -- key | key+gist | gist | new

CREATE VIRTUAL TABLE IF NOT EXISTS propositions_fts USING fts5(
  gist, content='propositions', content_rowid='id'
);
INSERT INTO propositions_fts(rowid, gist) SELECT id, gist FROM propositions;
CREATE TRIGGER IF NOT EXISTS propositions_ai AFTER INSERT ON propositions BEGIN
  INSERT INTO propositions_fts(rowid, gist) VALUES (new.id, new.gist);
END;
CREATE TRIGGER IF NOT EXISTS propositions_ad AFTER DELETE ON propositions BEGIN
  INSERT INTO propositions_fts(propositions_fts, rowid, gist) VALUES ('delete', old.id, old.gist);
END;
CREATE TRIGGER IF NOT EXISTS propositions_au AFTER UPDATE OF gist ON propositions BEGIN
  INSERT INTO propositions_fts(propositions_fts, rowid, gist) VALUES ('delete', old.id, old.gist);
  INSERT INTO propositions_fts(rowid, gist) VALUES (new.id, new.gist);
END;

CREATE TRIGGER IF NOT EXISTS statements_au AFTER UPDATE OF content_text, source_text, cue_text ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, content_text, source_text, cue_text)
  VALUES ('delete', old.id, old.content_text, old.source_text, old.cue_text);
  INSERT INTO statements_fts(rowid, content_text, source_text, cue_text)
  VALUES (new.id, new.content_text, new.source_text, new.cue_text);
END;

CREATE INDEX IF NOT EXISTS propositions_relation ON propositions(relation);
CREATE INDEX IF NOT EXISTS stances_statement ON stances(statement_id);
