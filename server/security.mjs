import { randomBytes } from "node:crypto";

// Request guards that sit in front of every route (pages, API, resource routes alike).

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Is this a state-changing request from another site? The Origin header decides when present;
 * without it, Sec-Fetch-Site and then Referer are consulted. Requests without any of them (curl,
 * scripts using the API with a session cookie) are allowed: browsers always send Origin on POST.
 * @param {string} method
 * @param {Record<string, string | string[] | undefined>} headers lower-cased header names
 * @param {string} origin the portal's public origin, e.g. http://localhost:3000
 * @returns {boolean}
 */
export function isCrossOriginWrite(method, headers, origin) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const first = (v) => (Array.isArray(v) ? v[0] : v);
  const requestOrigin = first(headers.origin);
  if (requestOrigin !== undefined) return requestOrigin !== origin;
  const site = first(headers["sec-fetch-site"]);
  if (site !== undefined) return site === "cross-site" || site === "same-site";
  const referer = first(headers.referer);
  if (referer !== undefined) {
    try {
      return new URL(referer).origin !== origin;
    } catch {
      return true;
    }
  }
  return false;
}

const crossOriginMessage = {
  "zh-CN": "请求来源不被允许（跨站请求已拒绝）。",
  en: "Request origin not allowed (cross-site request refused).",
};

/** Express middleware: 403 for cross-origin writes, as JSON under /api and as a short page elsewhere. */
export function originCheck(origin) {
  return (req, res, next) => {
    if (!isCrossOriginWrite(req.method, req.headers, origin)) return next();
    res.status(403);
    if (req.path.startsWith("/api/")) {
      res.json({ error: { code: "forbidden", message: `${crossOriginMessage["zh-CN"]} ${crossOriginMessage.en}` } });
    } else {
      res
        .type("html")
        .send(
          `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>403</title><body style="font-family:sans-serif;padding:2rem"><h1>403</h1><p>${crossOriginMessage["zh-CN"]}</p><p>${crossOriginMessage.en}</p><p><a href="/">返回首页 / Home</a></p></body></html>`,
        );
    }
  };
}

// Request body caps, counted as the bytes arrive (chunked bodies too), answered with 413 before any
// route parses anything. Uploads (multipart, or a file as the body) are left to their routes, which
// stream them with their own cap after the role check; multipart must at least declare its length.
export const MAX_FORM_BYTES = 64 * 1024;
export const MAX_JSON_BYTES = 2 * 1024 * 1024;
export const MAX_MULTIPART_BYTES = 20 * 1024 * 1024 + 64 * 1024;

/**
 * Which cap applies to a request body:
 * - "form" (url-encoded, text, no type at all: what page forms send and `request.formData()` reads): 64 KB;
 * - "json": 2 MB;
 * - "multipart": its declared length only (at most 20 MB + 64 KB; the route caps it again after the role check);
 * - "upload" (any other type: a PDF, a spreadsheet sent as the body): left to the upload route, which
 *   streams it with its own cap after the role check.
 * @param {string | undefined} contentType
 * @returns {{ kind: "form" | "json" | "multipart" | "upload", limit: number }}
 */
