import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { documents, editionSections, editions, plans, revisions, sections } from "~db/schema";
import { byteLru } from "../lib/cache/byte-lru";
import { diffTexts } from "../lib/diff/text-diff";
import { manifestHash, manifestSm3 } from "../lib/hash/revision-hash";
import { diffTables } from "../lib/plan-tables/frozen";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, forbidden, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { planIdOfDocument, requirePlanDrafter } from "./plan-access.server";
import { buildPlanTables, editionTablesOf, insertEditionTables } from "./plan-tables.server";

/** Editions of some documents, newest first. */
export function editionsOfDocuments(db: DbOrTx, documentIds: string[]) {
  if (!documentIds.length) return [];
  return db
    .select({
      id: editions.id,
      documentId: editions.documentId,
      label: editions.label,
      manifestHash: editions.manifestHash,
      publishedAt: editions.publishedAt,
      changelog: editions.changelog,
    })
    .from(editions)
    .where(inArray(editions.documentId, documentIds))
    .orderBy(desc(editions.publishedAt))
    .all();
}

/** Is this revision part of any published edition? (Published revisions are readable by every user.) */
export function isRevisionPublished(db: DbOrTx, revisionId: string): boolean {
  return !!db
    .select({ e: editionSections.editionId })
    .from(editionSections)
    .where(eq(editionSections.revisionId, revisionId))
    .limit(1)
    .get();
}

/** The manifest of an edition in reading order. */
export function editionManifest(db: DbOrTx, editionId: string) {
  return db.select().from(editionSections).where(eq(editionSections.editionId, editionId)).orderBy(asc(editionSections.position)).all();
}

/** The edition's head without its content; 404 for whoever may not read editions. */
export function editionHead(ctx: Ctx, editionId: string) {
  if (!can(ctx.user, "read:edition:any")) throw notFound();
  const edition = ctx.db
    .select({
      id: editions.id,
      documentId: editions.documentId,
      label: editions.label,
      changelog: editions.changelog,
      manifestHash: editions.manifestHash,
      publishedAt: editions.publishedAt,
      documentTitle: documents.title,
      documentKind: documents.kind,
      planId: documents.planId,
      planTitle: plans.title,
    })
    .from(editions)
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .innerJoin(plans, eq(documents.planId, plans.id))
    .where(eq(editions.id, editionId))
    .get();
  if (!edition) throw notFound();
  return edition;
}

/** An edition with its manifest and each section's published content (the reading view). */
export function getEdition(ctx: Ctx, editionId: string) {
  const edition = editionHead(ctx, editionId);
  const manifest = editionManifest(ctx.db, editionId);
  const revisionRows = manifest.length
    ? ctx.db
        .select({ id: revisions.id, content: revisions.content, text: revisions.text })
        .from(revisions)
        .where(
          inArray(
            revisions.id,
            manifest.map((m) => m.revisionId),
          ),
        )
        .all()
    : [];
  const byId = new Map(revisionRows.map((r) => [r.id, r]));
  const tables = editionTablesOf(ctx.db, editionId);
  return {
    ...edition,
    sections: manifest.map((m) => ({ ...m, content: byId.get(m.revisionId)?.content, text: byId.get(m.revisionId)?.text ?? "" })),
    // the plan tables frozen into the edition (indicators, included projects), each shown at the end of its section
    tables,
    manifestSm3: manifestSm3(edition.documentId, edition.label, manifest, tables),
  };
}

/** GET /api/v1/editions/:id */
export function editionJson(ctx: Ctx, editionId: string) {
  const e = getEdition(ctx, editionId);
  return {
    id: e.id,
    documentId: e.documentId,
    label: e.label,
    manifestHash: e.manifestHash,
    manifestSm3: e.manifestSm3,
    publishedAt: isoShanghai(e.publishedAt),
    sections: e.sections.map((s) => ({ sectionId: s.sectionId, revisionId: s.revisionId, hash: s.hash, number: s.number, title: s.title })),
    // present when the edition froze plan tables; the manifest hash then covers [{kind, hash}] of them
    ...(e.tables.length
      ? { tables: e.tables.map((t) => ({ kind: t.kind, sectionId: t.sectionId, hash: t.hash, content: t.content })) }
      : {}),
  };
}

/** For each document, the newest edition's manifest entries (what non-drafters may read). */
export function latestPublishedSections(db: DbOrTx, documentIds: string[]) {
  const latest = new Map<string, string>();
  for (const e of editionsOfDocuments(db, documentIds)) if (!latest.has(e.documentId)) latest.set(e.documentId, e.id);
  const result = new Map<string, ReturnType<typeof editionManifest>>();
  for (const [documentId, editionId] of latest) result.set(documentId, editionManifest(db, editionId));
  return result;
}

export const editionInput = z.object({
  label: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(40, "validation.tooLong|40"),
  changelog: z.string().trim().max(2000, "validation.tooLong|2000").default(""),
});

/**
 * Publishes an edition: the document's non-retired sections in reading order, each with its current
 * revision and hash, frozen as an ordered manifest with its manifest hash. An edition of the plan text
 * also freezes the plan's indicator table and its included key projects (edition_tables), and the
 * manifest hash covers them. Refuses an exact repeat of the newest edition (same label, same
 * revisions, same tables).
 */
