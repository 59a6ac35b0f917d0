// Logging in and out: the throttle, the password check, a new session id at every login, audited.
// Sessions themselves (cookie, idle and absolute timeouts) live in utils/auth.server.ts.
import { verify } from "@node-rs/argon2";
import { and, eq, gt, max } from "drizzle-orm";
import type { Db } from "~db/client";
import { loginAttempts, users } from "~db/schema";
import { blankSessionCookieHeader, endSession, hashPassword, type SessionUser, startSession } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { ACCOUNT_MEMORY_MS, accountDecision, addressDecision, THROTTLE_WINDOW_MS } from "~/utils/throttle";
import { recordAudit } from "./audit.server";

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  previousSessionId?: string | null;
}

// Verifying against a fixed hash when the user does not exist keeps the response time the same.
let dummyHash: Promise<string> | null = null;

/**
 * The throttle (see throttle.ts) and the attempt, in one immediate transaction: the attempt is recorded
 * as a failure before the password is checked, so parallel guesses each see the ones before them.
 * Returns the attempt's id, to be marked as a success once the password and the account are good.
 */
function admitAttempt(db: Db, username: string, ip: string, now: number): number {
  return db.transaction(
    (tx) => {
      const addressFailures = tx
        .select({ at: loginAttempts.at })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, now - THROTTLE_WINDOW_MS)))
        .all()
        .map((r) => r.at);
      const lastSuccess = tx
        .select({ at: max(loginAttempts.at) })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.username, username), eq(loginAttempts.succeeded, true)))
        .get()?.at;
      const accountSince = Math.max(now - ACCOUNT_MEMORY_MS, lastSuccess ?? 0);
      const accountFailures = tx
        .select({ at: loginAttempts.at })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.username, username), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, accountSince)))
        .all()
        .map((r) => r.at);
      for (const decision of [accountDecision(accountFailures, now), addressDecision(addressFailures, now)]) {
        if (!decision.allowed) {
          throw new DomainError(
            "too_many_requests",
            "login.throttled",
            { minutes: Math.ceil(decision.retryAfterSeconds / 60) },
            { details: { retryAfterSeconds: decision.retryAfterSeconds } },
          );
        }
      }
      return tx.insert(loginAttempts).values({ username, ip, succeeded: false, at: now }).returning({ id: loginAttempts.id }).get().id;
    },
    { behavior: "immediate" },
  );
}

/**
 * Checks the throttle, the password and the account; on success ends the caller's previous session
 * and starts a new one (a new id at every login). Returns the Set-Cookie header.
 */
export async function login(db: Db, input: LoginInput): Promise<{ user: SessionUser; setCookie: string }> {
  const username = input.username.trim().toLowerCase();
  const now = Date.now();
  const attemptId = admitAttempt(db, username, input.ip, now);

  const row = db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.username, username))
    .get();
  dummyHash ??= hashPassword("not-a-real-password-0");
  let ok = false;
  if (row) ok = await verify(row.passwordHash, input.password);
  else await verify(await dummyHash, input.password);
  if (ok && row && !row.disabledAt) db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId)).run();
  if (!row || !ok) throw new DomainError("unauthorized", "login.failed");
  if (row.disabledAt) throw new DomainError("forbidden", "login.disabled");

  const started = await startSession(db, row.id, {
    previousSessionId: input.previousSessionId,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
  });
  db.transaction((tx) =>
    recordAudit(tx, { actorId: row.id, action: "user.login", entityType: "user", entityId: row.id, data: { ip: input.ip } }),
  );
  return started;
}

export async function logout(db: Db, sessionId: string | null, userId?: string): Promise<string> {
  if (sessionId) {
    await endSession(db, sessionId);
    if (userId) db.transaction((tx) => recordAudit(tx, { actorId: userId, action: "user.logout", entityType: "user", entityId: userId }));
  }
  return blankSessionCookieHeader();
}
