CREATE TABLE `comment_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_groups_round_idx` ON `comment_groups` (`round_id`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`algorithm` text NOT NULL,
	`public_key_jwk` text NOT NULL,
	`fingerprint` text NOT NULL,
	`device_label` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	`revoked_by_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signing_keys_user_idx` ON `signing_keys` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `signing_keys_fingerprint_uq` ON `signing_keys` (`fingerprint`);--> statement-breakpoint
ALTER TABLE `comments` ADD `assignee_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `comments` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `group_id` text REFERENCES comment_groups(id);--> statement-breakpoint
CREATE INDEX `comments_assignee_idx` ON `comments` (`round_id`,`assignee_id`);--> statement-breakpoint
CREATE INDEX `comments_group_idx` ON `comments` (`group_id`);--> statement-breakpoint
ALTER TABLE `panel_conclusions` ADD `conditions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `panel_conclusions` ADD `signing_key_id` text REFERENCES signing_keys(id);--> statement-breakpoint
ALTER TABLE `panel_conclusions` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `signoffs` ADD `signing_key_id` text REFERENCES signing_keys(id);--> statement-breakpoint
ALTER TABLE `signoffs` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `review_confirmations` ADD `signing_key_id` text REFERENCES signing_keys(id);--> statement-breakpoint
ALTER TABLE `review_confirmations` ADD `signature` text;