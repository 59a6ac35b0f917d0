// The one place where domain errors become HTTP answers: JSON for /api/v1, error pages for pages.
import { data } from "@remix-run/node";
import { ZodError } from "zod";
import type { Locale } from "~db/schema";
import { type MessageKey, translate } from "~/i18n";
import { DomainError, type FieldIssue, invalid } from "./errors";

export function zodIssues(e: ZodError, locale: Locale): FieldIssue[] {
  return e.issues.map((i) => ({ path: i.path.join("."), message: issueMessage(i, locale) }));
}

/** zod messages are written as i18n keys in our schemas; anything else falls back to a generic text. */
function issueMessage(issue: ZodError["issues"][number], locale: Locale): string {
  const [key, param] = issue.message.split("|") as [MessageKey, string | undefined];
  if (key.includes(".")) return translate(locale, key, param ? { max: param } : {});
  return translate(locale, "error.invalid");
}

export function toDomainError(e: unknown): DomainError | null {
  if (e instanceof DomainError) return e;
  if (e instanceof ZodError) return invalid(e.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return null;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: FieldIssue[] } & Record<string, unknown>;
}

export function errorBody(e: DomainError, locale: Locale, zod?: ZodError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: translate(locale, e.messageKey, e.params),
      ...(zod ? { issues: zodIssues(zod, locale) } : e.extra.issues ? { issues: e.extra.issues } : {}),
    },
    ...(e.extra.details ?? {}),
  } as ErrorBody;
}

/** Headers every answer to a domain error carries, page or API: Retry-After of a throttle, and closing a connection whose body was refused unread. */
export function errorHeaders(domain: DomainError): Record<string, string> {
  const headers: Record<string, string> = {};
  const retry = domain.extra.details?.retryAfterSeconds;
  if (domain.code === "too_many_requests" && typeof retry === "number") headers["Retry-After"] = String(retry);
  // the rest of a refused body is not read: close the connection rather than leave it unusable
  if (domain.code === "too_large") headers.Connection = "close";
  return headers;
}

/** The documented JSON error response (docs/API.md); unexpected errors are logged and answered with 500. */
export function apiErrorResponse(e: unknown, locale: Locale): Response {
  if (e instanceof Response) return e;
  const { status, headers, body } = apiErrorAnswer(e, locale);
  return Response.json(body, { status, headers });
}

/** apiErrorResponse's status, headers and JSON body, for a caller that writes the answer itself (server.mjs's hot path). */
export function apiErrorAnswer(e: unknown, locale: Locale): { status: number; headers: Record<string, string>; body: unknown } {
  const domain = toDomainError(e);
  if (!domain) {
    console.error(e);
    return { status: 500, headers: {}, body: { error: { code: "internal", message: translate(locale, "error.server") } } };
  }
  // errorBody puts the details (e.g. currentRevisionId of a stale save) beside `error`
  return { status: domain.status, headers: errorHeaders(domain), body: errorBody(domain, locale, e instanceof ZodError ? e : undefined) };
}

/** For pages: a domain error is thrown on as an error response that the ErrorBoundary shows. */
export function rethrowForPage(e: unknown, locale: Locale): never {
  const domain = toDomainError(e);
  if (!domain) throw e;
  throw data({ code: domain.code, message: translate(locale, domain.messageKey, domain.params) }, { status: domain.status });
}

export function clientIp(request: Request): string {
  // server.mjs puts the socket address here; forwarded headers are only trusted behind a proxy it trusts
  return request.headers.get("x-portal-client-ip") ?? "unknown";
}
