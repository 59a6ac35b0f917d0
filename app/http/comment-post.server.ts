// POST /api/v1/rounds/:roundId/comments, the portal's busiest write, in one implementation for both ways
// in: the Remix resource route, and server.mjs's hot path, which skips Remix's router for this one request
// (matching the URL against every route of the app and building two Request objects cost as much CPU as
// the comment itself). Either way the same steps in the same order: the session (401), the body cap (413),
// JSON (400), createComment in a group commit (answered once the comment is on disk), errors as
// docs/API.md says. The Origin check and the body's first cap (server/security.mjs) run before both.
import { createComment } from "~/models/comment-create.server";
import { parseJsonBytes } from "~/utils/api.server";
import { DomainError } from "~/utils/errors";
import { groupCommit } from "~/utils/group-commit.server";
import { apiErrorAnswer } from "~/utils/http.server";
import { apiCtxFromCookie, localeFromHeaders } from "~/utils/session.server";

/** A comment's JSON body is at most this large (the API's general cap is 2 MB). */
export const COMMENT_JSON_BYTES = 256 * 1024;

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface CommentPost {
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
  /** the body, read with the cap COMMENT_JSON_BYTES (a too_large domain error past it) */
  body: () => Promise<Uint8Array>;
}

const JSON_TYPE = { "Content-Type": "application/json; charset=utf-8" };

export async function postComment(roundId: string, post: CommentPost): Promise<ApiAnswer> {
  let locale = localeFromHeaders(post.cookie, post.acceptLanguage);
  try {
    const ctx = await apiCtxFromCookie(post.cookie);
    locale = ctx.user.locale;
    const input = parseJsonBytes(await post.body());
    // answered once the comment is on disk; the fsync is shared with the other comments of the moment
    const created = await groupCommit(ctx.db, () => createComment(ctx, roundId, input));
    return { status: 201, headers: JSON_TYPE, body: JSON.stringify(created) };
  } catch (e) {
    const error = apiErrorAnswer(e, locale);
    return { status: error.status, headers: { ...JSON_TYPE, ...error.headers }, body: JSON.stringify(error.body) };
  }
}

/** server.mjs's hot path: the body that server/security.mjs's bodyLimit() has already read (at most 2 MB), capped again here. */
export function postCommentBytes(roundId: string, post: Omit<CommentPost, "body"> & { body: Uint8Array }): Promise<ApiAnswer> {
  return postComment(roundId, {
    ...post,
    body: async () => {
      if (post.body.byteLength > COMMENT_JSON_BYTES) throw new DomainError("too_large", "error.tooLarge");
      return post.body;
    },
  });
}
