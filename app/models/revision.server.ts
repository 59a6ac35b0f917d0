import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { comments, revisionAddresses, revisions, sections, users } from "~db/schema";
import { type DiffOp, diffTexts } from "../lib/diff/text-diff";
import { renderContentHtml } from "../lib/editor/render.server";
import { prepareRevisionContent } from "../lib/editor/revision-content";
import type { ContentProblem } from "../lib/editor/schema";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { isRevisionPublished } from "./edition.server";
import { planIdOfSection, requirePlanDrafter, seesDrafts as seesPlanDrafts } from "./plan-access.server";

/**
 * One revision, if the caller may read it: drafters and admins read any; everyone else only
 * revisions that are part of a published edition. Anything else is "not found", not "forbidden",
 * so unpublished ids cannot be probed.
 */
export function getRevision(ctx: Ctx, revisionId: string) {
  const row = ctx.db
    .select({
      id: revisions.id,
      sectionId: revisions.sectionId,
      parentRevisionId: revisions.parentRevisionId,
      text: revisions.text,
      content: revisions.content,
      hash: revisions.hash,
      note: revisions.note,
      createdAt: revisions.createdAt,
      authorName: users.displayName,
    })
    .from(revisions)
    .innerJoin(users, eq(revisions.authorId, users.id))
    .where(eq(revisions.id, revisionId))
    .get();
  if (!row) throw notFound();
  const mayReadDraft = can(ctx.user, "read:revision:any") && seesPlanDrafts(ctx, planIdOfSection(ctx.db, row.sectionId));
  if (!mayReadDraft && !(can(ctx.user, "read:revision:published") && isRevisionPublished(ctx.db, revisionId))) throw notFound();
  return row;
}

export function revisionJson(ctx: Ctx, revisionId: string) {
  const r = getRevision(ctx, revisionId);
  return {
    id: r.id,
    sectionId: r.sectionId,
    text: r.text,
    content: r.content,
    hash: r.hash,
    createdAt: isoShanghai(r.createdAt),
    note: r.note,
  };
}

export const revisionInput = z.object({
  baseRevisionId: z.string({ required_error: "validation.required" }).min(1, "validation.required"),
  content: z.unknown(),
  note: z.string().trim().max(500, "validation.tooLong|500").default(""),
  addressesCommentIds: z.array(z.string().min(1)).max(500).optional(),
});
export type RevisionInput = z.input<typeof revisionInput>;

/** A content problem as the domain error the user sees (400, or 413 when too large). */
export function contentError(problem: ContentProblem): DomainError {
  if (problem.kind === "too_large") return new DomainError("too_large", "revision.tooLarge", { mb: 2 });
  const detail = problem.kind === "bad_link" ? problem.href : problem.kind === "schema" ? problem.message : problem.kind;
  return new DomainError(
    "invalid",
    problem.kind === "bad_link" ? "revision.badLink" : "revision.invalidContent",
    { detail: detail.slice(0, 200) },
    { issues: [{ path: "content", message: detail.slice(0, 200) }] },
  );
}

/** Validates content and derives text and hash; the one way content enters the database. */
export function prepareContentOrThrow(content: unknown) {
  const prepared = prepareRevisionContent(content);
  if ("problem" in prepared) throw contentError(prepared.problem);
  return prepared;
}

/** Inserts a revision on top of the section's current one (inside the caller's transaction). */
export function appendRevision(
  tx: DbOrTx,
  args: {
    sectionId: string;
    parentRevisionId: string | null;
    authorId: string;
    note: string;
    prepared: ReturnType<typeof prepareContentOrThrow>;
  },
) {
  const id = newId("rev");
  const createdAt = new Date();
  tx.insert(revisions)
    .values({
      id,
      sectionId: args.sectionId,
      parentRevisionId: args.parentRevisionId,
      authorId: args.authorId,
      note: args.note,
      createdAt,
      ...args.prepared,
    })
    .run();
  tx.update(sections).set({ currentRevisionId: id }).where(eq(sections.id, args.sectionId)).run();
  return { id, createdAt };
}

