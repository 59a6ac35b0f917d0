// `ADMIN_PASSWORD=… npm run admin:create -- --username U --name N [--organization O]`
// Creates an administrator (and the bureau organisation if missing) in DATABASE_PATH: the way to
// start a production database that has no demo data.
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { newId } from "../app/lib/id";
import { recordAudit } from "../app/models/audit.server";
import { hashPassword } from "../app/utils/auth.server";
import { passwordProblem } from "../app/utils/password-policy";
import { databasePath, openDatabase } from "~db/client";
import { organizations, users } from "~db/schema";

const { values } = parseArgs({
  options: { username: { type: "string" }, name: { type: "string" }, organization: { type: "string", default: "张掖市自然资源局" } },
});
const password = process.env.ADMIN_PASSWORD ?? "";
const username = (values.username ?? "").trim().toLowerCase();
if (!/^[a-z0-9_-]{3,32}$/.test(username) || !values.name) {
  console.error("usage: ADMIN_PASSWORD=… npm run admin:create -- --username U --name N [--organization O]");
  process.exit(2);
}
const problem = passwordProblem(password, username);
if (problem) {
  console.error(`ADMIN_PASSWORD is not acceptable: ${problem} (at least 10 characters, not the username)`);
  process.exit(2);
}
const passwordHash = await hashPassword(password);
const db = openDatabase(databasePath());
try {
  db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) throw new Error(`user ${username} exists`);
    let org = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, values.organization!)).get();
    if (!org) {
      org = { id: newId("org") };
      tx.insert(organizations).values({ id: org.id, name: values.organization!, fullName: values.organization!, kind: "bureau" }).run();
      recordAudit(tx, {
        actorId: null,
        action: "organization.create",
        entityType: "organization",
        entityId: org.id,
        data: { name: values.organization },
      });
    }
    const id = newId("usr");
    tx.insert(users).values({ id, username, displayName: values.name!, passwordHash, role: "admin", organizationId: org.id }).run();
    recordAudit(tx, { actorId: null, action: "user.create", entityType: "user", entityId: id, data: { username, role: "admin" } });
  });
  console.log(`administrator ${username} created in ${databasePath()}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
