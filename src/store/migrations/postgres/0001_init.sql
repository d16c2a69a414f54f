-- The PostgreSQL schema: the same tables and columns as the SQLite one (src/store/migrations/0001_init.sql),
-- so the shared SQL of sqlStore.ts runs on both. Keys and sort columns compare byte-wise (COLLATE "C"),
-- as SQLite does, so order and cursors are the same on every database whatever its locale.

CREATE TABLE items (
  id TEXT COLLATE "C" PRIMARY KEY,
  url TEXT COLLATE "C",
  title TEXT NOT NULL,
  title_key TEXT COLLATE "C" NOT NULL,
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
  sort_key TEXT COLLATE "C" NOT NULL,
  topics TEXT NOT NULL,
  regions TEXT NOT NULL,
  origins TEXT NOT NULL,
  partial INTEGER NOT NULL,
  language TEXT
);
CREATE INDEX items_sort ON items (sort_key DESC, id DESC);
CREATE INDEX items_url ON items (url) WHERE url IS NOT NULL;
CREATE INDEX items_title_key ON items (title_key);

-- The full-text document of every item: title and text as 'simple' (language-neutral) lexemes, found
-- by prefix. A narrow table of its own, kept by a trigger as items_fts is on SQLite: a search that
-- walks a feed's index tests about 40 documents a page here instead of 2 wide items rows.
CREATE TABLE item_search (
  item_id TEXT COLLATE "C" PRIMARY KEY,
  fts tsvector NOT NULL
);
CREATE INDEX item_search_fts ON item_search USING GIN (fts);
CREATE FUNCTION caravan_item_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM item_search WHERE item_id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO item_search (item_id, fts) VALUES (NEW.id, to_tsvector('pg_catalog.simple', NEW.title || ' ' || NEW.content_text))
  ON CONFLICT (item_id) DO UPDATE SET fts = excluded.fts;
  RETURN NEW;
END
$$;
CREATE TRIGGER items_search AFTER INSERT OR DELETE OR UPDATE OF title, content_text ON items
  FOR EACH ROW EXECUTE FUNCTION caravan_item_search();

-- 'topic:aviation', 'region:kazakhstan', 'region:central-asia', and 'all' for every item: every feed
-- query walks this primary key backwards, newest first, and reads `limit` entries.
CREATE TABLE item_tags (
  tag TEXT COLLATE "C" NOT NULL,
  sort_key TEXT COLLATE "C" NOT NULL,
  item_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (tag, sort_key, item_id)
);
CREATE INDEX item_tags_item ON item_tags (item_id, tag);

CREATE TABLE sources (
  id TEXT COLLATE "C" PRIMARY KEY,
  state TEXT NOT NULL
);

CREATE TABLE runs (
  started TEXT COLLATE "C" PRIMARY KEY,
  run TEXT NOT NULL
);

-- holder_pid: the backend of the session holding the lease's advisory lock (store/postgresLeases.ts);
-- null for a lease taken over by expiry without that lock.
CREATE TABLE leases (
  name TEXT COLLATE "C" PRIMARY KEY,
  owner TEXT NOT NULL,
  expires TEXT COLLATE "C" NOT NULL,
  holder_pid INTEGER
);

CREATE TABLE meta (
  key TEXT COLLATE "C" PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('version', 0);
