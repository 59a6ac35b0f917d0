// Every row of users' content bound into the audit chain (docs/INTEGRITY.md): for each bound table, a
// row changed and a row deleted behind the portal's back (raw SQL, foreign keys off, as with the sqlite3
// shell) is named by `verifyIntegrity`; each tampering is rolled back before the next.
import { spawnSync } from "node:child_process";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { approvals, commentGroups, comments, plans, signingKeys } from "~db/schema";
import { BOUND_TABLES, type BoundTableName, rowId } from "../../app/lib/hash/row-hash";
import { revisionHash } from "../../app/lib/hash/revision-hash";
import { newId } from "../../app/lib/id";
import { attachApprovalLetter } from "../../app/models/approval-record.server";
import { recordAudit } from "../../app/models/audit.server";
import { editComment } from "../../app/models/comment-change.server";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { bindRow } from "../../app/models/row-binding.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let file: string;
let cleanup: () => void;

/** Runs one statement behind the portal's back, verifies, and rolls the statement back. */
function tampered(statement: string, ...params: unknown[]) {
  const c = db.$client;
  c.pragma("foreign_keys = OFF");
  c.exec("BEGIN");
  try {
    expect(c.prepare(statement).run(...params).changes).toBeGreaterThan(0);
    return verifyIntegrity(db);
  } finally {
    c.exec("ROLLBACK");
    c.pragma("foreign_keys = ON");
  }
}

/** One stored row of the table: its id as bindings name it and a WHERE clause with its key values. */
function someRow(table: BoundTableName) {
  const key = BOUND_TABLES[table].key;
  const row = db.$client.prepare(`SELECT ${key.join(", ")} FROM ${table} ORDER BY rowid LIMIT 1`).get() as
    | Record<string, unknown>
    | undefined;
  if (!row) throw new Error(`no ${table} row to tamper with`);
  return { id: rowId(table, row), where: key.map((k) => `${k} = ?`).join(" AND "), params: key.map((k) => row[k]) };
}

// One counted column per table and a change to it, in SQL.
const changes: Record<BoundTableName, string> = {
  revisions: "text = text || '（改）'",
  editions: "changelog = changelog || '（改）'",
  edition_sections: "title = title || '（改）'",
  comments: "body = body || '（改）'",
  comment_versions: "body = body || '（改）'",
  comment_groups: "created_at = created_at + 1",
  replies: "body = body || '（改）'",
  responses: "reason = reason || '（改）'",
  submissions: "statement = statement || '（改）'",
  signoffs: "opinion = opinion || '（改）'",
  panel_conclusions: "opinion = opinion || '（改）'",
  review_confirmations: "signed_at = signed_at + 1000",
  signing_keys: "device_label = device_label || '（改）'",
  projects: "investment_wan = investment_wan + 1",
  indicators: "target_2035 = coalesce(target_2035, 0) + 1",
  approval_requests: "requested_at = requested_at - 86400000",
  approvals: "document_number = document_number || '（改）'",
  files: "data = X'255044462D312E340A'",
  filings: "filing_number = filing_number || '（改）'",
};

