-- Counterclaim ledger schema, version 1. A plain SQLite file: opens in Datasette, sqlite3, DuckDB.
-- Offsets are Unicode code-point offsets into articles.text.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

-- One row per article. id is the reader's id or a hash of the text; content_hash makes the same
-- text stored once, url (when known) makes the same page stored once.
CREATE TABLE IF NOT EXISTS articles (
  id           TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  url          TEXT UNIQUE,
  title        TEXT,
  outlet       TEXT,
  published    TEXT,            -- ISO date or NULL
  origin       TEXT,            -- file / record it came from
  language     TEXT,
  text         TEXT NOT NULL,
  n_tokens     INTEGER,
  analysis     TEXT,            -- the full analysis JSON (counterclaim-analysis/1), for exports and re-matching
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

-- Who speaks: canonical ids (ISO alpha-3 for states and governments, person:..., org:...).
CREATE TABLE IF NOT EXISTS actors (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  type    TEXT,
  country TEXT,
  role    TEXT,
  org     TEXT,
  party   TEXT
);

-- Ledger propositions: one per claim, shared across articles and outlets.
CREATE TABLE IF NOT EXISTS propositions (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL,       -- structured key (agent|relation|recipient) or gist key
  gist       TEXT NOT NULL,
  agent      TEXT,
  relation   TEXT,
  recipient  TEXT,
  theme      TEXT,
  "when"     TEXT,
  embedding  BLOB                 -- sentence embedding of the claim (384 float16, ledger/embedding.py; NULL without the model)
);
CREATE INDEX IF NOT EXISTS propositions_key ON propositions(key);

-- An article's own propositions (P1, P2...) and the ledger proposition each was matched to.
CREATE TABLE IF NOT EXISTS article_propositions (
  article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  local_id       TEXT NOT NULL,
  proposition_id INTEGER NOT NULL REFERENCES propositions(id),
  confidence     REAL NOT NULL DEFAULT 1.0,
  gist           TEXT,
  "when"         TEXT,
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS article_propositions_prop ON article_propositions(proposition_id);

CREATE TABLE IF NOT EXISTS statements (
  id            INTEGER PRIMARY KEY,
  article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  local_id      TEXT NOT NULL,      -- S1, S2... within the article
  kind          TEXT NOT NULL,      -- direct | indirect | mixed | nominal
  actor_id      TEXT REFERENCES actors(id),
  source_text   TEXT,
  source_start  INTEGER,
  source_end    INTEGER,
  cue_text      TEXT,
  cue_lemma     TEXT,
  cue_start     INTEGER,
  cue_end       INTEGER,
  framing       TEXT,               -- neutral | distancing | endorsing
  content_text  TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end   INTEGER NOT NULL,
  content_spans TEXT NOT NULL,      -- JSON list of {start, end, text}
  said_on       TEXT,               -- ISO date/month or NULL
  said_on_expr  TEXT,
  via           TEXT,
  marks         TEXT,               -- JSON list of {type, start, end, text}
  n_scare_quotes INTEGER NOT NULL DEFAULT 0,
  n_hedges      INTEGER NOT NULL DEFAULT 0,
  source_ref    TEXT,
  confidence    REAL,
  UNIQUE (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS statements_actor ON statements(actor_id);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);

CREATE TABLE IF NOT EXISTS stances (
  statement_id   INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  proposition_id INTEGER NOT NULL REFERENCES propositions(id),
  stance         TEXT NOT NULL,     -- asserts | denies | no_knowledge
  PRIMARY KEY (statement_id, proposition_id, stance)
);
CREATE INDEX IF NOT EXISTS stances_prop ON stances(proposition_id);

CREATE TABLE IF NOT EXISTS quantities (
  id             INTEGER PRIMARY KEY,
  article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  statement_id   INTEGER REFERENCES statements(id) ON DELETE CASCADE,
  proposition_id INTEGER REFERENCES propositions(id),
  text           TEXT NOT NULL,
  start          INTEGER NOT NULL,
  "end"          INTEGER NOT NULL,
  value          REAL,
  unit           TEXT,
  kind           TEXT
);

-- Full-text search over statements.
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
  content_text, source_text, cue_text, content='statements', content_rowid='id'
);
CREATE TRIGGER IF NOT EXISTS statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, content_text, source_text, cue_text)
  VALUES (new.id, new.content_text, new.source_text, new.cue_text);
END;
CREATE TRIGGER IF NOT EXISTS statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, content_text, source_text, cue_text)
  VALUES ('delete', old.id, old.content_text, old.source_text, old.cue_text);
END;

-- Views named for humans (Datasette shows them as tables).
CREATE VIEW IF NOT EXISTS statements_by_actor AS
  SELECT s.actor_id, a.name AS actor_name, a.type AS actor_type, a.country AS actor_country,
         ar.outlet, ar.published, s.said_on, s.kind, s.cue_text, s.framing, s.content_text,
         st.stance, p.id AS proposition_id, p.gist AS proposition, s.article_id, s.id AS statement_id
  FROM statements s
  LEFT JOIN actors a ON a.id = s.actor_id
  JOIN articles ar ON ar.id = s.article_id
  LEFT JOIN stances st ON st.statement_id = s.id
  LEFT JOIN propositions p ON p.id = st.proposition_id;

CREATE VIEW IF NOT EXISTS disputes AS
  SELECT p.id AS proposition_id, p.gist, p.agent, p.relation, p.recipient, p."when",
         COUNT(DISTINCT CASE WHEN st.stance = 'asserts' THEN COALESCE(s.actor_id, 'stmt:' || s.id) END) AS n_asserting,
         COUNT(DISTINCT CASE WHEN st.stance = 'denies' THEN COALESCE(s.actor_id, 'stmt:' || s.id) END) AS n_denying,
         COUNT(DISTINCT CASE WHEN st.stance = 'no_knowledge' THEN COALESCE(s.actor_id, 'stmt:' || s.id) END) AS n_no_knowledge,
         COUNT(DISTINCT s.article_id) AS n_articles,
         COUNT(DISTINCT ar.outlet) AS n_outlets,
         MAX(COALESCE(s.said_on, ar.published)) AS latest
  FROM propositions p
  JOIN stances st ON st.proposition_id = p.id
  JOIN statements s ON s.id = st.statement_id
  JOIN articles ar ON ar.id = s.article_id
  GROUP BY p.id
  HAVING n_asserting > 0 AND n_denying > 0;
