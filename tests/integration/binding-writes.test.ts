// The portal's own writes bind what they write (docs/INTEGRITY.md): creations and updates alike keep
// `verifyIntegrity` intact, each event lists its rows, and the latest binding is the one compared.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { auditEvents, comments, documents, editions, indicators, plans, projects, sections } from "~db/schema";
import { goodRow, workbookBytes } from "../../app/lib/projects/fixture";
import { withdrawApprovalRequest } from "../../app/models/approval-request.server";
import { editComment, withdrawComment } from "../../app/models/comment-change.server";
import { createComment } from "../../app/models/comment-create.server";
import { addReply } from "../../app/models/comment-reply.server";
import { publishEdition } from "../../app/models/edition.server";
import { indicatorsJson, saveIndicators } from "../../app/models/indicator.server";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { createProject, updateProject } from "../../app/models/project.server";
import { confirmProjectImport, previewProjectImport } from "../../app/models/project-import.server";
import { respondToComment } from "../../app/models/response.server";
import { createRevision } from "../../app/models/revision.server";
import { submitReply } from "../../app/models/round.server";
import { bindExistingRows, type RowBinding } from "../../app/models/row-binding.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
let firstEvent: number;

const planOf = (region: string) => db.select().from(plans).where(eq(plans.region, region)).get()!;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
/** The bindings of the events written since the test began, by action. */
function boundSince(action: string): RowBinding[] {
  return db
    .select({ data: auditEvents.data })
    .from(auditEvents)
    .where(and(gt(auditEvents.id, firstEvent), eq(auditEvents.action, action)))
    .all()
    .flatMap((e) => (JSON.parse(e.data) as { bound?: RowBinding[] }).bound ?? []);
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
  firstEvent = (db.$client.prepare("SELECT max(id) AS id FROM audit_events").get() as { id: number }).id;
});
afterAll(() => cleanup());

