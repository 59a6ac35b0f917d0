// Where a comment's passage is in another revision of its section (anchors follow the text).
import { and, desc, eq, gt } from "drizzle-orm";
import { revisions, sections } from "../../db/schema";
import type { TextAnchor } from "../lib/anchoring/anchor";
import { mapAnchor } from "../lib/anchoring/map-anchor";
import { isoShanghai } from "../lib/time";
import { notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { getRevision } from "./revision.server";

interface AnchoredComment {
  sectionId: string;
  revisionId: string;
  anchor: TextAnchor | null;
}

/** The comment's anchor mapped onto a revision of the same section the caller may read. */
export function anchorAt(ctx: Ctx, comment: AnchoredComment, revisionId: string) {
  const target = getRevision(ctx, revisionId);
  if (target.sectionId !== comment.sectionId) throw notFound();
  if (!comment.anchor) return null;
  if (revisionId === comment.revisionId) return { start: comment.anchor.start, end: comment.anchor.end, exact: comment.anchor.exact, state: "intact" as const };
  const original = getRevision(ctx, comment.revisionId);
  return mapAnchor(original.text, target.text, comment.anchor);
}

const CONTEXT = 40;

/**
 * For the answer drawer: the passage in the section's working revision with some text around it, and
 * the revisions made since the comment (one of them may carry out the answer).
 */
export function currentWording(ctx: Ctx, comment: AnchoredComment & { createdAt: string }) {
  const section = ctx.db.select({ currentRevisionId: sections.currentRevisionId }).from(sections).where(eq(sections.id, comment.sectionId)).get();
  if (!section?.currentRevisionId) throw notFound();
  const current = getRevision(ctx, section.currentRevisionId);
  const since = ctx.db
    .select({ id: revisions.id, note: revisions.note, createdAt: revisions.createdAt })
    .from(revisions)
    .where(and(eq(revisions.sectionId, comment.sectionId), gt(revisions.createdAt, new Date(Date.parse(comment.createdAt)))))
    .orderBy(desc(revisions.createdAt))
    .all()
    .map((r) => ({ id: r.id, note: r.note, createdAt: isoShanghai(r.createdAt) }));
  const mapped = anchorAt(ctx, comment, current.id);
  if (!mapped) return { state: "intact" as const, before: "", exact: current.text.slice(0, 200), after: current.text.length > 200 ? "…" : "", revisions: since };
  return {
    state: mapped.state,
    before: (mapped.start > CONTEXT ? "…" : "") + current.text.slice(Math.max(0, mapped.start - CONTEXT), mapped.start),
    exact: mapped.exact,
    after: current.text.slice(mapped.end, mapped.end + CONTEXT) + (mapped.end + CONTEXT < current.text.length ? "…" : ""),
    revisions: since,
  };
}