beforeAll(async () => {
  ({ db, file, cleanup } = createTestDb());
  // rows the demo seed does not write, written through the portal: an edited comment (its earlier
  // wording in comment_versions) and an approval letter attached later (files, and the approval again)
  const gaotai = await ctxFor(db, "gaotai");
  const mine = db.select().from(comments).where(eq(comments.authorId, gaotai.user.id)).orderBy(asc(comments.createdAt)).get()!;
  editComment(gaotai, mine.id, { body: `${mine.body}（补充：含南华镇）`, category: mine.category, proposedText: mine.proposedText ?? "" });
  const shandan = db.select().from(plans).where(eq(plans.region, "山丹县")).get()!;
  expect(
    db
      .select()
      .from(approvals)
      .where(and(eq(approvals.planId, shandan.id), isNotNull(approvals.letterFileId)))
      .get(),
  ).toBeUndefined();
  attachApprovalLetter(await ctxFor(db, "shandan-drafter"), shandan.id, {
    name: "批复.pdf",
    bytes: new TextEncoder().encode("%PDF-1.4\n% 山政函\n%%EOF\n"),
  });
  // comment groups and signing keys are written by other parts of the portal; here as they bind them
  db.transaction((tx) => {
    const groupId = newId("cgr");
    const keyId = newId("key");
    const round = db.select({ id: comments.roundId }).from(comments).get()!;
    tx.insert(commentGroups)
      .values({ id: groupId, roundId: round.id, createdById: userId(db, "drafter") })
      .run();
    tx.insert(signingKeys)
      .values({
        id: keyId,
        userId: userId(db, "expert1"),
        algorithm: "ECDSA-P256",
        publicKeyJwk: '{"crv":"P-256","kty":"EC","x":"a","y":"b"}',
        fingerprint: "f".repeat(64),
        deviceLabel: "办公电脑 Chrome",
      })
      .run();
    recordAudit(tx, {
      actorId: null,
      action: "seed.demo",
      entityType: "test",
      entityId: groupId,
      bound: [bindRow(tx, "comment_groups", groupId), bindRow(tx, "signing_keys", keyId)],
    });
  });
});
afterAll(() => cleanup());

describe("bound rows of users' content", () => {
  it("the seeded demo, with the portal's own writes on it, verifies: every row bound, nothing broken", () => {
    const result = verifyIntegrity(db);
    expect(result.broken).toEqual([]);
    expect(result).toMatchObject({ ok: true, brokenCount: 0, firstBrokenEventId: null, firstBrokenSignoffId: null });
    for (const table of Object.keys(BOUND_TABLES) as BoundTableName[]) expect(someRow(table).id, table).toBeTruthy();
  });

  it.each(Object.keys(changes) as BoundTableName[])("%s: a row changed behind the portal's back is named", (table) => {
    const row = someRow(table);
    const result = tampered(`UPDATE ${table} SET ${changes[table]} WHERE ${row.where}`, ...row.params);
    expect(result.ok).toBe(false);
    expect(result.broken).toContainEqual({ table, id: row.id, reason: "changed" });
    expect(verifyIntegrity(db).ok).toBe(true);
  });

  it.each(Object.keys(changes) as BoundTableName[])("%s: a row deleted behind the portal's back is named", (table) => {
    const row = someRow(table);
    const result = tampered(`DELETE FROM ${table} WHERE ${row.where}`, ...row.params);
    expect(result.ok).toBe(false);
    expect(result.broken).toContainEqual({ table, id: row.id, reason: "deleted" });
  });

  it("a row inserted behind the portal's back is named as never bound", () => {
    const row = someRow("replies");
    const result = tampered(
      "INSERT INTO replies (id, comment_id, author_id, body, created_at) SELECT 'rpl_inserted', comment_id, author_id, '同意（补记）', created_at FROM replies WHERE id = ?",
      row.params[0],
    );
    expect(result.broken).toEqual([{ table: "replies", id: "rpl_inserted", reason: "unbound" }]);
  });

  it("a revision's text changed is named by its recomputed hash; with the hash rewritten to match, by its binding", () => {
    const entry = db.$client.prepare("SELECT revision_id FROM edition_sections LIMIT 1").get() as { revision_id: string };
    const stale = tampered("UPDATE revisions SET text = text || '。' WHERE id = ?", entry.revision_id);
    expect(stale.broken).toEqual(
      expect.arrayContaining([
        { table: "revisions", id: entry.revision_id, reason: "revision_hash" },
        { table: "revisions", id: entry.revision_id, reason: "changed" },
      ]),
    );
    const rev = db.$client.prepare("SELECT text, content FROM revisions WHERE id = ?").get(entry.revision_id) as {
      text: string;
      content: string;
    };
    const rewritten = tampered(
      "UPDATE revisions SET text = ?, hash = ? WHERE id = ?",
      `${rev.text}。`,
      revisionHash(`${rev.text}。`, JSON.parse(rev.content)),
      entry.revision_id,
    );
    expect(rewritten.broken).not.toContainEqual({ table: "revisions", id: entry.revision_id, reason: "revision_hash" });
    expect(rewritten.broken).toContainEqual({ table: "revisions", id: entry.revision_id, reason: "changed" });
    // and the published manifest no longer carries that revision's hash
    expect(rewritten.broken).toContainEqual({ table: "edition_sections", id: expect.any(String), reason: "revision_hash" });
  });

  it("an edition whose manifest no longer adds up is named, and so is a frozen table whose content changed", () => {
    const section = someRow("edition_sections");
    const moved = tampered(
      "UPDATE edition_sections SET position = position + 1000 WHERE edition_id = ? AND position = 0",
      section.params[0],
    );
    expect(moved.broken).toContainEqual({ table: "editions", id: section.params[0], reason: "manifest_hash" });
    const table = db.$client.prepare("SELECT edition_id, kind FROM edition_tables LIMIT 1").get() as { edition_id: string; kind: string };
    const edited = tampered(
      "UPDATE edition_tables SET content = replace(content, '公顷', '亩') WHERE edition_id = ? AND kind = ?",
      table.edition_id,
      table.kind,
    );
    expect(edited.broken).toContainEqual({ table: "edition_tables", id: `${table.edition_id}/${table.kind}`, reason: "table_hash" });
  });
});

