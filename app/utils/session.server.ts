import { redirect } from "@remix-run/node";
import type { Db } from "~db/client";
import type { Locale } from "~db/schema";
import { isLocale, localeFromAcceptLanguage } from "~/i18n";
import { safeRedirect } from "~/lib/safe-redirect";
import { type SessionUser, sessionIdFrom, sessionIdFromCookie, validateSession } from "./auth.server";
import { config } from "./config.server";
import { getDb } from "./db.server";
import { unauthorized } from "./errors";

/** What every domain function receives: the database and who is asking. */
export interface Ctx {
  db: Db;
  user: SessionUser;
}

export const LANG_COOKIE = "portal_lang";

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return validateSession(getDb(), sessionIdFrom(request));
}

/** Pages: the logged-in user, or a redirect to the login page that comes back here. */
export async function requireUser(request: Request): Promise<Ctx> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return { db: getDb(), user };
}

/** API: the logged-in user, or a 401 domain error. */
export async function requireApiUser(request: Request): Promise<Ctx> {
  return apiCtxFromCookie(request.headers.get("Cookie"));
}

/** API: the logged-in user behind a Cookie header (server.mjs's hot path has no Request), or a 401 domain error. */
export async function apiCtxFromCookie(cookie: string | null | undefined): Promise<Ctx> {
  const db = getDb();
  const user = await validateSession(db, sessionIdFromCookie(cookie));
  if (!user) throw unauthorized();
  return { db, user };
}

/** A logged-in user's saved language, else the language cookie, else the browser's preference. */
export function requestLocale(request: Request, user: SessionUser | null): Locale {
  if (user) return user.locale;
  return localeFromHeaders(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
}

const LANG_COOKIE_RE = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]+)`);

/** Without a user: the language cookie, else the browser's preference (Accept-Language). */
export function localeFromHeaders(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const match = LANG_COOKIE_RE.exec(cookie ?? "");
  const fromCookie = match ? decodeURIComponent(match[1]) : null;
  return isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage(acceptLanguage ?? null);
}

/** Only paths on the portal's own origin (ORIGIN): an open redirect must not start at our login page. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return safeRedirect(to, config.origin, fallback);
}
