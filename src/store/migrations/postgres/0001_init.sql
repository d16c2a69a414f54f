-- The PostgreSQL schema: the same tables and columns as the SQLite one (src/store/migrations/0001_init.sql),
-- so the shared SQL of sqlStore.ts runs on both. Keys and sort columns compare byte-wise (COLLATE "C"),
-- as SQLite does, so order and cursors are the same on every database whatever its locale.

-- The full-text document of an item: its title and text as 'simple' (language-neutral) lexemes, so any
-- word is found by prefix, plus the stems of the item's own language where PostgreSQL has a
-- configuration for it (en, ru, de, fr, es, tr). Only constants name the configurations, so the
-- function is immutable and can feed a generated column.
CREATE FUNCTION caravan_fts_document(language TEXT, title TEXT, body TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('pg_catalog.simple', title || ' ' || body) ||
    CASE lower(split_part(coalesce(language, ''), '-', 1))
      WHEN 'en' THEN to_tsvector('pg_catalog.english', title || ' ' || body)
      WHEN 'ru' THEN to_tsvector('pg_catalog.russian', title || ' ' || body)
      WHEN 'de' THEN to_tsvector('pg_catalog.german', title || ' ' || body)
      WHEN 'fr' THEN to_tsvector('pg_catalog.french', title || ' ' || body)
      WHEN 'es' THEN to_tsvector('pg_catalog.spanish', title || ' ' || body)
      WHEN 'tr' THEN to_tsvector('pg_catalog.turkish', title || ' ' || body)
      ELSE ''::tsvector
    END
$$;

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
  language TEXT,
  fts tsvector GENERATED ALWAYS AS (caravan_fts_document(language, title, content_text)) STORED
);
CREATE INDEX items_sort ON items (sort_key DESC, id DESC);
CREATE INDEX items_url ON items (url) WHERE url IS NOT NULL;
CREATE INDEX items_title_key ON items (title_key);
CREATE INDEX items_fts ON items USING GIN (fts);

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