describe("missing audit events", () => {
  it("a deleted event in the middle (or the first) breaks the chain and is named by its id", () => {
    const { n } = db.$client.prepare("SELECT count(*) AS n FROM audit_events").get() as { n: number };
    const middle = Math.floor(n / 2);
    const result = tampered("DELETE FROM audit_events WHERE id = ?", middle);
    expect(result).toMatchObject({ ok: false, firstBrokenEventId: middle + 1 });
    expect(result.broken).toContainEqual({ table: "audit_events", id: String(middle), reason: "missing" });
    expect(tampered("DELETE FROM audit_events WHERE id = 1").broken).toContainEqual({ table: "audit_events", id: "1", reason: "missing" });
  });

  it("a deleted last event is caught against the head kept outside the database", () => {
    const head = verifyIntegrity(db).head;
    const c = db.$client;
    c.exec("BEGIN");
    try {
      // the last event binds rows: its bindings go with it, so those rows no longer verify either
      c.prepare("DELETE FROM audit_events WHERE id = ?").run(head.events);
      const result = verifyIntegrity(db, head.sha256);
      expect(result).toMatchObject({ ok: false, earlierHeadFound: false, events: head.events - 1 });
      expect(result.broken).toContainEqual({ table: "signing_keys", id: expect.any(String), reason: "unbound" });
    } finally {
      c.exec("ROLLBACK");
    }
    expect(verifyIntegrity(db, head.sha256)).toMatchObject({ ok: true, earlierHeadFound: true });
  });
});

describe("npm run audit:verify", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/audit-verify.ts", ...args], {
      env: { ...process.env, DATABASE_PATH: file },
      encoding: "utf8",
    });

  it("exits 0 on the intact database, 1 naming the changed row, 1 on a chain cut back since a kept head", () => {
    const intact = cli();
    expect(intact.stdout).toContain("audit chain intact");
    expect(intact.status).toBe(0);
    const head = verifyIntegrity(db).head;

    const row = someRow("replies");
    db.$client.prepare("UPDATE replies SET body = body || '（改）' WHERE id = ?").run(row.id);
    const changed = cli();
    expect(changed.stderr).toContain(`CHANGED: replies ${row.id}`);
    expect(changed.status).toBe(1);

    db.$client.prepare("DELETE FROM audit_events WHERE id = ?").run(head.events);
    const truncated = cli("--head", head.sha256);
    expect(truncated.stderr).toContain("TRUNCATED");
    expect(truncated.status).toBe(1);
  }, 60_000);
});
