// The shape of a document: its sections in reading order, nested chapter → section (two levels).
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "~db/client";
import { documents, editionSections, editions, revisions, sections, users } from "~db/schema";
import { newId } from "../lib/id";
import { chineseNumeral } from "../lib/numbering";
import { conflict, forbidden, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import {
  planIdOfDocument,
  planIdOfSection,
  requireDraftingPage,
  requirePlanDrafter,
  seesDrafts as seesPlanDrafts,
} from "./plan-access.server";
import { isoShanghai } from "../lib/time";
import { latestPublishedSections } from "./edition.server";
import { appendRevision, getRevision, prepareContentOrThrow } from "./revision.server";

const EMPTY_DOC = { type: "doc", content: [{ type: "paragraph" }] };
export const title = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(100, "validation.tooLong|100");
const number = z.string().trim().max(20, "validation.tooLong|20");

/** Drafters of the document's (or section's) plan, while the plan is not approved. */
export function requireDrafting(ctx: Ctx, tx: Tx, target: { documentId: string } | { sectionId: string }) {
  if (!can(ctx.user, "update:section:any")) throw forbidden();
  requirePlanDrafter(ctx, "documentId" in target ? planIdOfDocument(tx, target.documentId) : planIdOfSection(tx, target.sectionId), tx);
}

export interface Node {
  id: string;
  parentId: string | null;
  retired: boolean;
  children: Node[];
}

/** The document's sections as a tree (retired ones included, so their order is kept). */
export function loadTree(tx: Tx, documentId: string): Node[] {
  const rows = tx
    .select({ id: sections.id, parentId: sections.parentId, retiredAt: sections.retiredAt })
    .from(sections)
    .where(eq(sections.documentId, documentId))
    .orderBy(asc(sections.sortOrder))
    .all();
  const nodes = new Map(rows.map((r) => [r.id, { id: r.id, parentId: r.parentId, retired: !!r.retiredAt, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const n of nodes.values()) (n.parentId && nodes.get(n.parentId) ? nodes.get(n.parentId)!.children : roots).push(n);
  return roots;
}

/** Writes reading order (parents before their children) and parent links back. */
function saveTree(tx: Tx, roots: Node[]) {
  let order = 0;
  const walk = (list: Node[], parentId: string | null) => {
    for (const n of list) {
      tx.update(sections).set({ sortOrder: order++, parentId }).where(eq(sections.id, n.id)).run();
      walk(n.children, n.id);
    }
  };
  walk(roots, null);
}

function findNode(roots: Node[], id: string): { node: Node; siblings: Node[]; parent: Node | null } | null {
  for (const root of roots) {
    if (root.id === id) return { node: root, siblings: roots, parent: null };
    const child = root.children.find((c) => c.id === id);
    if (child) return { node: child, siblings: root.children, parent: root };
  }
  return null;
}

function sectionOf(tx: Tx, sectionId: string) {
  const row = tx.select().from(sections).where(eq(sections.id, sectionId)).get();
  if (!row) throw notFound();
  return row;
}

export const newSectionInput = z.object({
  title,
  number: number.optional(),
  parentId: z
    .string()
    .optional()
    .transform((v) => v || null),
});

/** Adds a section at the end of the document (or of a chapter), with an empty first revision. */
export function addSection(ctx: Ctx, documentId: string, input: unknown) {
  const values = newSectionInput.parse(input);
  const prepared = prepareContentOrThrow(EMPTY_DOC);
  return ctx.db.transaction((tx) => {
    requireDrafting(ctx, tx, { documentId });
    if (!tx.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId)).get()) throw notFound();
    const roots = loadTree(tx, documentId);
    if (values.parentId) {
      const parent = roots.find((r) => r.id === values.parentId);
      if (!parent || parent.retired) throw conflict("section.parentInvalid");
    }
    const siblings = values.parentId ? roots.find((r) => r.id === values.parentId)!.children : roots;
    const id = newId("sec");
    const position = siblings.filter((s) => !s.retired).length + 1;
    const shownNumber = values.number || (values.parentId ? `第${chineseNumeral(position)}节` : `第${chineseNumeral(position)}章`);
    tx.insert(sections)
      .values({ id, documentId, parentId: values.parentId, number: shownNumber, title: values.title, sortOrder: 1_000_000 })
      .run();
    siblings.push({ id, parentId: values.parentId, retired: false, children: [] });
    saveTree(tx, roots);
    const revision = appendRevision(tx, { sectionId: id, parentRevisionId: null, authorId: ctx.user.id, note: "新建章节", prepared });
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "section.create",
      entityType: "section",
      entityId: id,
      data: { documentId, title: values.title, number: shownNumber, parentId: values.parentId },
      bound: [bindRow(tx, "revisions", revision.id)],
    });
    return { id };
  });
}

export function renameSection(ctx: Ctx, sectionId: string, input: unknown) {
  const values = z.object({ title, number }).parse(input);
  return ctx.db.transaction((tx) => {
    requireDrafting(ctx, tx, { sectionId });
    const before = sectionOf(tx, sectionId);
    tx.update(sections).set(values).where(eq(sections.id, sectionId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "section.rename",
      entityType: "section",
      entityId: sectionId,
      data: { from: { title: before.title, number: before.number }, to: values },
    });
  });
}

export const moveInput = z.object({
  direction: z.enum(["up", "down", "indent", "outdent"], { errorMap: () => ({ message: "validation.choice" }) }),
});

/**
 * Reorders or re-nests one section, its subsection moving with it: up/down among its siblings,
 * indent under the chapter before it, outdent to a chapter right after its parent.
 */
