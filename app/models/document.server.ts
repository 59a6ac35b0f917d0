// Documents of a plan (the plan text, its explanation …): creating one, its outline, numbering its chapters.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { documentKinds, documents, sections } from "~db/schema";
import { newId } from "../lib/id";
import { chineseNumeral } from "../lib/numbering";
import { forbidden, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { editionManifest, editionsOfDocuments } from "./edition.server";
import { requirePlanDrafter, seesDrafts } from "./plan-access.server";
import { loadTree, requireDrafting, title } from "./section.server";

/** Numbers chapters 第一章… and their sections 第一节… in reading order, skipping retired ones. */
export function renumberDocument(ctx: Ctx, documentId: string) {
  return ctx.db.transaction((tx) => {
    requireDrafting(ctx, tx, { documentId });
    const roots = loadTree(tx, documentId);
    const changes: { id: string; number: string }[] = [];
    let chapter = 0;
    for (const root of roots.filter((r) => !r.retired)) {
      changes.push({ id: root.id, number: `第${chineseNumeral(++chapter)}章` });
      let n = 0;
      for (const child of root.children.filter((c) => !c.retired)) changes.push({ id: child.id, number: `第${chineseNumeral(++n)}节` });
    }
    for (const c of changes) tx.update(sections).set({ number: c.number }).where(eq(sections.id, c.id)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "document.renumber",
      entityType: "document",
      entityId: documentId,
      data: { sections: changes.length },
    });
    return { renumbered: changes.length };
  });
}

export const documentInput = z.object({ title, kind: z.enum(documentKinds, { errorMap: () => ({ message: "validation.choice" }) }) });

export function createDocument(ctx: Ctx, planId: string, input: unknown) {
  if (!can(ctx.user, "create:section:any")) throw forbidden();
  const values = documentInput.parse(input);
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planId, tx);
    const count = tx.select({ id: documents.id }).from(documents).where(eq(documents.planId, planId)).all().length;
    const id = newId("doc");
    tx.insert(documents)
      .values({ id, planId, ...values, sortOrder: count })
      .run();
    recordAudit(tx, { actorId: ctx.user.id, action: "document.create", entityType: "document", entityId: id, data: { planId, ...values } });
    return { id };
  });
}

/** The drafting view of a document: every section with its state (drafters and admins). */
export function getDocumentOutline(ctx: Ctx, documentId: string) {
  const doc = ctx.db.select().from(documents).where(eq(documents.id, documentId)).get();
  if (!doc) throw notFound();
  if (!can(ctx.user, "read:revision:any") || !seesDrafts(ctx, doc.planId)) throw notFound();
  const rows = ctx.db.select().from(sections).where(eq(sections.documentId, documentId)).orderBy(asc(sections.sortOrder)).all();
  return {
    document: doc,
    sections: rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      number: r.number,
      title: r.title,
      currentRevisionId: r.currentRevisionId,
      retired: !!r.retiredAt,
    })),
  };
}

/**
 * The document page (its structure, publishing an edition): the outline with each section marked when
 * it changed since the newest edition (new, edited, or retired after it), and the editions, newest first.
 * The plan's drafters and admins; 404 for everyone else.
 */
export function documentPage(ctx: Ctx, documentId: string) {
  const outline = getDocumentOutline(ctx, documentId);
  const editions = editionsOfDocuments(ctx.db, [outline.document.id]);
  const latest = editions[0];
  const published = new Map(latest ? editionManifest(ctx.db, latest.id).map((m) => [m.sectionId, m.revisionId]) : []);
  return {
    document: outline.document,
    sections: outline.sections.map((s) => ({
      ...s,
      unpublished: s.retired ? published.has(s.id) : published.get(s.id) !== s.currentRevisionId,
    })),
    editions,
    latestEditionId: latest?.id ?? null,
  };
}
