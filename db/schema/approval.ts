import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { editions, plans } from "./plans";
import { browserSignature, reviews } from "./review";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

// An uploaded file kept inside the database (so `npm run backup` carries it): e.g. an approval letter.
export const files = sqliteTable("files", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  data: blob("data", { mode: "buffer" }).notNull(),
  uploadedById: text("uploaded_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

// 报批: the drafters submit one edition (the 报批稿) for the people's government's approval, after
// the gate (no open round, every comment answered, a concluded review). Pending until approved or withdrawn.
export const approvalRequests = sqliteTable(
  "approval_requests",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    // non-blocking findings at the time of the request, e.g. indicator roll-up mismatches
    warnings: text("warnings", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    requestedById: text("requested_by_id")
      .notNull()
      .references(() => users.id),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("approval_requests_plan_idx").on(t.planId)],
);

// 审批: the government's approval of the requested edition. One per plan; the plan is frozen after it.
export const approvals = sqliteTable(
  "approvals",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    requestId: text("request_id")
      .notNull()
      .references(() => approvalRequests.id),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    authority: text("authority").notNull(), // e.g. 张掖市人民政府
    documentNumber: text("document_number").notNull(), // e.g. 张政函〔2021〕85号
    approvedOn: text("approved_on").notNull(), // YYYY-MM-DD, Asia/Shanghai
    letterFileId: text("letter_file_id").references(() => files.id),
    recordedById: text("recorded_by_id")
      .notNull()
      .references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("approvals_plan_uq").on(t.planId)],
);

// 备案: the filing of an approved plan with 市自然资源局, recorded by its coordinator.
export const filings = sqliteTable(
  "filings",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    approvalId: text("approval_id")
      .notNull()
      .references(() => approvals.id),
    filedOn: text("filed_on").notNull(), // YYYY-MM-DD
    filingNumber: text("filing_number").notNull().default(""),
    recordedById: text("recorded_by_id")
      .notNull()
      .references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("filings_plan_uq").on(t.planId)],
);

// The chair's confirmation that a later edition carries out the conditions of a 修改后通过 review.
export const reviewConfirmations = sqliteTable(
  "review_confirmations",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    chairId: text("chair_id")
      .notNull()
      .references(() => users.id),
    manifestHash: text("manifest_hash").notNull(), // of the confirmed edition
    signatureHash: text("signature_hash").notNull(),
    ...browserSignature(),
    signedAt: integer("signed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("review_confirmations_uq").on(t.reviewId, t.editionId)],
);
