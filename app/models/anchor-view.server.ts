// Where a comment's passage is in another revision of its section (anchors follow the text).
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { comments, organizations, responses, revisions, sections } from "../../db/schema";
import type { TextAnchor } from "../lib/anchoring/anchor";
import { mapAnchor, mapAnchors } from "../lib/anchoring/map-anchor";
import { isoShanghai } from "../lib/time";
import { notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { getRevision } from "./revision.server";
import { planIdOfSection, seesDrafts } from "./plan-access.server";

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

/**
 * Every comment ever made on a section (all rounds), placed on the given revision: the diff is computed
 * once per revision the comments were written on. For those who see whole rounds (drafters, admins, experts).
 */
export function commentsOnRevision(ctx: Ctx, sectionId: string, revisionId: string) {
  if (ctx.user.role !== "expert" && !seesDrafts(ctx, planIdOfSection(ctx.db, sectionId))) return [];
  const target = getRevision(ctx, revisionId);
  const rows = ctx.db
    .select({ c: comments, orgName: organizations.name, decision: responses.decision })
    .from(comments)
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .leftJoin(responses, eq(responses.commentId, comments.id))
    .where(and(eq(comments.sectionId, sectionId), isNull(comments.withdrawnAt)))
    .orderBy(asc(comments.createdAt))
    .all();
  const texts = new Map<string, string>();
  const textOf = (id: string) => {
    if (!texts.has(id)) texts.set(id, ctx.db.select({ text: revisions.text }).from(revisions).where(eq(revisions.id, id)).get()?.text ?? "");
    return texts.get(id)!;
  };
  const byRevision = new Map<string, typeof rows>();
  for (const r of rows) byRevision.set(r.c.revisionId, [...(byRevision.get(r.c.revisionId) ?? []), r]);
  const out = [];
  for (const [from, group] of byRevision) {
    const anchored = group.filter((g) => g.c.anchorExact !== null);
    const anchors = anchored.map((g) => ({ exact: g.c.anchorExact!, prefix: g.c.anchorPrefix ?? "", suffix: g.c.anchorSuffix ?? "", start: g.c.anchorStart!, end: g.c.anchorEnd! }));
    const mapped = from === target.id ? anchors.map((a) => ({ start: a.start, end: a.end, exact: a.exact, state: "intact" as const })) : mapAnchors(textOf(from), target.text, anchors);
    for (const g of group) {
      const i = anchored.indexOf(g);
      out.push({ id: g.c.id, roundId: g.c.roundId, organization: g.orgName, category: g.c.category, body: g.c.body, quote: g.c.anchorExact, decision: g.decision, at: i >= 0 ? mapped[i] : null });
    }
  }
  return out.sort((a, b) => (a.at?.start ?? -1) - (b.at?.start ?? -1));
}
