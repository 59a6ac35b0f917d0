import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";

/**
 * Rows of users' content bound into the audit chain (docs/INTEGRITY.md). For each table: its key
 * columns and every column whose value counts (SQL names, key columns included). A column of the
 * schema that is in neither `columns` nor `excluded` fails the test beside this file, so a new column
 * is a decision, not an accident. A new content table is one entry here plus `bindRow` in its writes.
 */
export interface BoundTable {
  key: readonly string[];
  columns: readonly string[];
  /** Columns of the table deliberately left out of the hash, with the reason in docs/INTEGRITY.md. */
  excluded?: readonly string[];
}

const signed = ["signature_hash", "signing_key_id", "signature", "signed_at"] as const;

export const BOUND_TABLES = {
  revisions: {
    key: ["id"],
    columns: ["id", "section_id", "parent_revision_id", "content", "text", "hash", "note", "author_id", "created_at"],
  },
  editions: { key: ["id"], columns: ["id", "document_id", "label", "changelog", "manifest_hash", "published_by_id", "published_at"] },
  edition_sections: {
    key: ["edition_id", "position"],
    columns: ["edition_id", "position", "section_id", "revision_id", "parent_section_id", "number", "title", "hash"],
  },
  comments: {
    key: ["id"],
    columns: [
      "id",
      "round_id",
      "section_id",
      "revision_id",
      "anchor_exact",
      "anchor_prefix",
      "anchor_suffix",
      "anchor_start",
      "anchor_end",
      "cell_indicator",
      "cell_year",
      "body",
      "category",
      "proposed_text",
      "author_id",
      "organization_id",
      "withdrawn_at",
      "created_at",
      "updated_at",
    ],
    excluded: ["assignee_id", "assigned_at", "group_id"],
  },
  comment_versions: { key: ["id"], columns: ["id", "comment_id", "body", "category", "proposed_text", "replaced_at", "replaced_by_id"] },
  comment_groups: { key: ["id"], columns: ["id", "round_id", "created_by_id", "created_at"] },
  replies: { key: ["id"], columns: ["id", "comment_id", "author_id", "body", "created_at"] },
  responses: { key: ["comment_id"], columns: ["comment_id", "decision", "reason", "revision_id", "responder_id", "updated_at"] },
  submissions: {
    key: ["id"],
    columns: ["id", "round_id", "organization_id", "statement", "no_comments", "submitted_by_id", "submitted_at"],
  },
  signoffs: { key: ["id"], columns: ["id", "review_id", "expert_id", "conclusion", "opinion", "manifest_hash", ...signed] },
  panel_conclusions: {
    key: ["review_id"],
    columns: ["review_id", "chair_id", "conclusion", "opinion", "manifest_hash", "conditions", ...signed],
  },
  review_confirmations: { key: ["id"], columns: ["id", "review_id", "edition_id", "chair_id", "manifest_hash", ...signed] },
  signing_keys: {
    key: ["id"],
    columns: ["id", "user_id", "algorithm", "public_key_jwk", "fingerprint", "device_label", "created_at", "revoked_at", "revoked_by_id"],
  },
  projects: {
    key: ["id"],
    columns: [
      "id",
      "plan_id",
      "name",
      "type",
      "county",
      "township",
      "area_ha",
      "investment_wan",
      "invest_central",
      "invest_provincial",
      "invest_local",
      "invest_social",
      "period",
      "key_area",
      "status",
      "reason",
      "created_by_id",
      "created_at",
      "updated_at",
    ],
  },
  indicators: {
    key: ["plan_id", "code"],
    columns: [
      "plan_id",
      "code",
      "name",
      "unit",
      "kind",
      "direction",
      "rollup",
      "baseline",
      "target_2025",
      "target_2030",
      "target_2035",
      "sort_order",
      "updated_at",
    ],
  },
  approval_requests: {
    key: ["id"],
    columns: ["id", "plan_id", "edition_id", "warnings", "requested_by_id", "requested_at", "withdrawn_at"],
  },
  approvals: {
    key: ["id"],
    columns: [
      "id",
      "plan_id",
      "request_id",
      "edition_id",
      "authority",
      "document_number",
      "approved_on",
      "letter_file_id",
      "recorded_by_id",
      "recorded_at",
    ],
  },
  files: { key: ["id"], columns: ["id", "name", "mime_type", "size", "sha256", "data", "uploaded_by_id", "created_at"] },
  filings: { key: ["id"], columns: ["id", "plan_id", "approval_id", "filed_on", "filing_number", "recorded_by_id", "recorded_at"] },
} as const satisfies Record<string, BoundTable>;

