import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { isEmpty, seedDemo } from "~db/seed";
import { NonceProvider } from "./components/nonce";
import { config } from "./utils/config.server";
import { closeDb, getDb } from "./utils/db.server";

const ABORT_DELAY = 5_000;

/**
 * React 18.3's stream renderer can flush a 2 KB buffer with unwritten zero bytes at its end when a
 * multi-byte character (all Chinese text is) would straddle the boundary (facebook/react#26228,
 * fixed only in React 19). NUL never occurs inside valid UTF-8 text, and our content refuses it,
 * so dropping every zero byte is exact.
 *
 * React writes its output in chunks of about 2 KB, and each chunk then passes a web stream and a socket
 * write of its own (a 170 KB page: ~85 of each). The chunks written in one turn of the event loop are
 * joined and passed on together at the next (setImmediate), so the page goes out in a few writes and
 * nothing streamed later (a deferred part) waits for more than that turn.
 */
function withoutNulBytes() {
  let held: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Immediate | null = null;
  const release = (stream: Transform) => {
    timer = null;
    if (!size) return;
    const out = held.length === 1 ? held[0] : Buffer.concat(held, size);
    held = [];
    size = 0;
    stream.push(out);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const clean = chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk;
      held.push(clean);
      size += clean.length;
      timer ??= setImmediate(release, this);
      callback();
    },
    flush(callback) {
      if (timer) clearImmediate(timer);
      release(this);
      callback();
    },
  });
}

/** Called by server.mjs before it listens: migrate, and seed the demo data into an empty database. */
export function prepareDatabase(): void {
  const db = getDb();
  if (config.demoSeed && isEmpty(db)) seedDemo(db);
}

export function closeDatabase(): void {
  closeDb();
}

/** server.mjs answers `POST /api/v1/rounds/:roundId/comments` with this, outside Remix's router (see the module). */
export { postCommentBytes } from "./http/comment-post.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // server.mjs passes the nonce its Content-Security-Policy header names; without one (tests, dev) none is written
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
