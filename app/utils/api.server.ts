import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "./errors";
import { apiErrorResponse } from "./http.server";
import { type Ctx, requestLocale, requireApiUser } from "./session.server";
import { readBodyCapped } from "./upload.server";

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

/** The largest JSON body any API route accepts; routes pass a smaller cap where they expect less. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/**
 * A JSON body of at most `maxBytes`, or a 400/413 domain error. The bytes are counted as they stream in
 * (chunked bodies too) and reading stops at the cap, before anything is parsed.
 */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  return parseJsonBytes(await readBodyCapped(request, Math.min(maxBytes, MAX_JSON_BYTES)));
}

/** A body already read (and capped) as JSON, or a 400 domain error. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError("invalid", "error.invalid", {}, { issues: [{ path: "", message: "malformed JSON" }] });
  }
}

export const methodNotAllowed = () =>
  Response.json({ error: { code: "method_not_allowed", message: "Method not allowed" } }, { status: 405 });
