import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { locales, organizations, roles, users } from "~db/schema";
import { newId } from "../lib/id";
import { endSessionsOf, hashPassword } from "../utils/auth.server";
import { DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { passwordProblem } from "../utils/password-policy";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";

export const requiredText = (max: number) =>
  z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, `validation.tooLong|${max}`);

export function requireAdmin(ctx: Ctx, permission: "manage:user:any" | "manage:organization:any") {
  if (!can(ctx.user, permission)) throw forbidden();
}

/** The accounts a demo's login page lists (DEMO_SEED=1 only), in the order they were created. */
export function demoAccounts(db: DbOrTx) {
  return db
    .select({ username: users.username, role: users.role, displayName: users.displayName })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(sql`rowid`)
    .all();
}

export function listUsers(ctx: Ctx) {
  requireAdmin(ctx, "manage:user:any");
  return ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      title: users.title,
      role: users.role,
      disabledAt: users.disabledAt,
      organizationId: organizations.id,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(organizations, eq(users.organizationId, organizations.id))
    .orderBy(asc(organizations.sortOrder), asc(users.username))
    .all();
}

const password = z.string({ required_error: "validation.required" }).superRefine((value, c) => {
  const problem = passwordProblem(value);
  if (problem) c.addIssue({ code: "custom", message: `validation.password.${problem}` });
});

export const userInput = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_-]{3,32}$/, "validation.username"),
    displayName: requiredText(40),
    title: z.string().trim().max(60, "validation.tooLong|60").default(""),
    role: z.enum(roles, { errorMap: () => ({ message: "validation.choice" }) }),
    organizationId: z.string().min(1, "validation.choice"),
    password,
  })
  .superRefine((v, c) => {
    if (passwordProblem(v.password, v.username) === "same_as_username")
      c.addIssue({ code: "custom", path: ["password"], message: "validation.password.same_as_username" });
  });

export async function createUser(ctx: Ctx, input: unknown) {
  requireAdmin(ctx, "manage:user:any");
  const values = userInput.parse(input);
  const passwordHash = await hashPassword(values.password);
  return ctx.db.transaction((tx) => {
    if (!tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, values.organizationId)).get()) {
      throw invalid([{ path: "organizationId", message: "validation.choice" }]);
    }
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, values.username)).get()) {
      throw new DomainError(
        "conflict",
        "error.usernameTaken",
        { username: values.username },
        { issues: [{ path: "username", message: "" }] },
      );
    }
    const id = newId("usr");
    const { password: _, ...rest } = values;
    tx.insert(users)
      .values({ id, ...rest, passwordHash })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "user.create",
      entityType: "user",
      entityId: id,
      data: { username: values.username, role: values.role, organizationId: values.organizationId },
    });
    return { id, username: values.username };
  });
}

function userRow(db: DbOrTx, userId: string) {
  const row = db
    .select({ id: users.id, username: users.username, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) throw notFound();
  return row;
}

/** Disabling ends all the user's sessions in the same transaction. */
export function setUserDisabled(ctx: Ctx, userId: string, disabled: boolean) {
  requireAdmin(ctx, "manage:user:any");
  if (disabled && userId === ctx.user.id) throw new DomainError("conflict", "admin.cannotDisableSelf");
  return ctx.db.transaction((tx) => {
    const row = userRow(tx, userId);
    tx.update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId))
      .run();
    if (disabled) endSessionsOf(tx, [userId]);
    recordAudit(tx, { actorId: ctx.user.id, action: disabled ? "user.disable" : "user.enable", entityType: "user", entityId: userId });
    return { username: row.username };
  });
}

export async function resetPassword(ctx: Ctx, userId: string, input: unknown) {
  requireAdmin(ctx, "manage:user:any");
  const row = userRow(ctx.db, userId);
  const { password: newPassword } = z
    .object({ password })
    .superRefine((v, c) => {
      if (passwordProblem(v.password, row.username) === "same_as_username")
        c.addIssue({ code: "custom", path: ["password"], message: "validation.password.same_as_username" });
    })
    .parse(input);
  const passwordHash = await hashPassword(newPassword);
  ctx.db.transaction((tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId)).run();
    endSessionsOf(tx, [userId]);
    recordAudit(tx, { actorId: ctx.user.id, action: "user.password_reset", entityType: "user", entityId: userId });
  });
  return { username: row.username };
}

export function setLocale(ctx: Ctx, locale: unknown) {
  const value = z.enum(locales).parse(locale);
  ctx.db.update(users).set({ locale: value }).where(eq(users.id, ctx.user.id)).run();
  return value;
}

/** GET /api/v1/me */
export function me(ctx: Ctx) {
  const { id, username, role, displayName, organization } = ctx.user;
  return { id, username, displayName, role, organization };
}

/** The experts who can sit on a review panel (for setting one up). */
export function listExperts(ctx: Ctx) {
  if (!can(ctx.user, "create:review:any")) throw forbidden();
  return ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, title: users.title })
    .from(users)
    .where(and(eq(users.role, "expert"), isNull(users.disabledAt)))
    .orderBy(asc(users.username))
    .all();
}
