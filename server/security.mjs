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
      res.type("html").send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>403</title><body style="font-family:sans-serif;padding:2rem"><h1>403</h1><p>${crossOriginMessage["zh-CN"]}</p><p>${crossOriginMessage.en}</p><p><a href="/">返回首页 / Home</a></p></body></html>`,
      );
    }
  };
}

export const securityHeaders = (secure) => (_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  );
  if (secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
};

/**
 * TRUST_PROXY: how many reverse proxies stand between the clients and this server (unset or 0: none).
 * "true" counts as 1. Anything else is a configuration error.
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxies(value) {
  const v = String(value ?? "").trim().toLowerCase();
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
