import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { documents, editionSections, editions, revisions, sections, users } from "../../db/schema";
import { isoShanghai } from "../lib/time";
import { notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { isRevisionPublished, latestPublishedSections } from "./edition.server";

/**
 * One revision, if the caller may read it: drafters and admins read any; everyone else only
 * revisions that are part of a published edition. Anything else is "not found", not "forbidden",
 * so unpublished ids cannot be probed.
 */
export function getRevision(ctx: Ctx, revisionId: string) {
  const row = ctx.db
    .select({ id: revisions.id, sectionId: revisions.sectionId, parentRevisionId: revisions.parentRevisionId, text: revisions.text, content: revisions.content, hash: revisions.hash, note: revisions.note, createdAt: revisions.createdAt, authorName: users.displayName })
    .from(revisions)
    .innerJoin(users, eq(revisions.authorId, users.id))
    .where(eq(revisions.id, revisionId))
    .get();
  if (!row) throw notFound();
  if (!can(ctx.user, "read:revision:any") && !(can(ctx.user, "read:revision:published") && isRevisionPublished(ctx.db, revisionId))) throw notFound();
  return row;
}

export function revisionJson(ctx: Ctx, revisionId: string) {
  const r = getRevision(ctx, revisionId);
  return { id: r.id, sectionId: r.sectionId, text: r.text, content: r.content, hash: r.hash, createdAt: isoShanghai(r.createdAt), note: r.note };
}

/**
 * A section as the caller may read it. Drafters and admins: the working revision and the whole
 * history. Others: the revision of the newest published edition holding the section, and the history
 * cut to published revisions.
 */
export function getSection(ctx: Ctx, sectionId: string) {
  const section = ctx.db
    .select({ id: sections.id, documentId: sections.documentId, parentId: sections.parentId, number: sections.number, title: sections.title, currentRevisionId: sections.currentRevisionId, retiredAt: sections.retiredAt, documentTitle: documents.title, planId: documents.planId })
    .from(sections)
    .innerJoin(documents, eq(sections.documentId, documents.id))
    .where(eq(sections.id, sectionId))
    .get();
  if (!section) throw notFound();
  const seesDrafts = can(ctx.user, "read:revision:any");

  const history = ctx.db
    .select({ id: revisions.id, hash: revisions.hash, note: revisions.note, createdAt: revisions.createdAt, authorName: users.displayName })
    .from(revisions)
    .innerJoin(users, eq(revisions.authorId, users.id))
    .where(eq(revisions.sectionId, sectionId))
    .orderBy(desc(revisions.createdAt))
    .all();
  const publications = history.length
    ? ctx.db
        .select({ revisionId: editionSections.revisionId, editionId: editions.id, label: editions.label, publishedAt: editions.publishedAt })
        .from(editionSections)
        .innerJoin(editions, eq(editionSections.editionId, editions.id))
        .where(and(eq(editionSections.sectionId, sectionId), inArray(editionSections.revisionId, history.map((h) => h.id))))
        .orderBy(desc(editions.publishedAt))
        .all()
    : [];
  const visible = seesDrafts ? history : history.filter((h) => publications.some((p) => p.revisionId === h.id));
  const currentId = seesDrafts ? section.currentRevisionId : (publications[0]?.revisionId ?? null);
  if (!currentId) throw notFound();
  const current = getRevision(ctx, currentId);
  return {
    ...section,
    seesDrafts,
    current,
    published: publications.find((p) => p.revisionId === currentId) ?? null,
    latestEdition: publications[0] ?? null,
    revisions: visible.map((h) => ({ ...h, editions: publications.filter((p) => p.revisionId === h.id).map((p) => ({ id: p.editionId, label: p.label })) })),
  };
}

export function sectionJson(ctx: Ctx, sectionId: string) {
  const s = getSection(ctx, sectionId);
  return {
    id: s.id,
    documentId: s.documentId,
    number: s.number,
    title: s.title,
    currentRevision: { id: s.current.id, text: s.current.text, content: s.current.content, hash: s.current.hash },
    revisions: s.revisions.map((r) => ({ id: r.id, hash: r.hash, createdAt: isoShanghai(r.createdAt), note: r.note })),
  };
}

export interface VisibleSection {
  id: string;
  number: string;
  title: string;
  parentId: string | null;
  currentRevisionId: string | null;
}

/**
 * The sections of some documents in reading order, as the caller may see them: drafters and admins
 * the working (non-retired) sections; everyone else those of each document's newest edition.
 */
export function visibleSections(ctx: Ctx, documentIds: string[]): Map<string, VisibleSection[]> {
  const out = new Map<string, VisibleSection[]>(documentIds.map((id) => [id, []]));
  if (!documentIds.length) return out;
  if (can(ctx.user, "read:revision:any")) {
    const rows = ctx.db.select().from(sections).where(and(inArray(sections.documentId, documentIds), isNull(sections.retiredAt))).orderBy(asc(sections.sortOrder)).all();
    for (const s of rows) out.get(s.documentId)!.push({ id: s.id, number: s.number, title: s.title, parentId: s.parentId, currentRevisionId: s.currentRevisionId });
    return out;
  }
  for (const [documentId, manifest] of latestPublishedSections(ctx.db, documentIds)) {
    out.set(documentId, manifest.map((m) => ({ id: m.sectionId, number: m.number, title: m.title, parentId: m.parentSectionId, currentRevisionId: m.revisionId })));
  }
  return out;
}
