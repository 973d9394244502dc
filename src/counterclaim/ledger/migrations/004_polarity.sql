-- Counterclaim ledger schema, version 4 (additive over version 3): polarity.
-- A ledger proposition reads one way ("Donald Trump paid taxes"); a statement may word it the other
-- way ("Trump may not have paid a dime"). ``stances.stance`` is the side the source takes on the
-- proposition as its gist reads, so a source asserting the negation is stored among those who deny
-- it, with ``negated`` = 1 (its own words were the negation: the analysis labels it ``asserts``,
-- Stance.negated). Rows written before version 4 have 0 and keep the analysis' label.

ALTER TABLE stances ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;  -- 1: the statement words the proposition the other way round; stance is its side on the gist as it reads
