-- search_terms (migration 0002) is kept by the store's writes instead of the triggers: the terms of
-- plain ASCII text are written directly (src/store/searchTerms.ts, a third of the cost of tokenizing
-- the text again in search_scratch); other text still goes through search_scratch.
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_update;
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
END;
-- Also when the rank moved to another bucket (an item whose date changed).
CREATE TRIGGER items_fts_update AFTER UPDATE ON items
WHEN old.rowid <> new.rowid OR old.title IS NOT new.title OR old.content_text IS NOT new.content_text BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content_text) VALUES ('delete', old.rowid, old.title, old.content_text);
  INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
END;