export function moveSection(ctx: Ctx, sectionId: string, input: unknown) {
  const { direction } = moveInput.parse(input);
  return ctx.db.transaction((tx) => {
    requireDrafting(ctx, tx, { sectionId });
    const section = sectionOf(tx, sectionId);
    const roots = loadTree(tx, section.documentId);
    const found = findNode(roots, sectionId)!;
    const { node, siblings, parent } = found;
    const i = siblings.indexOf(node);
    if (direction === "up" || direction === "down") {
      // skip over retired neighbours, so a move is always visible
      let j = i;
      do j += direction === "up" ? -1 : 1;
      while (j >= 0 && j < siblings.length && siblings[j].retired);
      if (j < 0 || j >= siblings.length) throw conflict("section.cannotMove");
      [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
    } else if (direction === "indent") {
      const target = siblings
        .slice(0, i)
        .reverse()
        .find((s) => !s.retired);
      if (parent || !target || node.children.some((c) => !c.retired)) throw conflict("section.cannotIndent");
      siblings.splice(i, 1);
      target.children.push(node, ...node.children);
      node.children = [];
    } else {
      if (!parent) throw conflict("section.cannotOutdent");
      siblings.splice(i, 1);
      // the following siblings stay in the old chapter; the section becomes the next chapter
      roots.splice(roots.indexOf(parent) + 1, 0, node);
    }
    saveTree(tx, roots);
    recordAudit(tx, { actorId: ctx.user.id, action: "section.move", entityType: "section", entityId: sectionId, data: { direction } });
  });
}

/** Retires a section: it leaves the working document and later editions, its history stays. */
export function retireSection(ctx: Ctx, sectionId: string) {
  return ctx.db.transaction((tx) => {
    requireDrafting(ctx, tx, { sectionId });
    const section = sectionOf(tx, sectionId);
    if (section.retiredAt) return;
    const activeChildren = tx
      .select({ id: sections.id })
      .from(sections)
      .where(and(eq(sections.parentId, sectionId), isNull(sections.retiredAt)))
      .all();
    if (activeChildren.length) throw conflict("section.hasChildren");
    tx.update(sections).set({ retiredAt: new Date() }).where(eq(sections.id, sectionId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "section.retire",
      entityType: "section",
      entityId: sectionId,
      data: { title: section.title },
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading sections

/**
 * A section as the caller may read it. Drafters and admins: the working revision and the whole
 * history. Others: the revision of the newest published edition holding the section, and the history
 * cut to published revisions.
 */
export function getSection(ctx: Ctx, sectionId: string) {
  const section = ctx.db
    .select({
      id: sections.id,
      documentId: sections.documentId,
      parentId: sections.parentId,
      number: sections.number,
      title: sections.title,
      currentRevisionId: sections.currentRevisionId,
      retiredAt: sections.retiredAt,
      documentTitle: documents.title,
      planId: documents.planId,
    })
    .from(sections)
    .innerJoin(documents, eq(sections.documentId, documents.id))
    .where(eq(sections.id, sectionId))
    .get();
  if (!section) throw notFound();
  const seesDrafts = can(ctx.user, "read:revision:any") && seesPlanDrafts(ctx, section.planId);

  const history = ctx.db
    .select({ id: revisions.id, hash: revisions.hash, note: revisions.note, createdAt: revisions.createdAt, authorName: users.displayName })
    .from(revisions)
    .innerJoin(users, eq(revisions.authorId, users.id))
    .where(eq(revisions.sectionId, sectionId))
    .orderBy(desc(revisions.createdAt))
    .all();
  const publications = history.length
    ? ctx.db
        .select({
          revisionId: editionSections.revisionId,
          editionId: editions.id,
          label: editions.label,
          publishedAt: editions.publishedAt,
        })
        .from(editionSections)
        .innerJoin(editions, eq(editionSections.editionId, editions.id))
        .where(
          and(
            eq(editionSections.sectionId, sectionId),
            inArray(
              editionSections.revisionId,
              history.map((h) => h.id),
            ),
          ),
        )
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
    revisions: visible.map((h) => ({
      ...h,
      editions: publications.filter((p) => p.revisionId === h.id).map((p) => ({ id: p.editionId, label: p.label })),
    })),
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
 * The sections of one plan's documents in reading order, as the caller may see them: those who see
 * the plan's drafts the working (non-retired) sections; everyone else those of each document's newest edition.
 */
export function visibleSections(ctx: Ctx, planId: string, documentIds: string[]): Map<string, VisibleSection[]> {
  const out = new Map<string, VisibleSection[]>(documentIds.map((id) => [id, []]));
  if (!documentIds.length) return out;
  if (can(ctx.user, "read:revision:any") && seesPlanDrafts(ctx, planId)) {
    const rows = ctx.db
      .select()
      .from(sections)
      .where(and(inArray(sections.documentId, documentIds), isNull(sections.retiredAt)))
      .orderBy(asc(sections.sortOrder))
      .all();
    for (const s of rows)
      out
        .get(s.documentId)!
        .push({ id: s.id, number: s.number, title: s.title, parentId: s.parentId, currentRevisionId: s.currentRevisionId });
    return out;
  }
  for (const [documentId, manifest] of latestPublishedSections(ctx.db, documentIds)) {
    out.set(
      documentId,
      manifest.map((m) => ({
        id: m.sectionId,
        number: m.number,
        title: m.title,
        parentId: m.parentSectionId,
        currentRevisionId: m.revisionId,
      })),
    );
  }
  return out;
}

/** The editor's page: the plan's drafters only (403 for others, 409 once the plan is frozen), with the section and its working revision. */
export function editSectionPage(ctx: Ctx, sectionId: string) {
  requireDraftingPage(ctx, planIdOfSection(ctx.db, sectionId));
  return getSection(ctx, sectionId);
}
