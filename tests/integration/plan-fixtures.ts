// Builds county plans (市县两级) in a test database: an organisation that drafts the plan, its drafter,
// the plan under the city plan with its stage dates, and a published edition of a one-section plan
// text, all through the domain functions where they exist (rows for the rest).
import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { organizations, plans, planStages, users } from "~db/schema";
import type { StageKey } from "~db/schema/enums";
import { newId } from "../../app/lib/id";
import { addDays, shanghaiDate } from "../../app/lib/time";
import { publishEdition } from "../../app/models/edition.server";
import { addSection } from "../../app/models/section.server";
import { createDocument } from "../../app/models/document.server";
import type { Ctx } from "../../app/utils/session.server";
import { ctxFor } from "./helpers";

const DAY = 86_400_000;

export function cityPlanId(db: Db): string {
  return db.select({ id: plans.id }).from(plans).where(eq(plans.level, "city")).get()!.id;
}

export function orgId(db: Db, name: string): string {
  return db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get()!.id;
}

/** A user of the given role in an organisation, with the demo password. */
export function addUser(db: Db, username: string, role: (typeof users.$inferInsert)["role"], organizationId: string): string {
  const passwordHash = db.select({ h: users.passwordHash }).from(users).where(eq(users.username, "drafter")).get()!.h;
  const id = newId("usr");
  db.insert(users).values({ id, username, displayName: username, passwordHash, role, organizationId }).run();
  return id;
}

/** Stage dates around today: the given stage's deadline is `dueInDays` from today (negative: past). */
export function stagesAround(stage: StageKey, dueInDays: number, today = shanghaiDate(Date.now())) {
  const order: StageKey[] = ["launch", "drafting", "consultation", "approval", "filing"];
  const i = order.indexOf(stage);
  // each stage lasts 20 days; the current one ends dueInDays from today
  return order.map((s, j) => {
    const dueOn = addDays(today, dueInDays + (j - i) * 20);
    return { stage: s, startsOn: addDays(dueOn, -19), dueOn };
  });
}

export interface CountyPlan {
  planId: string;
  organizationId: string;
  drafter: Ctx;
  documentId: string;
  sectionId: string;
  editionId: string;
}

/**
 * A county plan drafted by a new county bureau, `sortOrder` placing it among the counties. Its drafter
 * publishes a 征求意见稿 of a one-chapter plan text (unless `publish: false`).
 */
export async function addCountyPlan(
  db: Db,
  o: { key: string; region: string; stage: StageKey; dueInDays: number; sortOrder: number; publish?: boolean },
): Promise<CountyPlan> {
  const organizationId = newId("org");
  db.insert(organizations)
    .values({
      id: organizationId,
      name: `${o.region}自然资源局（测试）`,
      fullName: `${o.region}自然资源局`,
      kind: "county_bureau",
      sortOrder: o.sortOrder,
    })
    .run();
  const username = `${o.key}-test-drafter`;
  addUser(db, username, "drafter", organizationId);
  const planId = newId("plan");
  db.insert(plans)
    .values({
      id: planId,
      title: `${o.region}国土空间生态修复规划（2021—2035年）`,
      level: "county",
      parentPlanId: cityPlanId(db),
      region: o.region,
      periodStart: 2021,
      periodEnd: 2035,
      ownerOrganizationId: organizationId,
      draftingOrganizationId: organizationId,
      stage: o.stage,
      createdAt: new Date(Date.now() - 100 * DAY),
    })
    .run();
  for (const s of stagesAround(o.stage, o.dueInDays))
    db.insert(planStages)
      .values({ planId, ...s })
      .run();
  const drafter = await ctxFor(db, username);
  const { id: documentId } = createDocument(drafter, planId, { title: "规划文本", kind: "text" });
  const { id: sectionId } = addSection(drafter, documentId, { title: "总则" });
  const editionId = o.publish === false ? "" : publishEdition(drafter, documentId, { label: "征求意见稿" }).id;
  return { planId, organizationId, drafter, documentId, sectionId, editionId };
}
