-- The full-text index rows of new items are written by the store, one statement at the end of each
-- write for all of its new items in rowid order (src/store/indexWrites.ts), instead of by a trigger
-- per inserted row: FTS5 writes its pending terms out as a new segment at every statement
-- savepoint (each item's upsert opens one) and whenever a rowid comes lower than the one before, so
-- the trigger made a segment per item, and flushing and merging those was about a quarter of a page
-- run's SQL (bench/RESULTS.md, 2026-12-02). Updated and removed items keep their triggers
-- (items_fts_update, items_fts_delete: migration 0003 and 0002).
DROP TRIGGER items_fts_insert;
