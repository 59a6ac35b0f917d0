// Groups of similar comments and assignment, against a temporary database with the demo seed.
import { and, eq, inArray, like, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { auditEvents, commentGroups, comments, notifications, organizations, responses, revisions, users } from "~db/schema";
import { adoptionTableRows } from "../../app/lib/adoption-table/rows";
import { newId } from "../../app/lib/id";
import { adoptionInput } from "../../app/models/adoption.server";
import { assignComment, draftingTeam } from "../../app/models/assignment.server";
import { answerGroup, confirmGroup, roundGroups, ungroup } from "../../app/models/comment-group.server";
import { withdrawComment } from "../../app/models/comment-change.server";
import { planIdOfRound } from "../../app/models/plan-access.server";
import { workbenchView, workbenchQuery } from "../../app/models/workbench.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
let roundId = "";
let similar: string[] = [];

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status} ${e.messageKey}`;
    return `thrown: ${(e as Error).name} ${(e as Error).message}`;
  }
}

const auditOf = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "admin", "ganzhou", "sthjj", "gaotai-drafter", "ganzhou-drafter"]) ctx[u] = await ctxFor(db, u);
  const rows = db
    .select({ id: comments.id, roundId: comments.roundId })
    .from(comments)
    .where(like(comments.body, "%北山片区砂石采坑综合整治项目%"))
    .all();
  roundId = rows[0].roundId;
  similar = rows.map((r) => r.id);
});
afterAll(() => cleanup());

describe("proposals", () => {
  it("the demo's three similar comments in the city round are proposed as one group; nothing else is", () => {
    expect(similar).toHaveLength(3);
    const { groups, proposals } = roundGroups(ctx.drafter, roundId);
    expect(groups).toEqual([]);
    expect(proposals).toHaveLength(1);
    expect([...proposals[0].commentIds].sort()).toEqual([...similar].sort());
    expect(proposals[0].reasons).toEqual(["passage", "body"]);
    expect(proposals[0].members.map((m) => m.organization).sort()).toEqual(["市生态环境局", "甘州区", "高台县"].sort());
  });

  it("is for those who see the plan's drafts: a reviewer gets 403", () => {
    expect(code(() => roundGroups(ctx.ganzhou, roundId))).toBe("403 error.forbidden");
    expect(roundGroups(ctx.admin, roundId).proposals).toHaveLength(1);
  });
});

describe("confirming, answering once, ungrouping", () => {
  it("refuses reviewers, other counties' drafters, comments of another round, too few", () => {
    expect(code(() => confirmGroup(ctx.ganzhou, roundId, { commentIds: similar }))).toBe("403 error.forbidden");
    expect(code(() => confirmGroup(ctx["gaotai-drafter"], roundId, { commentIds: similar }))).toBe("403 plan.notYourPlan");
    const other = db.select({ id: comments.id }).from(comments).where(ne(comments.roundId, roundId)).get()!.id;
    expect(code(() => confirmGroup(ctx.drafter, roundId, { commentIds: [similar[0], other] }))).toBe("400 group.otherRound");
    expect(code(() => confirmGroup(ctx.drafter, roundId, { commentIds: [similar[0], "cmt_nothing"] }))).toBe("400 group.otherRound");
    expect(code(() => confirmGroup(ctx.drafter, roundId, { commentIds: [similar[0], similar[0]] }))).toMatch(/^thrown: ZodError/);
    expect(db.select().from(commentGroups).all()).toEqual([]);
  });

  it("a drafter of the plan confirms the group; its comments cannot join another group (409)", () => {
    const before = auditOf("comment_group.create").length;
    const g = confirmGroup(ctx.drafter, roundId, { commentIds: similar });
    expect(
      db
        .select({ groupId: comments.groupId })
        .from(comments)
        .where(inArray(comments.id, similar))
        .all()
        .every((r) => r.groupId === g.id),
    ).toBe(true);
    expect(auditOf("comment_group.create")).toHaveLength(before + 1);
    const another = db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.roundId, roundId), ne(comments.id, similar[0])))
      .all()
      .find((c) => !similar.includes(c.id))!.id;
    expect(code(() => confirmGroup(ctx.drafter, roundId, { commentIds: [similar[0], another] }))).toBe("409 group.alreadyGrouped");
    // confirmed groups are no longer proposed
    const view = roundGroups(ctx.drafter, roundId);
    expect(view.groups.map((x) => x.id)).toEqual([g.id]);
    expect(view.proposals).toEqual([]);
  });

  it("answers the group once: each member gets its own answer, audit event and notice, in one transaction", () => {
    const g = roundGroups(ctx.drafter, roundId).groups[0];
    const otherSection = db
      .select({ id: revisions.id })
      .from(revisions)
      .where(ne(revisions.sectionId, db.select().from(comments).where(eq(comments.id, similar[0])).get()!.sectionId))
      .get()!.id;
    // a bad revision for the members' section: nothing is written for any member
    expect(code(() => answerGroup(ctx.drafter, g.id, { decision: "adopted", reason: "", revisionId: otherSection }))).toBe(
      "400 response.revisionInvalid",
    );
    expect(db.select().from(responses).where(inArray(responses.commentId, similar)).all()).toEqual([]);
    expect(code(() => answerGroup(ctx["ganzhou-drafter"], g.id, { decision: "adopted" }))).toBe("403 plan.notYourPlan");
    expect(code(() => answerGroup(ctx.ganzhou, g.id, { decision: "adopted" }))).toBe("403 error.forbidden");

    const audits = auditOf("comment.respond").length;
    const reason = "已在送审稿中按甘州区、临泽县、高台县分县列明整治面积和估算投资。";
    const done = answerGroup(ctx.drafter, g.id, { decision: "adopted", reason });
    expect([...done.commentIds].sort()).toEqual([...similar].sort());
    const answers = db.select().from(responses).where(inArray(responses.commentId, similar)).all();
    expect(answers).toHaveLength(3);
    for (const a of answers) expect(a).toMatchObject({ decision: "adopted", reason, responderId: ctx.drafter.user.id });
    const events = auditOf("comment.respond").slice(audits);
    expect(events.map((e) => e.entityId).sort()).toEqual([...similar].sort());
    const authors = db
      .select({ authorId: comments.authorId })
      .from(comments)
      .where(inArray(comments.id, similar))
      .all()
      .map((r) => r.authorId);
    const notices = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "response_created"), inArray(notifications.userId, authors)))
      .all();
    // (the demo's authors may have other answers' notices too)
    expect(
      notices
        .map((n) => String(n.data.commentId))
        .filter((id) => similar.includes(id))
        .sort(),
    ).toEqual([...similar].sort());
    expect(
      notices
        .filter((n) => similar.includes(String(n.data.commentId)))
        .map((n) => n.userId)
        .sort(),
    ).toEqual([...authors].sort());
  });

  it("the adoption table keeps three rows, three organisations, the same answer, marked as answered together", () => {
    const rows = adoptionTableRows(adoptionInput(ctx.drafter, roundId)).filter((r) => r.comment.includes("北山片区砂石采坑"));
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.organization).sort()).toEqual(["市生态环境局", "甘州区", "高台县"].sort());
    expect(new Set(rows.map((r) => r.reason)).size).toBe(1);
    expect(rows[0].reason).toContain(`（第 ${rows.map((r) => r.number).join("、")} 条合并答复）`);
    expect(rows.every((r) => r.decision === "采纳")).toBe(true);
  });

  it("ungrouping keeps every answer; a withdrawn comment cannot be grouped (409)", () => {
    const g = roundGroups(ctx.drafter, roundId).groups[0];
    expect(code(() => ungroup(ctx["gaotai-drafter"], g.id))).toBe("403 plan.notYourPlan");
    ungroup(ctx.drafter, g.id);
    expect(db.select().from(commentGroups).where(eq(commentGroups.id, g.id)).get()).toBeUndefined();
    expect(
      db
        .select({ groupId: comments.groupId })
        .from(comments)
        .where(inArray(comments.id, similar))
        .all()
        .every((r) => r.groupId === null),
    ).toBe(true);
    expect(db.select().from(responses).where(inArray(responses.commentId, similar)).all()).toHaveLength(3);
    expect(auditOf("comment_group.delete").at(-1)).toMatchObject({ entityId: g.id });
    expect(code(() => ungroup(ctx.drafter, g.id))).toBe("404 error.notFound");

    const ganzhouComment = db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.roundId, roundId), eq(comments.authorId, ctx.ganzhou.user.id)))
      .all()
      .find((c) => c.id !== undefined && !similar.includes(c.id));
    const mine =
      ganzhouComment?.id ??
      similar.find((id) => db.select().from(comments).where(eq(comments.id, id)).get()!.authorId === ctx.ganzhou.user.id)!;
    withdrawComment(ctx.ganzhou, mine);
    const sthjjComment = similar.find((id) => db.select().from(comments).where(eq(comments.id, id)).get()!.authorId === ctx.sthjj.user.id)!;
    expect(code(() => confirmGroup(ctx.drafter, roundId, { commentIds: [mine, sthjjComment] }))).toBe("409 comment.withdrawn");
  });
});

describe("assignment", () => {
  let second = "";
  let retired = "";
  beforeAll(() => {
    // a second and a disabled member of the city's drafting team
    const team = db.select({ organizationId: users.organizationId }).from(users).where(eq(users.username, "drafter")).get()!.organizationId;
    for (const [username, disabled] of [
      ["drafter2", false],
      ["drafter-old", true],
    ] as const) {
      const id = newId("usr");
      db.insert(users)
        .values({
          id,
          username,
          displayName: username === "drafter2" ? "李文静" : "已调离人员",
          title: "",
          passwordHash: "x",
          role: "drafter",
          organizationId: team,
          disabledAt: disabled ? new Date() : null,
        })
        .run();
      if (disabled) retired = id;
      else second = id;
    }
  });

  it("the plan's drafting team is its drafting organisation's active drafters", () => {
    const planId = planIdOfRound(db, roundId)!;
    expect(
      draftingTeam(db, planId)
        .map((u) => u.username)
        .sort(),
    ).toEqual(["drafter", "drafter2"]);
  });

  it("assigns to a team member, tells them, audits it; the filter and the counts follow", () => {
    const commentId = similar[1];
    const audits = auditOf("comment.assign").length;
    expect(assignComment(ctx.drafter, commentId, { assigneeId: second })).toEqual({ commentId, assigneeId: second });
    expect(db.select().from(comments).where(eq(comments.id, commentId)).get()).toMatchObject({ assigneeId: second });
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, second), eq(notifications.kind, "comment_assigned")))
        .all()
        .map((n) => n.data.commentId),
    ).toEqual([commentId]);
    expect(auditOf("comment.assign")).toHaveLength(audits + 1);
    expect(JSON.parse(auditOf("comment.assign").at(-1)!.data)).toEqual({ from: null, to: second });

    assignComment(ctx.drafter, similar[2], { assigneeId: ctx.drafter.user.id });
    const query = (assignee: string) => workbenchView(ctx.drafter, roundId, workbenchQuery(new URLSearchParams({ assignee })));
    expect(query("me").rows.map((r) => r.id)).toEqual([similar[2]]);
    expect(query(second).rows.map((r) => r.id)).toEqual([commentId]);
    const counts = query("").counts;
    expect(counts.assignees.find((a) => a.id === second)).toMatchObject({ name: "李文静", total: 1 });
    expect(counts.assignees.find((a) => a.me)).toMatchObject({ total: 1 });
    expect(counts.assignees.find((a) => a.id === "none")!.total).toBe(counts.all - 2);
    // taking it away
    assignComment(ctx.drafter, commentId, { assigneeId: null });
    expect(query(second).rows).toEqual([]);
  });

  it("refuses anyone outside the team (400), reviewers and other plans' drafters (403)", () => {
    const commentId = similar[1];
    const bureau = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, "张掖市自然资源局")).get()!.id;
    expect(bureau).toBeTruthy();
    for (const outsider of [userId(db, "ganzhou-drafter"), userId(db, "ganzhou"), userId(db, "admin"), retired, "usr_nobody"]) {
      expect(code(() => assignComment(ctx.drafter, commentId, { assigneeId: outsider }))).toBe("400 assignment.notTeamMember");
    }
    expect(code(() => assignComment(ctx.drafter, commentId, { assigneeId: 42 }))).toMatch(/^thrown: ZodError/);
    expect(code(() => assignComment(ctx.ganzhou, commentId, { assigneeId: ctx.drafter.user.id }))).toBe("403 error.forbidden");
    expect(code(() => assignComment(ctx["ganzhou-drafter"], commentId, { assigneeId: userId(db, "ganzhou-drafter") }))).toBe(
      "403 plan.notYourPlan",
    );
    expect(db.select().from(comments).where(eq(comments.id, commentId)).get()!.assigneeId).toBeNull();
  });
});
