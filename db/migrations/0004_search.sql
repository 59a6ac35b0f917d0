-- Full-text search over section text (revisions), comments and replies (docs/decisions/0006-search.md).
-- One contentless FTS5 index with the trigram tokenizer: queries of 3+ characters MATCH it as a phrase;
-- queries of 1-2 characters range-scan its term list (fts5vocab 'instance'): every trigram that starts
-- with the query. Each indexed text ends in two U+0001 characters so that the last one or two characters
-- of a text also start a trigram. Triggers keep the index in step with every write path.
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`plan_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_ref_uq` ON `search_docs` (`kind`, `ref_id`);
--> statement-breakpoint
CREATE INDEX `search_docs_plan_idx` ON `search_docs` (`plan_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_text` USING fts5(body, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_terms` USING fts5vocab(search_text, 'instance');
--> statement-breakpoint
CREATE INDEX `edition_sections_revision_idx` ON `edition_sections` (`revision_id`);
--> statement-breakpoint
CREATE INDEX `sections_current_revision_idx` ON `sections` (`current_revision_id`);
--> statement-breakpoint
CREATE TRIGGER `search_revisions_ai` AFTER INSERT ON `revisions` BEGIN
	INSERT INTO search_docs(kind, ref_id, plan_id) VALUES ('revision', NEW.id, (SELECT d.plan_id FROM sections s JOIN documents d ON d.id = s.document_id WHERE s.id = NEW.section_id));
	INSERT INTO search_text(rowid, body) VALUES ((SELECT id FROM search_docs WHERE kind = 'revision' AND ref_id = NEW.id), NEW.text || char(1, 1));
END;
--> statement-breakpoint
CREATE TRIGGER `search_revisions_au` AFTER UPDATE OF `text` ON `revisions` BEGIN
	DELETE FROM search_text WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'revision' AND ref_id = OLD.id);
	INSERT INTO search_text(rowid, body) SELECT id, NEW.text || char(1, 1) FROM search_docs WHERE kind = 'revision' AND ref_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_revisions_ad` AFTER DELETE ON `revisions` BEGIN
	DELETE FROM search_text WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'revision' AND ref_id = OLD.id);
	DELETE FROM search_docs WHERE kind = 'revision' AND ref_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_ai` AFTER INSERT ON `comments` BEGIN
	INSERT INTO search_docs(kind, ref_id, plan_id) VALUES ('comment', NEW.id, (SELECT d.plan_id FROM rounds r JOIN editions e ON e.id = r.edition_id JOIN documents d ON d.id = e.document_id WHERE r.id = NEW.round_id));
	INSERT INTO search_text(rowid, body) VALUES ((SELECT id FROM search_docs WHERE kind = 'comment' AND ref_id = NEW.id), NEW.body || char(1, 1));
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_au` AFTER UPDATE OF `body` ON `comments` BEGIN
	DELETE FROM search_text WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'comment' AND ref_id = OLD.id);
	INSERT INTO search_text(rowid, body) SELECT id, NEW.body || char(1, 1) FROM search_docs WHERE kind = 'comment' AND ref_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_ad` AFTER DELETE ON `comments` BEGIN
	DELETE FROM search_text WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'comment' AND ref_id = OLD.id);
	DELETE FROM search_docs WHERE kind = 'comment' AND ref_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_replies_ai` AFTER INSERT ON `replies` BEGIN
	INSERT INTO search_docs(kind, ref_id, plan_id) VALUES ('reply', NEW.id, (SELECT d.plan_id FROM comments c JOIN rounds r ON r.id = c.round_id JOIN editions e ON e.id = r.edition_id JOIN documents d ON d.id = e.document_id WHERE c.id = NEW.comment_id));
	INSERT INTO search_text(rowid, body) VALUES ((SELECT id FROM search_docs WHERE kind = 'reply' AND ref_id = NEW.id), NEW.body || char(1, 1));
END;
--> statement-breakpoint
CREATE TRIGGER `search_replies_au` AFTER UPDATE OF `body` ON `replies` BEGIN
	DELETE FROM search_text WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'reply' AND ref_id = OLD.id);
	INSERT INTO search_text(rowid, body) SELECT id, NEW.body || char(1, 1) FROM search_docs WHERE kind = 'reply' AND ref_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_replies_ad` AFTER DELETE ON `replies` BEGIN
	DELETE FROM search_text WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'reply' AND ref_id = OLD.id);
	DELETE FROM search_docs WHERE kind = 'reply' AND ref_id = OLD.id;
END;
--> statement-breakpoint
-- Backfill what a database already holds (a fresh database is empty here; the seed's inserts go through the triggers).
INSERT INTO search_docs(kind, ref_id, plan_id) SELECT 'revision', v.id, d.plan_id FROM revisions v JOIN sections s ON s.id = v.section_id JOIN documents d ON d.id = s.document_id;
--> statement-breakpoint
INSERT INTO search_docs(kind, ref_id, plan_id) SELECT 'comment', c.id, d.plan_id FROM comments c JOIN rounds r ON r.id = c.round_id JOIN editions e ON e.id = r.edition_id JOIN documents d ON d.id = e.document_id;
--> statement-breakpoint
INSERT INTO search_docs(kind, ref_id, plan_id) SELECT 'reply', p.id, d.plan_id FROM replies p JOIN comments c ON c.id = p.comment_id JOIN rounds r ON r.id = c.round_id JOIN editions e ON e.id = r.edition_id JOIN documents d ON d.id = e.document_id;
--> statement-breakpoint
INSERT INTO search_text(rowid, body) SELECT sd.id, v.text || char(1, 1) FROM search_docs sd JOIN revisions v ON v.id = sd.ref_id WHERE sd.kind = 'revision';
--> statement-breakpoint
INSERT INTO search_text(rowid, body) SELECT sd.id, c.body || char(1, 1) FROM search_docs sd JOIN comments c ON c.id = sd.ref_id WHERE sd.kind = 'comment';
--> statement-breakpoint
INSERT INTO search_text(rowid, body) SELECT sd.id, p.body || char(1, 1) FROM search_docs sd JOIN replies p ON p.id = sd.ref_id WHERE sd.kind = 'reply';
