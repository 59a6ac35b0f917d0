// Plans, drafters and approvals that the key-project tests build for themselves, so they hold with the
// demo seed of one plan or of seven.
import { hashSync } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Db, DbOrTx } from "~db/client";
import { approvalRequests, approvals, auditEvents, documents, editions, organizations, plans, users } from "~db/schema";
import { newId } from "../../app/lib/id";
import { DomainError } from "../../app/utils/errors";

const ARGON2 = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;
let passwordHash: string | null = null;

function orgId(db: DbOrTx, name: string, kind: "bureau" | "county_bureau" | "drafting_team"): string {
  const found = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get();
  if (found) return found.id;
  const id = newId("org");
  db.insert(organizations).values({ id, name, fullName: name, kind, sortOrder: 100 }).run();
  return id;
}

/** A user with the demo password, created when the seed does not have it. */
export function ensureUser(
  db: DbOrTx,
  username: string,
  role: "drafter" | "coordinator" | "reviewer",
  organization: { name: string; kind: "bureau" | "county_bureau" | "drafting_team" },
): string {
  const found = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  if (found) return found.id;
  passwordHash ??= hashSync("zhangye-2021", ARGON2);
  const id = newId("usr");
  db.insert(users)
    .values({ id, username, displayName: username, passwordHash, role, organizationId: orgId(db, organization.name, organization.kind) })
    .run();
  return id;
}

/** 张掖市自然资源局's coordinator `zrj` (seeded once the two-level demo lands). */
export const ensureZrj = (db: DbOrTx) => ensureUser(db, "zrj", "coordinator", { name: "张掖市自然资源局", kind: "bureau" });

function cityPlanId(db: DbOrTx): string {
  return db.select({ id: plans.id }).from(plans).where(eq(plans.level, "city")).get()!.id;
}

/**
 * A county-level plan of its own (not one of the seven demo plans), drafted by `<key>-bureau` whose drafter
 * is `<key>-drafter`.
 */
export function makeCountyPlan(db: DbOrTx, key: string, region: string): { planId: string; drafter: string; organizationId: string } {
  const organizationId = orgId(db, `${region}自然资源局（${key}）`, "county_bureau");
  const drafter = `${key}-drafter`;
  ensureUser(db, drafter, "drafter", { name: `${region}自然资源局（${key}）`, kind: "county_bureau" });
  const owner = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, "bureau")).get()!.id;
  const planId = newId("plan");
  db.insert(plans)
    .values({
      id: planId,
      title: `${region}国土空间生态修复规划（2021—2035年）〔${key}〕`,
      level: "county",
      parentPlanId: cityPlanId(db),
      region,
      periodStart: 2021,
      periodEnd: 2035,
      ownerOrganizationId: owner,
      draftingOrganizationId: organizationId,
      stage: "drafting",
    })
    .run();
  return { planId, drafter, organizationId };
}

/** Records the people's government's approval of a 报批稿 edition of the plan, as the approval module will. */
export function approvePlan(db: DbOrTx, planId: string, byUserId: string): { editionId: string; manifestHash: string; label: string } {
  const documentId = newId("doc");
  db.insert(documents).values({ id: documentId, planId, kind: "text", title: "规划文本" }).run();
  const editionId = newId("ed");
  const manifestHash = Buffer.from(newId("h").repeat(4)).toString("hex").slice(0, 64);
  const label = "报批稿";
  db.insert(editions).values({ id: editionId, documentId, label, manifestHash, publishedById: byUserId, publishedAt: new Date() }).run();
  const requestId = newId("apr");
  db.insert(approvalRequests).values({ id: requestId, planId, editionId, requestedById: byUserId, requestedAt: new Date() }).run();
  db.insert(approvals)
    .values({
      id: newId("apv"),
      planId,
      requestId,
      editionId,
      authority: "张掖市人民政府",
      documentNumber: "张政函〔2021〕85号",
      approvedOn: "2021-12-18",
      recordedById: byUserId,
      recordedAt: new Date(),
    })
    .run();
  return { editionId, manifestHash, label };
}

export function countRows(db: Db, table: "projects" | "project_imports", planId?: string): number {
  const where = planId ? " where plan_id = ?" : "";
  const row = db.$client.prepare(`select count(*) as n from ${table}${where}`).get(...(planId ? [planId] : [])) as { n: number };
  return row.n;
}

// ─── what the key-project tests build and check with ────────────────────────────────────────────

/** A project's fields, valid unless overridden. */
export const input = (over: Record<string, unknown> = {}) => ({
  name: "黑河湿地保护修复工程",
  type: "river_wetland",
  county: "甘州区",
  township: "党寨镇",
  areaHa: 1200.5,
  investmentWan: 3000,
  period: "2021-2025",
  ...over,
});

/** The DomainError `fn` throws. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}
/** The fields a ZodError names, as "path:message". */
export function zodPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    throw e;
  }
  throw new Error("expected a ZodError");
}
/** The DomainError a promise rejects with. */
export async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}
/** An upload of a file's bytes. */
export const upload = (bytes: Uint8Array, name = "projects.xlsx") => ({ name, bytes });
/** The audit events of one action on one entity. */
export const auditOf = (db: Db, action: string, entityId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .all();
