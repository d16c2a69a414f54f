-- The full-text index rows of new items are written by the store, one statement at the end of each
-- write for all of its new items in rowid order (src/store/indexWrites.ts), instead of by the
-- trigger per inserted row: FTS5 writes its pending terms out as a new segment at every statement
-- savepoint (each item's upsert opens one) and whenever a rowid comes lower than the one before, so
-- the trigger made a segment per item, and flushing and merging those was about a quarter of a page
-- run's SQL (bench/RESULTS.md, 2026-12-02). The store marks its own writes (store_indexes = 1, set
-- and cleared inside the write's transaction, so no other connection ever sees it set); the trigger
-- still indexes every other insert (a process of an older version writing to this store, a D1 worker
-- not yet deployed after `wrangler d1 migrations apply`). Updated and removed items keep their
-- triggers (items_fts_update, items_fts_delete).
INSERT INTO meta (key, value) VALUES ('store_indexes', 0);
DROP TRIGGER items_fts_insert;
CREATE TRIGGER items_fts_insert AFTER INSERT ON items WHEN (SELECT value FROM meta WHERE key = 'store_indexes') = 0 BEGIN
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
END;
