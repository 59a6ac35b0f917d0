// Every session function lives here, so Lucia v3 (no longer developed) can be swapped for
// hand-written sessions without touching anything else.
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { hash } from "@node-rs/argon2";
import { eq, inArray, sql } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import type { Db, DbOrTx } from "~db/client";
import { type Locale, organizations, type Role, sessions, users } from "~db/schema";
import { config } from "./config.server";
import { perConnection } from "./prepared.server";

export const SESSION_COOKIE = "portal_session";
/**
 * The session cookie's name: under https (ORIGIN https://…) with the `__Host-` prefix, which browsers
 * accept only with Secure, Path=/ and no Domain, so a sibling host or an http page cannot set or
 * shadow it.
 */
export function sessionCookieName(): string {
  return config.secureCookies ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}
export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** The idle deadline is pushed forward at most this often, to spare a write per request. */
const EXTEND_EVERY_MS = 5 * 60 * 1000;

export const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: Locale;
  organization: { id: string; name: string; kind: string };
}

const lucias = new WeakMap<Db, Lucia>();
function luciaFor(db: Db) {
  let lucia = lucias.get(db);
  if (!lucia) {
    lucia = new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
      sessionExpiresIn: new TimeSpan(IDLE_TIMEOUT_MS / 1000, "s"),
      sessionCookie: { name: sessionCookieName(), expires: false, attributes: { sameSite: "lax", secure: config.secureCookies } },
    });
    lucias.set(db, lucia);
  }
  return lucia;
}

/** The cookie lives as long as the absolute lifetime; the server enforces the idle timeout. */
function sessionCookieHeader(sessionId: string): string {
  const parts = [`${sessionCookieName()}=${sessionId}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${ABSOLUTE_LIFETIME_MS / 1000}`];
  if (config.secureCookies) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookieHeader(): string {
  const parts = [`${sessionCookieName()}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (config.secureCookies) parts.push("Secure");
  return parts.join("; ");
}

export function sessionIdFrom(request: Request): string | null {
  return sessionIdFromCookie(request.headers.get("Cookie"));
}

/** The session id in a Cookie header, or null. */
export function sessionIdFromCookie(cookie: string | null | undefined): string | null {
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === sessionCookieName()) return rest.join("=") || null;
  }
  return null;
}

/** The columns a session's user is made of (with users joined to organizations). */
const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  locale: users.locale,
  disabledAt: users.disabledAt,
  orgId: organizations.id,
  orgName: organizations.name,
  orgKind: organizations.kind,
};

function loadSessionUser(db: Db, userId: string): (SessionUser & { disabledAt: Date | null }) | null {
  const row = db
    .select(sessionUserColumns)
    .from(users)
    .innerJoin(organizations, eq(users.organizationId, organizations.id))
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  const { orgId, orgName, orgKind, ...user } = row;
  return { ...user, organization: { id: orgId, name: orgName, kind: orgKind } };
}

/**
 * The session with its user and organisation, in one query prepared once per connection: every request
 * of a logged-in user asks it.
 */
const sessionQuery = perConnection((db) =>
  db
    .select({
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      ...sessionUserColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(organizations, eq(users.organizationId, organizations.id))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * The user behind a session id, or null. Ends sessions that are idle for 12 h, older than 7 days,
 * or belong to a disabled user. The idle deadline is written at most every 5 minutes, not per request.
 */
export async function validateSession(db: Db, sessionId: string | null, now = Date.now()): Promise<SessionUser | null> {
  if (!sessionId) return null;
  const row = sessionQuery(db).get({ id: sessionId });
  if (!row) return null;
  if (now - row.createdAt > ABSOLUTE_LIFETIME_MS || row.expiresAt * 1000 <= now || row.disabledAt) {
    await luciaFor(db).invalidateSession(sessionId);
    return null;
  }
  const idleDeadline = Math.floor((now + IDLE_TIMEOUT_MS) / 1000);
  if (idleDeadline * 1000 - row.expiresAt * 1000 >= EXTEND_EVERY_MS) {
    db.update(sessions).set({ expiresAt: idleDeadline }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    locale: row.locale,
    organization: { id: row.orgId, name: row.orgName, kind: row.orgKind },
  };
}

/**
 * Starts a session for a user whose password was just checked: ends the caller's previous session first
 * (a new id at every login). Returns the user and the Set-Cookie header.
 */
export async function startSession(
  db: Db,
  userId: string,
  input: { previousSessionId?: string | null; ip: string; userAgent?: string; now: number },
): Promise<{ user: SessionUser; setCookie: string }> {
  const lucia = luciaFor(db);
  if (input.previousSessionId) await lucia.invalidateSession(input.previousSessionId);
  const session = await lucia.createSession(userId, {
    createdAt: input.now,
    ip: input.ip,
    userAgent: (input.userAgent ?? "").slice(0, 300),
  });
  const { disabledAt: _, ...sessionUser } = loadSessionUser(db, userId)!;
  return { user: sessionUser, setCookie: sessionCookieHeader(session.id) };
}

/** Ends one session (logout). */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  await luciaFor(db).invalidateSession(sessionId);
}

/** Ends every session of the given users at once (disable, password reset). */
export function endSessionsOf(db: DbOrTx, userIds: string[]): void {
  if (userIds.length) db.delete(sessions).where(inArray(sessions.userId, userIds)).run();
}

declare module "lucia" {
  interface Register {
    DatabaseSessionAttributes: { createdAt: number; ip: string; userAgent: string };
    DatabaseUserAttributes: Record<string, never>;
  }
}