/**
 * Saves a new revision of a section. The caller names the revision they edited (`baseRevisionId`);
 * if someone saved since, nothing is written and a 409 carries the current revision's id.
 */
export function createRevision(ctx: Ctx, sectionId: string, input: unknown) {
  if (!can(ctx.user, "create:revision:any")) throw forbidden();
  const values = revisionInput.parse(input);
  const prepared = prepareContentOrThrow(values.content);
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planIdOfSection(tx, sectionId), tx);
    const section = tx
      .select({ id: sections.id, currentRevisionId: sections.currentRevisionId, retiredAt: sections.retiredAt })
      .from(sections)
      .where(eq(sections.id, sectionId))
      .get();
    if (!section) throw notFound();
    if (section.retiredAt) throw conflict("section.retiredConflict");
    if (section.currentRevisionId !== values.baseRevisionId) {
      throw conflict("revision.stale", { currentRevisionId: section.currentRevisionId });
    }
    const addressed = [...new Set(values.addressesCommentIds ?? [])];
    if (addressed.length) {
      const found = tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(inArray(comments.id, addressed), eq(comments.sectionId, sectionId)))
        .all();
      if (found.length !== addressed.length)
        throw invalid([{ path: "addressesCommentIds", message: "revision.unknownComments" }], "revision.unknownComments");
    }
    const { id, createdAt } = appendRevision(tx, {
      sectionId,
      parentRevisionId: values.baseRevisionId,
      authorId: ctx.user.id,
      note: values.note,
      prepared,
    });
    for (const commentId of addressed) tx.insert(revisionAddresses).values({ revisionId: id, commentId }).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "revision.create",
      entityType: "section",
      entityId: sectionId,
      data: { revisionId: id, base: values.baseRevisionId, hash: prepared.hash, addresses: addressed },
      bound: [bindRow(tx, "revisions", id)],
    });
    return { id, text: prepared.text, hash: prepared.hash, createdAt: isoShanghai(createdAt) };
  });
}

export type EditorSave =
  | { saved: true; id: string }
  | {
      saved: false;
      conflict: {
        currentRevisionId: string;
        theirs: { authorName: string; createdAt: string; note: string | null; html: string };
        mineHtml: string;
        ops: DiffOp[];
      };
    };

/**
 * The section editor's save: the form's fields as posted (content as a JSON string). A stale base is an
 * answer, not an error: nothing is written and the caller gets the other person's version, the word
 * diff from it to this user's text, and the id to save on top of if the user decides to.
 */
export function saveEditorRevision(
  ctx: Ctx,
  sectionId: string,
  form: { baseRevisionId: string; content: string; note: string },
): EditorSave {
  let content: unknown = null;
  try {
    content = JSON.parse(form.content);
  } catch {
    // left null: the schema check answers with a clear message
  }
  try {
    return { saved: true, id: createRevision(ctx, sectionId, { baseRevisionId: form.baseRevisionId, content, note: form.note }).id };
  } catch (e) {
    if (!(e instanceof DomainError && e.messageKey === "revision.stale")) throw e;
    const current = getRevision(ctx, String(e.extra.details?.currentRevisionId));
    const mine = prepareContentOrThrow(content);
    return {
      saved: false,
      conflict: {
        currentRevisionId: current.id,
        theirs: {
          authorName: current.authorName,
          createdAt: current.createdAt.toISOString(),
          note: current.note,
          html: renderContentHtml(current.content),
        },
        mineHtml: renderContentHtml(mine.content),
        ops: diffTexts(current.text, mine.text),
      },
    };
  }
}

/** Restores an old revision's content as a new revision on top of the current one. */
export function restoreRevision(ctx: Ctx, sectionId: string, input: unknown) {
  const { revisionId, baseRevisionId } = z.object({ revisionId: z.string().min(1), baseRevisionId: z.string().min(1) }).parse(input);
  const old = getRevision(ctx, revisionId);
  if (old.sectionId !== sectionId) throw notFound();
  const note = `恢复为 ${isoShanghai(old.createdAt).slice(0, 16).replace("T", " ")} 的修订${old.note ? `（${old.note}）` : ""}`;
  return createRevision(ctx, sectionId, { baseRevisionId, content: old.content, note });
}