export function bodyLimitFor(contentType) {
  const type = String(contentType ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
  if (type === "" || type === "application/x-www-form-urlencoded" || type.startsWith("text/"))
    return { kind: "form", limit: MAX_FORM_BYTES };
  if (type === "application/json" || type.endsWith("+json")) return { kind: "json", limit: MAX_JSON_BYTES };
  if (type === "multipart/form-data") return { kind: "multipart", limit: MAX_MULTIPART_BYTES };
  return { kind: "upload", limit: Number.POSITIVE_INFINITY };
}

const tooLargeMessage = { "zh-CN": "提交的内容过大。", en: "The submission is too large." };
const lengthRequiredMessage = { "zh-CN": "上传须注明内容长度。", en: "An upload must declare its length (Content-Length)." };

/** After a refusal, the rest of a body is read and dropped up to this much, so that the client (still
 * sending) gets the answer instead of a broken pipe; a larger rest ends the connection. */
export const DRAIN_BYTES = 4 * 1024 * 1024;

function refuse(req, res, status, message) {
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) req.destroy();
  });
  req.resume();
  res.status(status);
  if (req.path.startsWith("/api/")) {
    res.json({ error: { code: status === 413 ? "too_large" : "length_required", message: `${message["zh-CN"]} ${message.en}` } });
  } else {
    res
      .type("html")
      .send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${status}</title><body style="font-family:sans-serif;padding:2rem"><h1>${status}</h1><p>${message["zh-CN"]}</p><p>${message.en}</p><p><a href="/">返回首页 / Home</a></p></body></html>`,
      );
  }
}

/**
 * Express middleware: reads every non-multipart body up to its cap into `req.cappedBody` (a Buffer)
 * and answers 413 as soon as the count passes the cap, whatever Content-Length said or did not say.
 * Nothing past the cap is kept.
 * A multipart body must declare its length (411 otherwise), at most 20 MB + 64 KB.
 */
export function bodyLimit() {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    // read already (server.mjs's comment route runs this before the catch-all)
    if (req.cappedBody) return next();
    const { kind, limit } = bodyLimitFor(req.headers["content-type"]);
    const declared = req.headers["content-length"] === undefined ? null : Number(req.headers["content-length"]);
    if (declared !== null && declared > limit) return refuse(req, res, 413, tooLargeMessage);
    if (kind === "upload") return next();
    if (kind === "multipart") return declared === null ? refuse(req, res, 411, lengthRequiredMessage) : next();
    const chunks = [];
    let size = 0;
    let settled = false;
    const onData = (chunk) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        req.off("data", onData);
        chunks.length = 0;
        return refuse(req, res, 413, tooLargeMessage);
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (settled) return;
      settled = true;
      req.cappedBody = Buffer.concat(chunks, size);
      next();
    });
    req.once("error", (e) => {
      if (settled) return;
      settled = true;
      next(e);
    });
  };
}

/** A fresh nonce for one response's scripts (128 random bits, base64). */
export function newNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of one response. Scripts: only our own files and the inline scripts that
 * carry this response's nonce (Remix's hydration data and module loader), never 'unsafe-inline'.
 * Styles keep 'unsafe-inline': React writes `style` attributes (progress bars, column widths) and the
 * editor sets inline styles while editing; style attributes cannot carry a nonce.
 * @param {string} nonce
 */
export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Express middleware: the security headers, with a per-request nonce left in `res.locals.cspNonce` for the Remix render. */
export const securityHeaders = (secure) => (_req, res, next) => {
  const nonce = newNonce();
  res.locals.cspNonce = nonce;
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  if (secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
};

const SESSION_COOKIE_RE = /(?:^|;\s*)(?:__Host-)?portal_session=[^;\s]/;

/**
 * `Cache-Control: private, no-store` on a per-user answer: an HTML page or JSON (API answers and
 * Remix's loader data) to a request that carries a session cookie, or one that sets it (log-in, log-out).
 * Static files never pass here; a route that chose its own Cache-Control (files, ETag'd answers) keeps it.
 * @param {string | undefined} requestCookie the request's Cookie header
 * @param {Headers} headers the response's headers
 * @returns {string | null} the Cache-Control to add, or null
 */
export function cachePolicyFor(requestCookie, headers) {
  if (headers.has("Cache-Control")) return null;
  const type = (headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  const perUserType = type === "text/html" || type === "application/json" || type.endsWith("+json") || type === "text/x-script";
  const setsSession = /(?:^|,\s*)(?:__Host-)?portal_session=/.test(headers.get("Set-Cookie") ?? "");
  return setsSession || (perUserType && SESSION_COOKIE_RE.test(requestCookie ?? "")) ? "private, no-store" : null;
}

/**
 * TRUST_PROXY: how many reverse proxies stand between the clients and this server (unset or 0: none).
 * "true" counts as 1. Anything else is a configuration error.
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxies(value) {
  const v = String(value ?? "")
    .trim()
    .toLowerCase();
  if (v === "" || v === "0" || v === "false") return 0;
  if (v === "true") return 1;
  if (/^[1-9][0-9]?$/.test(v)) return Number(v);
  throw new Error(`TRUST_PROXY must be a number of proxies (0, 1, 2 …), not ${JSON.stringify(value)}`);
}

/**
 * The client's address as our own proxies saw it. Every proxy appends the address it received the
 * request from, so with N proxies the Nth hop from the right is the one the outermost proxy wrote;
 * everything left of it was written by the client and is not trusted. "" when it cannot be told.
 * @param {string | string[] | undefined} header X-Forwarded-For
 * @param {number} proxies
 * @returns {string}
 */
export function forwardedClient(header, proxies) {
  if (!proxies || header === undefined) return "";
  const hops = (Array.isArray(header) ? header.join(",") : String(header))
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.length >= proxies ? hops[hops.length - proxies] : "";
}

/** The client address for throttling: the socket's, or with TRUST_PROXY=N the hop our Nth proxy appended. */
export function clientAddress(proxies) {
  return (req, _res, next) => {
    const forwarded = forwardedClient(req.headers["x-forwarded-for"], proxies);
    req.headers["x-portal-client-ip"] = forwarded || req.socket.remoteAddress || "unknown";
    next();
  };
}
