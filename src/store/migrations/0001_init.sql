-- Items: one row per article. JSON columns hold arrays; tags are also exploded into item_tags
-- so that every feed query walks an index instead of the table.
CREATE TABLE items (
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
CREATE INDEX items_sort ON items (sort_key DESC, id DESC);
CREATE INDEX items_url ON items (url) WHERE url IS NOT NULL;
CREATE INDEX items_title_key ON items (title_key);

-- 'topic:aviation', 'region:kazakhstan', 'region:central-asia', and 'all' for every item.
CREATE TABLE item_tags (
  tag TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  item_id TEXT NOT NULL,
  PRIMARY KEY (tag, sort_key, item_id)
) WITHOUT ROWID;
CREATE INDEX item_tags_item ON item_tags (item_id, tag);

CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, content_text, content = 'items', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content_text) VALUES ('delete', old.rowid, old.title, old.content_text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, content_text ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content_text) VALUES ('delete', old.rowid, old.title, old.content_text);
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
END;

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL
);

CREATE TABLE runs (
  started TEXT PRIMARY KEY,
  run TEXT NOT NULL
);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires TEXT NOT NULL
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('version', 0);
