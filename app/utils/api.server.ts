import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "./errors";
import { apiErrorResponse } from "./http.server";
import { type Ctx, requestLocale, requireApiUser } from "./session.server";

type Handler = (ctx: Ctx, args: LoaderFunctionArgs | ActionFunctionArgs) => unknown | Promise<unknown>;

/**
 * A `/api/v1` resource route: who is asking (401 if nobody) → the domain call → JSON.
 * Every error goes through apiErrorResponse, so statuses and the error shape are the same everywhere.
 */
export function apiRoute(handler: Handler, { status = 200 } = {}) {
  return async (args: LoaderFunctionArgs | ActionFunctionArgs) => {
    let locale = requestLocale(args.request, null);
    try {
      const ctx = await requireApiUser(args.request);
      locale = ctx.user.locale;
      const result = await handler(ctx, args);
      return result instanceof Response ? result : Response.json(result, { status });
    } catch (e) {
      return apiErrorResponse(e, locale);
    }
  };
}

/** A JSON body of at most `maxBytes`, or a 400/413 domain error. */
export async function readJson(request: Request, maxBytes = 3 * 1024 * 1024): Promise<unknown> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes) throw new DomainError("too_large", "error.tooLarge");
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new DomainError("too_large", "error.tooLarge");
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("invalid", "error.invalid", {}, { issues: [{ path: "", message: "malformed JSON" }] });
  }
}

export const methodNotAllowed = () => Response.json({ error: { code: "method_not_allowed", message: "Method not allowed" } }, { status: 405 });
