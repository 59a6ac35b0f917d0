import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { documents, editionSections, editions, revisions } from "../../db/schema";
import { isoShanghai } from "../lib/time";
import { notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";

/** Editions of some documents, newest first. */
export function editionsOfDocuments(db: DbOrTx, documentIds: string[]) {
  if (!documentIds.length) return [];
  return db
    .select({ id: editions.id, documentId: editions.documentId, label: editions.label, manifestHash: editions.manifestHash, publishedAt: editions.publishedAt, changelog: editions.changelog })
    .from(editions)
    .where(inArray(editions.documentId, documentIds))
    .orderBy(desc(editions.publishedAt))
    .all();
}

/** Is this revision part of any published edition? (Published revisions are readable by every user.) */
export function isRevisionPublished(db: DbOrTx, revisionId: string): boolean {
  return !!db.select({ e: editionSections.editionId }).from(editionSections).where(eq(editionSections.revisionId, revisionId)).limit(1).get();
}

/** The manifest of an edition in reading order. */
export function editionManifest(db: DbOrTx, editionId: string) {
  return db.select().from(editionSections).where(eq(editionSections.editionId, editionId)).orderBy(asc(editionSections.position)).all();
}

/** An edition with its manifest and each section's published content (the reading view). */
export function getEdition(ctx: Ctx, editionId: string) {
  if (!can(ctx.user, "read:edition:any")) throw notFound();
  const edition = ctx.db
    .select({ id: editions.id, documentId: editions.documentId, label: editions.label, changelog: editions.changelog, manifestHash: editions.manifestHash, publishedAt: editions.publishedAt, documentTitle: documents.title, documentKind: documents.kind, planId: documents.planId })
    .from(editions)
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(editions.id, editionId))
    .get();
  if (!edition) throw notFound();
  const manifest = editionManifest(ctx.db, editionId);
  const revisionRows = manifest.length
    ? ctx.db
        .select({ id: revisions.id, content: revisions.content, text: revisions.text })
        .from(revisions)
        .where(inArray(revisions.id, manifest.map((m) => m.revisionId)))
        .all()
    : [];
  const byId = new Map(revisionRows.map((r) => [r.id, r]));
  return {
    ...edition,
    sections: manifest.map((m) => ({ ...m, content: byId.get(m.revisionId)?.content, text: byId.get(m.revisionId)?.text ?? "" })),
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
    publishedAt: isoShanghai(e.publishedAt),
    sections: e.sections.map((s) => ({ sectionId: s.sectionId, revisionId: s.revisionId, hash: s.hash, number: s.number, title: s.title })),
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

export function editionExists(db: DbOrTx, editionId: string) {
  return !!db.select({ id: editions.id }).from(editions).where(and(eq(editions.id, editionId))).get();
}
