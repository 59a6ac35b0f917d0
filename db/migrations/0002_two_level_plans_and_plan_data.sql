CREATE TABLE `approval_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`requested_by_id` text NOT NULL,
	`requested_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_requests_plan_idx` ON `approval_requests` (`plan_id`);--> statement-breakpoint
CREATE TABLE `approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`request_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`authority` text NOT NULL,
	`document_number` text NOT NULL,
	`approved_on` text NOT NULL,
	`letter_file_id` text,
	`recorded_by_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `approval_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`letter_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_plan_uq` ON `approvals` (`plan_id`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`uploaded_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `filings` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`approval_id` text NOT NULL,
	`filed_on` text NOT NULL,
	`filing_number` text DEFAULT '' NOT NULL,
	`recorded_by_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approval_id`) REFERENCES `approvals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `filings_plan_uq` ON `filings` (`plan_id`);--> statement-breakpoint
CREATE TABLE `review_confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`chair_id` text NOT NULL,
	`manifest_hash` text NOT NULL,
	`signature_hash` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_confirmations_uq` ON `review_confirmations` (`review_id`,`edition_id`);--> statement-breakpoint
CREATE TABLE `edition_tables` (
	`edition_id` text NOT NULL,
	`kind` text NOT NULL,
	`section_id` text,
	`content` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`edition_id`, `kind`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`plan_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`kind` text NOT NULL,
	`direction` text NOT NULL,
	`rollup` text NOT NULL,
	`baseline` real,
	`target_2025` real,
	`target_2030` real,
	`target_2035` real,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`updated_at` integer,
	PRIMARY KEY(`plan_id`, `code`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`user_id` text NOT NULL,
	`file_name` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`confirmed_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`county` text NOT NULL,
	`township` text DEFAULT '' NOT NULL,
	`area_ha` real NOT NULL,
	`investment_wan` real NOT NULL,
	`invest_central` real,
	`invest_provincial` real,
	`invest_local` real,
	`invest_social` real,
	`period` text NOT NULL,
	`key_area` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'candidate' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_plan_name_uq` ON `projects` (`plan_id`,`name`);--> statement-breakpoint
CREATE INDEX `projects_type_idx` ON `projects` (`type`,`county`);--> statement-breakpoint
ALTER TABLE `comments` ADD `cell_indicator` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `cell_year` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `parent_plan_id` text REFERENCES plans(id);--> statement-breakpoint
ALTER TABLE `plans` ADD `drafting_organization_id` text REFERENCES organizations(id);--> statement-breakpoint
ALTER TABLE `sections` ADD `data_block` text;