// Organisations: the bureaus, departments, counties and expert bodies that take part (admins manage them).
import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { organizationKinds, organizations } from "~db/schema";
import { newId } from "../lib/id";
import { DomainError, forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { requireAdmin, requiredText } from "./user.server";

export function listOrganizations(ctx: Ctx) {
  if (!can(ctx.user, "read:organization:any")) throw forbidden();
  return ctx.db
    .select({ id: organizations.id, name: organizations.name, fullName: organizations.fullName, kind: organizations.kind })
    .from(organizations)
    .orderBy(asc(organizations.sortOrder), asc(organizations.name))
    .all();
}

export const organizationInput = z.object({
  name: requiredText(60),
  fullName: requiredText(120),
  kind: z.enum(organizationKinds, { errorMap: () => ({ message: "validation.choice" }) }),
});

export function createOrganization(ctx: Ctx, input: unknown) {
  requireAdmin(ctx, "manage:organization:any");
  const values = organizationInput.parse(input);
  return ctx.db.transaction((tx) => {
    if (tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, values.name)).get()) {
      throw new DomainError("conflict", "error.organizationTaken", { name: values.name }, { issues: [{ path: "name", message: "" }] });
    }
    const last = tx.select({ n: count() }).from(organizations).get()?.n ?? 0;
    const id = newId("org");
    tx.insert(organizations)
      .values({ id, ...values, sortOrder: last })
      .run();
    recordAudit(tx, { actorId: ctx.user.id, action: "organization.create", entityType: "organization", entityId: id, data: values });
    return { id };
  });
}

/** Admin list: every user with organisation and state. */