export type BoundTableName = keyof typeof BOUND_TABLES;

/**
 * Tables that are not users' content, and why (each is covered otherwise or is not a record of
 * anyone's words or decisions). Every table of db/schema is in exactly one of the two lists.
 */
export const NOT_CONTENT_TABLES: Record<string, string> = {
  audit_events: "the chain itself",
  organizations: "account administration (audited as events, not content)",
  users: "account administration; password hashes change on every reset",
  sessions: "login state",
  login_attempts: "throttling state",
  notifications: "derived messages, marked read by their reader",
  plans: "the plan's frame (title, stage): the stage moves with the workflow",
  plan_stages: "schedule",
  documents: "containers; their content is in revisions and editions",
  sections: "the working outline (moves, renumbering); what was published is in edition_sections",
  document_imports: "previews before confirmation (nothing reaches sections before it)",
  project_imports: "previews before confirmation",
  edition_tables: "checked through the edition's manifest hash, which covers each table's hash",
  rounds: "workflow (deadlines, extensions), audited as events",
  round_invitations: "workflow, audited in round.open",
  reviews: "workflow (panel, quorum), audited in review.create",
  review_experts: "workflow, audited in review.create",
  revision_addresses: "audited in revision.create (addresses)",
};

export interface RowBinding {
  table: string;
  id: string;
  /** sha256 of the row's canonical content; null when the portal deleted the row. */
  rowHash: string | null;
}

/** A finding of `audit:verify`, naming table and id (docs/INTEGRITY.md). */
export interface BrokenRecord {
  table: string;
  id: string;
  reason: "changed" | "deleted" | "unbound" | "missing" | "revision_hash" | "manifest_hash" | "table_hash";
}

export function isBoundTable(table: string): table is BoundTableName {
  return Object.hasOwn(BOUND_TABLES, table);
}

/** The row's id as bindings and reports name it: its key columns' values joined with "/". */
export function rowId(table: BoundTableName, row: Record<string, unknown>): string {
  return BOUND_TABLES[table].key.map((k) => String(row[k])).join("/");
}

/** Splits a row id back into its key values (only the last key column may itself contain "/"). */
export function keyValues(table: BoundTableName, id: string): string[] {
  const n = BOUND_TABLES[table].key.length;
  const parts = id.split("/");
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join("/")];
}

function canonicalValue(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return createHash("sha256").update(value).digest("hex");
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  // *_at columns are instants in epoch milliseconds: integers (SQLite may keep a default's fraction).
  if (typeof value === "number" && column.endsWith("_at")) return Math.trunc(value);
  return value;
}

/**
 * A stored row's canonical content: `{table, row}` with `row` holding the table's hashed columns by
 * SQL name (canonical JSON sorts them), text as stored (JSON columns as their stored text), numbers as
 * stored, `*_at` instants as integer milliseconds, blobs as the sha256 hex of their bytes, null as null.
 */
export function rowCanonical(table: BoundTableName, row: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const c of BOUND_TABLES[table].columns) {
    if (!(c in row)) throw new Error(`rowCanonical: ${table} row without column ${c}`);
    out[c] = canonicalValue(c, row[c]);
  }
  return canonicalJson({ table, row: out });
}

/** sha256 hex of `rowCanonical(…)`: what the audit chain binds and `audit:verify` recomputes. */
export function rowHash(table: BoundTableName, row: Record<string, unknown>): string {
  return sha256Hex(rowCanonical(table, row));
}
