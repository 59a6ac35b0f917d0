import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { signingKeys } from "./signing";
import { editions } from "./plans";
import { conclusions } from "./enums";

export const reviews = sqliteTable("reviews", {
  id: text("id").primaryKey(),
  editionId: text("edition_id")
    .notNull()
    .references(() => editions.id),
  title: text("title").notNull(),
  chairUserId: text("chair_user_id")
    .notNull()
    .references(() => users.id),
  quorum: integer("quorum").notNull(),
  meetingDate: text("meeting_date"), // YYYY-MM-DD, Asia/Shanghai
  // A review of a later edition that confirms the changes another review asked for.
  followsReviewId: text("follows_review_id"),
  createdById: text("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

export const reviewExperts = sqliteTable(
  "review_experts",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

/**
 * A signature made in the signer's browser with a registered key (WebCrypto), over the canonical
 * payload of the record. Null on records signed before browser keys existed (their signatureHash
 * still binds them).
 */
export const browserSignature = () => ({
  signingKeyId: text("signing_key_id").references(() => signingKeys.id),
  signature: text("signature"), // base64url
});

// An expert's signed opinion, bound to the manifest hash the expert saw.
export const signoffs = sqliteTable(
  "signoffs",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id),
    expertId: text("expert_id")
      .notNull()
      .references(() => users.id),
    conclusion: text("conclusion", { enum: conclusions }).notNull(),
    opinion: text("opinion").notNull(),
    manifestHash: text("manifest_hash").notNull(),
    signatureHash: text("signature_hash").notNull(),
    ...browserSignature(),
    signedAt: integer("signed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("signoffs_review_expert_uq").on(t.reviewId, t.expertId)],
);

// 专家组意见: the chair's panel conclusion.
export const panelConclusions = sqliteTable("panel_conclusions", {
  reviewId: text("review_id")
    .primaryKey()
    .references(() => reviews.id),
  chairId: text("chair_id")
    .notNull()
    .references(() => users.id),
  conclusion: text("conclusion", { enum: conclusions }).notNull(),
  opinion: text("opinion").notNull(),
  manifestHash: text("manifest_hash").notNull(),
  // 修改后通过: the conditions the later edition must carry out (JSON array of strings; [] otherwise).
  conditions: text("conditions").notNull().default("[]"),
  signatureHash: text("signature_hash").notNull(),
  ...browserSignature(),
  signedAt: integer("signed_at", { mode: "timestamp_ms" }).notNull(),
});
