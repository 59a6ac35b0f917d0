import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, users } from "./accounts";
import { editions, revisions, sections } from "./plans";
import { commentCategories, responseDecisions, roundVisibilities, targetYears } from "./enums";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const rounds = sqliteTable(
  "rounds",
  {
    id: text("id").primaryKey(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    title: text("title").notNull(),
    instructions: text("instructions").notNull().default(""),
    visibility: text("visibility", { enum: roundVisibilities }).notNull(),
    opensAt: integer("opens_at", { mode: "timestamp_ms" }).notNull(),
    closesAt: integer("closes_at", { mode: "timestamp_ms" }).notNull(),
    closedEarlyAt: integer("closed_early_at", { mode: "timestamp_ms" }),
    openedById: text("opened_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("rounds_edition_idx").on(t.editionId)],
);

export const roundInvitations = sqliteTable(
  "round_invitations",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organizationId] })],
);

export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id),
    sectionId: text("section_id")
      .notNull()
      .references(() => sections.id),
    revisionId: text("revision_id")
      .notNull()
      .references(() => revisions.id),
    // Text anchor on the revision's `text`; all null for a whole-section comment.
    anchorExact: text("anchor_exact"),
    anchorPrefix: text("anchor_prefix"),
    anchorSuffix: text("anchor_suffix"),
    anchorStart: integer("anchor_start"),
    anchorEnd: integer("anchor_end"),
    // A comment on one cell of the edition's indicator table (instead of a text anchor).
    cellIndicator: text("cell_indicator"),
    cellYear: text("cell_year", { enum: targetYears }),
    body: text("body").notNull(),
    category: text("category", { enum: commentCategories }).notNull(),
    proposedText: text("proposed_text"),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    // The member of the plan's drafting team who answers this comment (null: nobody yet).
    assigneeId: text("assignee_id").references(() => users.id),
    assignedAt: integer("assigned_at", { mode: "timestamp_ms" }),
    // Similar comments the drafting team answers together (each keeps its own row and answer).
    groupId: text("group_id").references(() => commentGroups.id),
  },
  (t) => [
    index("comments_round_idx").on(t.roundId, t.organizationId),
    index("comments_section_idx").on(t.sectionId),
    index("comments_assignee_idx").on(t.roundId, t.assigneeId),
    index("comments_group_idx").on(t.groupId),
  ],
);

// A group of similar comments in one round, confirmed by the drafting team and answered once.
export const commentGroups = sqliteTable(
  "comment_groups",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("comment_groups_round_idx").on(t.roundId)],
);

// Every earlier wording of an edited comment; nothing is hard-deleted.
export const commentVersions = sqliteTable("comment_versions", {
  id: text("id").primaryKey(),
  commentId: text("comment_id")
    .notNull()
    .references(() => comments.id),
  body: text("body").notNull(),
  category: text("category", { enum: commentCategories }).notNull(),
  proposedText: text("proposed_text"),
  replacedAt: integer("replaced_at", { mode: "timestamp_ms" }).notNull(),
  replacedById: text("replaced_by_id")
    .notNull()
    .references(() => users.id),
});

export const replies = sqliteTable(
  "replies",
  {
    id: text("id").primaryKey(),
    commentId: text("comment_id")
      .notNull()
      .references(() => comments.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("replies_comment_idx").on(t.commentId)],
);

// The drafting team's answer to a comment (one per comment; updated in place, audited).
export const responses = sqliteTable("responses", {
  commentId: text("comment_id")
    .primaryKey()
    .references(() => comments.id),
  decision: text("decision", { enum: responseDecisions }).notNull(),
  reason: text("reason").notNull(),
  revisionId: text("revision_id").references(() => revisions.id),
  responderId: text("responder_id")
    .notNull()
    .references(() => users.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

// Comments a revision says it carries out.
export const revisionAddresses = sqliteTable(
  "revision_addresses",
  {
    revisionId: text("revision_id")
      .notNull()
      .references(() => revisions.id),
    commentId: text("comment_id")
      .notNull()
      .references(() => comments.id),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.commentId] })],
);

// 反馈函: an organisation's formal reply to a round.
export const submissions = sqliteTable(
  "submissions",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    statement: text("statement").notNull(),
    noComments: integer("no_comments", { mode: "boolean" }).notNull().default(false),
    submittedById: text("submitted_by_id")
      .notNull()
      .references(() => users.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("submissions_round_org_uq").on(t.roundId, t.organizationId)],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    data: text("data", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);