export function publishEdition(ctx: Ctx, documentId: string, input: unknown) {
  if (!can(ctx.user, "create:edition:any")) throw forbidden();
  const { label, changelog } = editionInput.parse(input);
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planIdOfDocument(tx, documentId), tx);
    const rows = tx
      .select({
        sectionId: sections.id,
        parentId: sections.parentId,
        number: sections.number,
        title: sections.title,
        revisionId: revisions.id,
        hash: revisions.hash,
      })
      .from(sections)
      .innerJoin(revisions, eq(sections.currentRevisionId, revisions.id))
      .where(and(eq(sections.documentId, documentId), isNull(sections.retiredAt)))
      .orderBy(asc(sections.sortOrder))
      .all();
    if (!rows.length) throw conflict("edition.empty");
    const tables = buildPlanTables(
      tx,
      documentId,
      rows.map((r) => ({ sectionId: r.sectionId, parentSectionId: r.parentId, title: r.title })),
    );
    const previous = editionsOfDocuments(tx, [documentId])[0];
    if (previous && previous.label === label) {
      const before = editionManifest(tx, previous.id);
      const beforeTables = editionTablesOf(tx, previous.id);
      const same =
        before.length === rows.length &&
        before.every((b, i) => b.sectionId === rows[i].sectionId && b.revisionId === rows[i].revisionId) &&
        beforeTables.map((t) => `${t.kind}:${t.hash}`).join() === tables.map((t) => `${t.kind}:${t.hash}`).join();
      if (same) throw conflict("edition.unchanged", undefined, { label });
    }
    const entries = rows.map(({ sectionId, revisionId, hash }) => ({ sectionId, revisionId, hash }));
    const hash = manifestHash(documentId, label, entries, tables);
    const id = newId("edn");
    const publishedAt = new Date();
    tx.insert(editions).values({ id, documentId, label, changelog, manifestHash: hash, publishedById: ctx.user.id, publishedAt }).run();
    rows.forEach((r, position) => {
      tx.insert(editionSections)
        .values({
          editionId: id,
          position,
          sectionId: r.sectionId,
          revisionId: r.revisionId,
          parentSectionId: r.parentId,
          number: r.number,
          title: r.title,
          hash: r.hash,
        })
        .run();
    });
    insertEditionTables(tx, id, tables);
    const tableHashes = tables.map((t) => ({ kind: t.kind, hash: t.hash }));
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "edition.publish",
      entityType: "edition",
      entityId: id,
      data: { documentId, label, manifestHash: hash, sections: entries.length, ...(tables.length ? { tables: tableHashes } : {}) },
      bound: [bindRow(tx, "editions", id), ...rows.map((_, position) => bindRow(tx, "edition_sections", `${id}/${position}`))],
    });
    return {
      id,
      label,
      manifestHash: hash,
      manifestSm3: manifestSm3(documentId, label, entries, tables),
      publishedAt: isoShanghai(publishedAt),
      sections: entries,
      ...(tables.length ? { tables: tables.map((t) => ({ kind: t.kind, sectionId: t.sectionId, hash: t.hash })) } : {}),
    };
  });
}

/** Word diffs of pairs of revisions, at most 16 MB. */
export const diffOps = byteLru<ReturnType<typeof diffTexts>>(16 * 1024 * 1024, (ops) =>
  ops.reduce((n, o) => n + o.text.length * 2 + 48, 0),
);

export type SectionDiffStatus = "unchanged" | "changed" | "added" | "removed";

/**
 * Section-by-section word diff between two editions of the same document, in the reading order of
 * the later one (removed sections where they stood in the earlier one).
 */
export function diffEditions(ctx: Ctx, fromId: string, toId: string) {
  const from = getEdition(ctx, fromId);
  const to = getEdition(ctx, toId);
  if (from.documentId !== to.documentId) throw conflict("edition.differentDocuments");
  const before = new Map(from.sections.map((s) => [s.sectionId, s]));
  const after = new Map(to.sections.map((s) => [s.sectionId, s]));
  const order = to.sections.map((s) => s.sectionId);
  let anchor = -1; // a removed section goes right after the section it followed
  for (const s of from.sections) {
    if (after.has(s.sectionId)) anchor = order.indexOf(s.sectionId);
    else order.splice(++anchor, 0, s.sectionId);
  }
  const sectionsOut = order.map((sectionId) => {
    const a = before.get(sectionId);
    const b = after.get(sectionId);
    const status: SectionDiffStatus = !a ? "added" : !b ? "removed" : a.hash === b.hash ? "unchanged" : "changed";
    // two revisions' diff never changes: computed once (byte-bounded cache), for the page and the API
    const ops =
      status === "unchanged"
        ? [{ op: "equal" as const, text: b!.text }]
        : diffOps.get(`${a?.revisionId ?? ""}:${b?.revisionId ?? ""}`, () => diffTexts(a?.text ?? "", b?.text ?? ""));
    const shown = b ?? a!;
    return {
      sectionId,
      number: shown.number,
      title: shown.title,
      status,
      fromRevisionId: a?.revisionId ?? null,
      toRevisionId: b?.revisionId ?? null,
      ops: ops.filter((o) => o.text !== ""),
    };
  });
  return {
    from: { id: from.id, label: from.label, manifestHash: from.manifestHash, publishedAt: from.publishedAt },
    to: { id: to.id, label: to.label, manifestHash: to.manifestHash, publishedAt: to.publishedAt },
    documentTitle: to.documentTitle,
    planId: to.planId,
    sections: sectionsOut,
    // the frozen plan tables compared: indicator values old → new, projects added or dropped
    tables: diffTables(from.tables, to.tables),
    fromTables: from.tables,
    toTables: to.tables,
  };
}