describe("the portal's writes bind their rows", () => {
  it("consultation: comments created, edited, withdrawn, replied to, answered twice, a formal reply", async () => {
    const gaotai = await ctxFor(db, "gaotai");
    const drafter = await ctxFor(db, "drafter");
    const seeded = db.select().from(comments).where(eq(comments.authorId, gaotai.user.id)).get()!;
    const { id } = createComment(gaotai, seeded.roundId, {
      sectionId: seeded.sectionId,
      body: "建议补充高台县湿地面积数据。",
      category: "add",
    });
    editComment(gaotai, id, { body: "建议补充高台县湿地面积及分布数据。", category: "add", proposedText: "" });
    const other = createComment(gaotai, seeded.roundId, { sectionId: seeded.sectionId, body: "此条撤回。", category: "other" });
    withdrawComment(gaotai, other.id);
    addReply(drafter, id, { body: "已收悉，正在核实。" });
    respondToComment(drafter, id, { decision: "noted", reason: "待核实后答复。" });
    respondToComment(drafter, id, { decision: "adopted", reason: "已在送审稿中补充。" });
    submitReply(gaotai, seeded.roundId, { statement: "高台县人民政府意见见平台清单。" });
    expect(verifyIntegrity(db).broken).toEqual([]);
    expect(boundSince("comment.edit").map((b) => b.table)).toEqual(["comments", "comment_versions"]);
    expect(boundSince("comment.withdraw")).toEqual([expect.objectContaining({ table: "comments", id: other.id })]);
    expect(boundSince("comment.respond")).toHaveLength(2);
    expect(boundSince("reply.create").map((b) => b.table)).toEqual(["replies"]);
    expect(boundSince("submission.create").map((b) => b.table)).toEqual(["submissions"]);
  });

  it("drafting: a revision and the edition that publishes it", async () => {
    const drafter = await ctxFor(db, "drafter");
    const city = planOf("张掖市");
    const text = db
      .select()
      .from(documents)
      .where(and(eq(documents.planId, city.id), eq(documents.kind, "text")))
      .get()!;
    const section = db
      .select()
      .from(sections)
      .where(and(eq(sections.documentId, text.id), isNull(sections.retiredAt)))
      .orderBy(asc(sections.sortOrder))
      .get()!;
    const revision = createRevision(drafter, section.id, {
      baseRevisionId: section.currentRevisionId,
      content: doc("本规划依据《国土空间生态修复规划编制指南》编制。"),
      note: "修改",
    });
    const edition = publishEdition(drafter, text.id, { label: "送审稿", changelog: "根据征求意见修改。" });
    expect(verifyIntegrity(db).broken).toEqual([]);
    expect(boundSince("revision.create")).toEqual([expect.objectContaining({ table: "revisions", id: revision.id })]);
    const published = boundSince("edition.publish");
    expect(published[0]).toMatchObject({ table: "editions", id: edition.id });
    expect(published.filter((b) => b.table === "edition_sections")).toHaveLength(edition.sections.length);
    expect(db.select().from(editions).where(eq(editions.documentId, text.id)).all().length).toBeGreaterThan(1);
  });

  it("plan data: projects created, changed and imported; an indicator removed is bound as deleted", async () => {
    const sunan = await ctxFor(db, "sunan-drafter");
    const plan = planOf("肃南裕固族自治县");
    const { id } = createProject(sunan, plan.id, {
      name: "隆畅河湿地保护修复工程",
      type: "river_wetland",
      county: "肃南县",
      township: "红湾寺镇",
      areaHa: 320,
      investmentWan: 1800,
      period: "2026-2030",
    });
    updateProject(sunan, id, { investmentWan: 2000 });
    const preview = await previewProjectImport(sunan, plan.id, {
      name: "projects.xlsx",
      bytes: await workbookBytes([goodRow(1, { county: "肃南县" }), goodRow(2, { county: "肃南县" })]),
    });
    expect(confirmProjectImport(sunan, plan.id, preview.id)).toMatchObject({ created: 2 });
    expect(boundSince("project.import")).toHaveLength(2);

    const table = indicatorsJson(sunan, plan.id);
    expect(table.length).toBeGreaterThan(1);
    const removed = table[table.length - 1];
    saveIndicators(sunan, plan.id, { indicators: table.slice(0, -1) });
    expect(boundSince("indicator.update")).toContainEqual({ table: "indicators", id: `${plan.id}/${removed.code}`, rowHash: null });
    expect(verifyIntegrity(db).broken).toEqual([]);
    expect(db.select().from(projects).where(eq(projects.id, id)).get()!.investmentWan).toBe(2000);

    // the removed indicator put back behind the portal's back is not accepted as bound
    const c = db.$client;
    c.exec("BEGIN");
    try {
      db.insert(indicators)
        .values({
          planId: plan.id,
          code: removed.code,
          name: removed.name,
          unit: removed.unit,
          kind: removed.kind,
          direction: removed.direction,
          rollup: removed.rollup,
          baseline: removed.baseline,
          sortOrder: 99,
        })
        .run();
      expect(verifyIntegrity(db).broken).toEqual([{ table: "indicators", id: `${plan.id}/${removed.code}`, reason: "unbound" }]);
    } finally {
      c.exec("ROLLBACK");
    }
  });

  it("approval: a withdrawn request is bound again with its withdrawal", async () => {
    const plan = planOf("高台县");
    const { id } = withdrawApprovalRequest(await ctxFor(db, "gaotai-drafter"), plan.id);
    expect(boundSince("plan.approval_withdraw")).toEqual([expect.objectContaining({ table: "approval_requests", id })]);
    expect(verifyIntegrity(db)).toMatchObject({ ok: true, brokenCount: 0 });
  });
});

describe("npm run audit:bind-existing (a database written before rows were bound)", () => {
  it("binds rows no event has bound, once, and refuses while a bound row is changed", () => {
    const c = db.$client;
    const reply = c.prepare("SELECT id, comment_id, author_id FROM replies LIMIT 1").get() as {
      id: string;
      comment_id: string;
      author_id: string;
    };
    // a row from before: present, never bound
    c.prepare(
      "INSERT INTO replies (id, comment_id, author_id, body, created_at) VALUES ('rpl_old', ?, ?, '早先的答复。', 1600000000000)",
    ).run(reply.comment_id, reply.author_id);
    expect(verifyIntegrity(db).broken).toEqual([{ table: "replies", id: "rpl_old", reason: "unbound" }]);
    // … next to a bound row changed: nothing is adopted
    c.prepare("UPDATE replies SET body = body || '（改）' WHERE id = ?").run(reply.id);
    const events = verifyIntegrity(db).events;
    expect(bindExistingRows(db, null)).toEqual({ bound: 0, refused: [{ table: "replies", id: reply.id, reason: "changed" }] });
    expect(verifyIntegrity(db).events).toBe(events);
    c.prepare("UPDATE replies SET body = substr(body, 1, length(body) - 3) WHERE id = ?").run(reply.id);

    expect(bindExistingRows(db, null)).toEqual({ bound: 1, refused: [] });
    expect(verifyIntegrity(db)).toMatchObject({ ok: true, events: events + 1 });
    expect(boundSince("audit.bind_existing")).toEqual([expect.objectContaining({ table: "replies", id: "rpl_old" })]);
    expect(bindExistingRows(db, null)).toEqual({ bound: 0, refused: [] });
  });
});
