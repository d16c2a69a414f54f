-- Search in feed order (bench/RESULTS.md, #16). Two changes, made in place on an existing store:
--
-- 1. An item's rowid is its feed rank, so the full-text index (whose rowid is the item's) lists
--    matches in feed order and a search reads `limit` matches newest first instead of every one.
--    rank = dated bit << 62 | second of the sort date << 23 | slot: the high bits (the "bucket")
--    only grow with sort_key; the slot (1, 2, ... within a bucket) just makes it unique, so within
--    one second the order is settled by sort_key, id (itemQuerySql.ts, sqlStore.ts). The same
--    expression is `feedRankBase` in src/store/feedRank.ts (a test checks they agree).
-- 2. search_terms: every term the full-text index has ever held (a superset: terms of removed
--    items stay), so a prefix search is expanded into its exact terms (FTS5 merges the whole of
--    every matching term's list for a prefix query). Filled from SQLite's own tokenizer: the
--    triggers put new text into search_scratch (contentless, no positions), and every version bump
--    (the last statement of each write batch) moves its terms into search_terms and empties it.

DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;

CREATE TABLE items_ranked (
  id TEXT PRIMARY KEY,
  url TEXT,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  content_text TEXT NOT NULL,
  content_html TEXT,
  summary TEXT NOT NULL,
  authors TEXT NOT NULL,
  source TEXT,
  published TEXT,
  updated TEXT,
  first_seen TEXT NOT NULL,
  changed TEXT NOT NULL,
  -- '1' || published for dated items, '0' || first_seen for undated: newest first, undated last.
  sort_key TEXT NOT NULL,
  topics TEXT NOT NULL,
  regions TEXT NOT NULL,
  origins TEXT NOT NULL,
  partial INTEGER NOT NULL,
  language TEXT
);
INSERT INTO items_ranked (rowid, id, url, title, title_key, content_text, content_html, summary, authors, source, published, updated,
    first_seen, changed, sort_key, topics, regions, origins, partial, language)
  SELECT base + ROW_NUMBER() OVER (PARTITION BY base ORDER BY sort_key, id), id, url, title, title_key, content_text, content_html,
    summary, authors, source, published, updated, first_seen, changed, sort_key, topics, regions, origins, partial, language
  FROM (SELECT (((substr(sort_key, 1, 1) = '1') << 62) | (max(0, min(coalesce(CAST(julianday(substr(sort_key, 2)) * 86400 AS INTEGER), 0), 549755813887)) << 23)) AS base, * FROM items);
DROP TABLE items;
ALTER TABLE items_ranked RENAME TO items;
CREATE INDEX items_sort ON items (sort_key DESC, id DESC);
CREATE INDEX items_url ON items (url) WHERE url IS NOT NULL;
CREATE INDEX items_title_key ON items (title_key);

CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, content_text, content = 'items', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO items_fts (items_fts) VALUES ('rebuild');

CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_scratch USING fts5 (
  title, content_text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_scratch_terms USING fts5vocab (search_scratch, 'row');
CREATE VIRTUAL TABLE items_fts_terms USING fts5vocab (items_fts, 'row');
INSERT INTO search_terms (term) SELECT term FROM items_fts_terms;
DROP TABLE items_fts_terms;

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
  INSERT INTO search_scratch (title, content_text) VALUES (new.title, new.content_text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content_text) VALUES ('delete', old.rowid, old.title, old.content_text);
END;
-- Also when the rank moved to another bucket (an item whose date changed).
CREATE TRIGGER items_fts_update AFTER UPDATE ON items
WHEN old.rowid <> new.rowid OR old.title IS NOT new.title OR old.content_text IS NOT new.content_text BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content_text) VALUES ('delete', old.rowid, old.title, old.content_text);
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
  INSERT INTO search_scratch (title, content_text) VALUES (new.title, new.content_text);
END;
CREATE TRIGGER search_terms_flush AFTER UPDATE ON meta WHEN new.key = 'version' BEGIN
  INSERT OR IGNORE INTO search_terms (term) SELECT term FROM search_scratch_terms;
  INSERT INTO search_scratch (search_scratch) VALUES ('delete-all');
END;
