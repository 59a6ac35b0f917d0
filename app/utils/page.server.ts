import { rethrowForPage } from "./http.server";
import type { Ctx } from "./session.server";

/** Runs a page's domain call; a domain error becomes the matching error page (403, 404 …). */
export function forPage<T>(ctx: Ctx, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    rethrowForPage(e, ctx.user.locale);
  }
}
