// The demo data the README describes: organisations, accounts, the Zhangye city plan with its stages, its
// documents and their sections, a published 征求意见稿, an open consultation round and a review;
// then the six county plans at their different points of the road to filing (counties.ts).
import { hashSync } from "@node-rs/argon2";
import { count } from "drizzle-orm";
import { newId } from "../../app/lib/id";
import { addDays, shanghaiDate, shanghaiInstant } from "../../app/lib/time";
import { recordAudit } from "../../app/models/audit.server";
import { bindEveryRow } from "../../app/models/row-binding.server";
import type { Db, Tx } from "../client";
import * as s from "../schema";
import { commentAs, passage, replyAs, submitAs, whileOpen } from "./as-users";
import { demoComments } from "./comments";
import { seedCountyPlans } from "./counties";
import { seedIndicators, seedProjects } from "./plan-rows";
import { DAY, type SeededSection, seedDocument, seedEdition } from "./documents";
import { cityIndicators, cityProjects } from "./plan-data";
import { DEMO_PASSWORD, demoOrganizations, demoUsers } from "./organizations";
import { otherDocuments } from "./other-documents";
import { planText } from "./plan-text";

export { DEMO_PASSWORD, demoUsers };
const ARGON2 = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(s.organizations).get()?.n ?? 0) === 0;
}

/**
 * The stage schedule keeps the work plan's order and lengths (launch 2 months, drafting 3 months,
 * consultation about a month, approval by the 20th, filing 10 days later) but is placed around the
 * seeding day, so the demo is live: consultation is under way with about three weeks left.
 * The work plan's own 2021 dates are kept in each stage's note.
 */
export function demoStages(today: string) {
  const consultationStart = addDays(today, -12);
  const consultationDue = addDays(today, 18);
  const draftingStart = addDays(consultationStart, -92);
  const launchStart = addDays(draftingStart, -61);
  const approvalDue = addDays(consultationDue, 50);
  return [
    { stage: "launch" as const, startsOn: launchStart, dueOn: addDays(draftingStart, -1), note: "工作方案安排：2021年5月—6月" },
    { stage: "drafting" as const, startsOn: draftingStart, dueOn: addDays(consultationStart, -1), note: "工作方案安排：2021年7月—9月" },
    { stage: "consultation" as const, startsOn: consultationStart, dueOn: consultationDue, note: "工作方案安排：2021年10月" },
    {
      stage: "approval" as const,
      startsOn: addDays(consultationDue, 1),
      dueOn: approvalDue,
      note: "工作方案安排：12月20日前报市人民政府审批",
    },
    {
      stage: "filing" as const,
      startsOn: addDays(approvalDue, 1),
      dueOn: addDays(approvalDue, 10),
      note: "工作方案安排：12月30日前报市自然资源局备案",
    },
  ];
}

