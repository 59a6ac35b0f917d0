// Production server: Express in front of the Remix build. Every request passes the security
// guards first, so no route can forget the Origin check.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
// createRemixRequest and sendRemixResponse are not re-exported from the package index
import remixExpress from "@remix-run/express/dist/server.js";
import { createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { bodyLimit, cachePolicyFor, clientAddress, originCheck, securityHeaders, trustedProxies } from "./server/security.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
process.chdir(root); // migrations and the default database path are relative to the project root

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const origin = (process.env.ORIGIN ?? `http://localhost:${port}`).replace(/\/$/, "");
process.env.ORIGIN = origin;

const build = await import(path.join(root, "build/server/index.js"));
build.entry.module.prepareDatabase();

const app = express();
app.disable("x-powered-by");
const proxies = trustedProxies(process.env.TRUST_PROXY);
if (proxies > 0) app.set("trust proxy", proxies);
app.use(securityHeaders(origin.startsWith("https://")));
app.use(clientAddress(proxies));
app.use(originCheck(origin));
// The busiest write, answered without Remix's router by the code its route runs (app/http/comment-post.server.ts):
// the same session check, caps, domain call and error answers. A body bodyLimit() leaves unread (an upload
// type) goes on to the Remix route, which streams it with its cap.
const { postCommentBytes } = build.entry.module;
app.post("/api/v1/rounds/:roundId/comments", bodyLimit(), async (req, res, next) => {
  if (!req.cappedBody) return next();
  try {
    const answer = await postCommentBytes(req.params.roundId, {
      cookie: req.headers.cookie,
      acceptLanguage: req.headers["accept-language"],
      body: req.cappedBody,
    });
    const cacheControl = cachePolicyFor(req.headers.cookie, new Headers(answer.headers));
    if (cacheControl) res.setHeader("Cache-Control", cacheControl);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    res.setHeader("Content-Length", Buffer.byteLength(answer.body));
    res.statusCode = answer.status;
    res.end(answer.body);
  } catch (error) {
    next(error);
  }
});
// after the comment route: its answers are a few hundred bytes, and compression's wrapping cost 0.18 ms a request
app.use(compression());
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
// the other public files (favicon …): the static handler only for the names the build holds, so a page
// or API request does not pay a file lookup (0.5–0.9 ms each under load)
const clientDir = path.join(root, "build/client");
const publicNames = new Set(existsSync(clientDir) ? readdirSync(clientDir).filter((name) => name !== "assets") : []);
const publicFiles = express.static(clientDir, { maxAge: "1h" });
app.use((req, res, next) => (publicNames.has(req.path.split("/")[1]) ? publicFiles(req, res, next) : next()));
// Remix's express adapter, with the body that bodyLimit() has read and counted
const { createRemixRequest, sendRemixResponse } = remixExpress;
const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
app.all("*", bodyLimit(), async (req, res, next) => {
  try {
    let request = createRemixRequest(req, res);
    if (req.cappedBody) request = new Request(request, { body: req.cappedBody, duplex: "half" });
    // the nonce securityHeaders() named in this response's CSP goes to entry.server.tsx for the scripts
    const response = await handleRequest(request, { cspNonce: res.locals.cspNonce });
    const cacheControl = cachePolicyFor(req.headers.cookie, response.headers);
    if (cacheControl) res.setHeader("Cache-Control", cacheControl);
    await sendRemixResponse(res, response);
  } catch (error) {
    next(error);
  }
});

const server = app.listen(port, host, () => {
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  console.log(
    `生态修复规划评审平台 / portal listening on ${url}  (ORIGIN ${origin}, database ${process.env.DATABASE_PATH ?? "data/portal.db"})`,
  );
  if ((process.env.DEMO_SEED ?? "1") !== "0") {
    console.log(
      "Demo log-ins (password zhangye-2021): admin, drafter, ganzhou, linze, gaotai, shandan, minle, sunan, fgw, sthjj, swj, lcj, expert1 … expert5",
    );
  }
});

function shutdown() {
  server.close(() => {
    build.entry.module.closeDatabase();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
