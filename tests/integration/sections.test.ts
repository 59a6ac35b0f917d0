// Document structure operations against a temporary database file.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { documents, sections } from "~db/schema";
import { publishEdition } from "../../app/models/edition.server";
import { addSection, moveSection, renameSection, retireSection } from "../../app/models/section.server";
import { renumberDocument } from "../../app/models/document.server";
import { createRevision, restoreRevision } from "../../app/models/revision.server";
import { getSection } from "../../app/models/section.server";
import { verifyAuditChain } from "../../app/models/audit.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
let drafter: Ctx;
let documentId: string;

const outline = () =>
  db
    .select({ id: sections.id, parentId: sections.parentId, title: sections.title, number: sections.number, retired: sections.retiredAt })
    .from(sections)
    .where(eq(sections.documentId, documentId))
    .orderBy(asc(sections.sortOrder))
    .all();

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  drafter = await ctxFor(db, "drafter");
  documentId = db.select().from(documents).where(eq(documents.title, "全域土地综合整治专题研究报告")).get()!.id;
});
afterAll(() => cleanup());

describe("document structure", () => {
  it("adds a chapter and a section under it, each with a first revision", () => {
    const chapter = addSection(drafter, documentId, { title: "实施建议" });
    const child = addSection(drafter, documentId, { title: "近期行动", parentId: chapter.id });
    const rows = outline();
    expect(rows.at(-2)).toMatchObject({ id: chapter.id, parentId: null, number: "第四章" });
    expect(rows.at(-1)).toMatchObject({ id: child.id, parentId: chapter.id, number: "第一节" });
    expect(getSection(drafter, child.id).current.text).toBe("");
  });

  it("moves a chapter with its sections, indents and outdents", () => {
    const before = outline();
    const last = before.at(-2)!; // 实施建议 with its child
    moveSection(drafter, last.id, { direction: "up" });
    const after = outline();
    const i = after.findIndex((r) => r.id === last.id);
    expect(after[i + 1].parentId).toBe(last.id); // the child came along
    expect(after.at(-1)!.parentId).not.toBe(last.id);

    const lone = addSection(drafter, documentId, { title: "附则" });
    moveSection(drafter, lone.id, { direction: "indent" });
    expect(outline().find((r) => r.id === lone.id)!.parentId).not.toBeNull();
    moveSection(drafter, lone.id, { direction: "outdent" });
    expect(outline().find((r) => r.id === lone.id)!.parentId).toBeNull();
    expect(() => moveSection(drafter, outline()[0].id, { direction: "up" })).toThrow(DomainError);
  });

  it("renames and renumbers", () => {
    const first = outline()[0];
    renameSection(drafter, first.id, { title: "研究背景与总体现状", number: "一" });
    expect(outline()[0]).toMatchObject({ title: "研究背景与总体现状", number: "一" });
    renumberDocument(drafter, documentId);
    const chapters = outline().filter((r) => !r.parentId && !r.retired);
    expect(chapters.map((c) => c.number)).toEqual(chapters.map((_, i) => `第${"一二三四五六七八九"[i]}章`));
  });

  it("retires a section: left out of the next edition, history kept, no new revisions", () => {
    const target = outline().find((r) => r.title === "附则")!;
    const revisionId = getSection(drafter, target.id).current.id;
    expect(() => retireSection(drafter, outline().find((r) => r.title === "实施建议")!.id)).toThrow(DomainError); // has a section
    retireSection(drafter, target.id);
    const edition = publishEdition(drafter, documentId, { label: "征求意见稿" });
    expect(edition.sections.map((x) => x.sectionId)).not.toContain(target.id);
    expect(getSection(drafter, target.id).revisions.map((r) => r.id)).toContain(revisionId);
    expect(() =>
      createRevision(drafter, target.id, { baseRevisionId: revisionId, content: { type: "doc", content: [{ type: "paragraph" }] } }),
    ).toThrow(DomainError);
  });

  it("restores an old revision as a new one", () => {
    const target = outline().find((r) => !r.retired && r.parentId)!;
    const original = getSection(drafter, target.id).current;
    const historyBefore = getSection(drafter, target.id).revisions.length;
    const changed = createRevision(drafter, target.id, {
      baseRevisionId: original.id,
      content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "改后的文字" }] }] },
      note: "试改",
    });
    const restored = restoreRevision(drafter, target.id, { revisionId: original.id, baseRevisionId: changed.id });
    expect(restored.hash).toBe(original.hash);
    expect(restored.id).not.toBe(original.id);
    expect(getSection(drafter, target.id).revisions).toHaveLength(historyBefore + 2);
    expect(getSection(drafter, target.id).current.id).toBe(restored.id);
  });

  it("refuses all of it to a reviewer, and keeps the audit chain intact", async () => {
    const reviewer = await ctxFor(db, "ganzhou");
    expect(() => addSection(reviewer, documentId, { title: "x" })).toThrow(DomainError);
    expect(() => retireSection(reviewer, outline()[0].id)).toThrow(DomainError);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
