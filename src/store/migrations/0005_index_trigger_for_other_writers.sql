-- Migration 0004 left a write's new items to the store, which indexes them itself after their rows
-- (src/store/indexWrites.ts). The insert trigger comes back for every other writer (a process of an
-- older version writing to this store, a D1 Worker not yet deployed after `wrangler d1 migrations
-- apply`), so their items are searchable too: the store marks its own writes (store_indexes = 1, set
-- and cleared inside the write's transaction, so no other connection ever sees it set, and a failed
-- write leaves it 0), and the trigger indexes the rows inserted while it is 0.
INSERT INTO meta (key, value) VALUES ('store_indexes', 0);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items WHEN (SELECT value FROM meta WHERE key = 'store_indexes') = 0 BEGIN
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
END;