export function seedDemo(db: Db, { now = Date.now() } = {}): { planId: string } {
  const passwordHash = hashSync(DEMO_PASSWORD, ARGON2);
  const today = shanghaiDate(now);
  return db.transaction((tx) => {
    const orgIds = new Map<string, string>();
    demoOrganizations.forEach((o, i) => {
      const id = newId("org");
      orgIds.set(o.key, id);
      tx.insert(s.organizations).values({ id, name: o.name, fullName: o.fullName, kind: o.kind, sortOrder: i }).run();
    });
    const userIds = new Map<string, string>();
    for (const u of demoUsers) {
      const id = newId("usr");
      userIds.set(u.username, id);
      tx.insert(s.users)
        .values({
          id,
          username: u.username,
          displayName: u.displayName,
          title: u.title,
          passwordHash,
          role: u.role,
          organizationId: orgIds.get(u.org)!,
        })
        .run();
    }
    const drafterId = userIds.get("drafter")!;

    const planId = newId("plan");
    tx.insert(s.plans)
      .values({
        id: planId,
        title: "张掖市国土空间生态修复规划（2021—2035年）",
        level: "city",
        region: "张掖市",
        periodStart: 2021,
        periodEnd: 2035,
        ownerOrganizationId: orgIds.get("bureau")!,
        draftingOrganizationId: orgIds.get("drafting")!,
        stage: "consultation",
        createdAt: new Date(now - 160 * DAY),
      })
      .run();
    for (const st of demoStages(today))
      tx.insert(s.planStages)
        .values({ planId, ...st })
        .run();

    seedIndicators(tx, planId, cityIndicators);
    seedProjects(tx, planId, cityProjects, drafterId, new Date(now - 100 * DAY));
    const seeded = [planText, ...otherDocuments].map((doc, i) => seedDocument(tx, planId, doc, i, drafterId, now));

    // The published 征求意见稿 of the plan text.
    const text = seeded[0];
    const editionId = seedEdition(
      tx,
      text,
      "征求意见稿",
      "经编制专班内部审核后形成征求意见稿，送市县两级人民政府及市直有关部门征求意见。",
      drafterId,
      new Date(now - 7 * DAY),
    ).id;

    // An open round inviting the six counties and every city department of the leading group.
    const stages = demoStages(today);
    const consultationDue = stages.find((x) => x.stage === "consultation")!.dueOn;
    const roundId = newId("rnd");
    tx.insert(s.rounds)
      .values({
        id: roundId,
        editionId,
        title: "《张掖市国土空间生态修复规划（2021—2035年）》（征求意见稿）征求意见",
        instructions:
          "请各县区人民政府、市直有关部门结合职责认真研阅，针对具体条款提出修改意见；无意见的也请正式反馈“无意见”。逾期未反馈的视为无意见。",
        visibility: "private",
        opensAt: new Date(now - 6 * DAY),
        closesAt: shanghaiInstant(consultationDue, "18:00"),
        openedById: drafterId,
        createdAt: new Date(now - 6 * DAY),
      })
      .run();
    for (const o of demoOrganizations.filter((x) => x.kind === "county" || x.kind === "department")) {
      tx.insert(s.roundInvitations)
        .values({ roundId, organizationId: orgIds.get(o.key)! })
        .run();
    }

    seedComments(tx, { roundId, sections: text.sections, now });

    // The technical review by the five experts, expert1 in the chair.
    const reviewId = newId("rvw");
    tx.insert(s.reviews)
      .values({
        id: reviewId,
        editionId,
        title: "规划文本（征求意见稿）技术审查",
        chairUserId: userIds.get("expert1")!,
        quorum: 4,
        meetingDate: addDays(consultationDue, -3),
        createdById: drafterId,
        createdAt: new Date(now - 5 * DAY),
      })
      .run();
    for (const n of [1, 2, 3, 4, 5])
      tx.insert(s.reviewExperts)
        .values({ reviewId, userId: userIds.get(`expert${n}`)! })
        .run();

    seedCountyPlans(tx, planId, { orgIds, userIds, now, today });

    // The seed writes the plans' own records directly (backdated) in this one transaction on an empty
    // database, and the consultation through the domain functions (as-users.ts); its last event binds
    // every row of users' content as it finally stands (docs/INTEGRITY.md).
    recordAudit(tx, {
      actorId: null,
      action: "seed.demo",
      entityType: "plan",
      entityId: planId,
      data: { organizations: demoOrganizations.length, users: demoUsers.length, editionId, roundId, reviewId },
      bound: bindEveryRow(tx),
    });
    return { planId };
  });
}

/** The city round's comments, the drafting team's replies and 市发展和改革委员会's formal reply, as those people would write them. */
function seedComments(tx: Tx, args: { roundId: string; sections: SeededSection[]; now: number }) {
  whileOpen(tx, args.roundId, () => {
    demoComments.forEach((c, i) => {
      const section = args.sections.find((s) => s.title === c.section);
      if (!section) throw new Error(`demo comment: no section ${c.section}`);
      const start = c.quote ? section.text.indexOf(c.quote) : -1;
      if (c.quote && start < 0) throw new Error(`demo comment: "${c.quote}" not in ${c.section}`);
      const createdAt = new Date(args.now - (5 - i * 0.5) * DAY);
      const id = commentAs(
        tx,
        c.username,
        args.roundId,
        {
          sectionId: section.id,
          anchor: c.quote ? passage(section.text, start, start + c.quote.length) : null,
          category: c.category,
          body: c.body,
          proposedText: c.proposedText,
        },
        createdAt,
      );
      if (c.reply) replyAs(tx, c.reply.username, id, c.reply.body, new Date(createdAt.getTime() + DAY / 2));
    });
    // 市发展和改革委员会 has already sent its formal reply.
    submitAs(
      tx,
      "fgw",
      args.roundId,
      "经研究，我委对规划文本（征求意见稿）提出意见 1 条，详见平台意见清单。",
      new Date(args.now - 1 * DAY),
    );
  });
}
