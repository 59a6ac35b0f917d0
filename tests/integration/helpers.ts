import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { type Db, openDatabase } from "~db/client";
import { users } from "~db/schema";
import { seedDemo } from "~db/seed";
import { login } from "../../app/models/auth.server";
import { type SessionUser, validateSession } from "../../app/utils/auth.server";
import type { Ctx } from "../../app/utils/session.server";

/** A fresh, migrated, seeded SQLite file in a temporary folder. */
export function createTestDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-test-"));
  const file = path.join(dir, "portal.db");
  const db = openDatabase(file);
  seedDemo(db);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A context for calling domain functions as one of the demo users. */
export async function ctxFor(db: Db, username: string): Promise<Ctx> {
  const { setCookie } = await login(db, { username, password: "zhangye-2021", ip: `10.0.0.${username.length}` });
  const sessionId = /portal_session=([^;]+)/.exec(setCookie)![1];
  const user = (await validateSession(db, sessionId)) as SessionUser;
  return { db, user };
}

export function userId(db: Db, username: string): string {
  return db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
}
