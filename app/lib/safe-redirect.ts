// Where a log-in or a language switch may send the browser afterwards: only a path on the portal's own
// origin. The target is resolved against ORIGIN the way a browser would, so tabs, newlines, backslashes
// and encoded slashes cannot turn "/…" into "//evil.example".

// C0 controls and DEL: browsers drop tabs and newlines inside URLs, which turns "/\t/x" into "//x"
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
/** "//host" or "/\host" (a browser reads "\" as "/"): a path that names another host */
const HOST_RELATIVE = /^[/\\][/\\]/;

function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** `to` as a same-origin path (with query and hash), or `fallback`. */
export function safeRedirect(to: unknown, origin: string, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  const plain = decoded(to);
  if (plain === null || hasControl(to) || hasControl(plain)) return fallback;
  if (HOST_RELATIVE.test(to) || HOST_RELATIVE.test(plain)) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // "/..//x" resolves to the path "//x": refuse what the resolved path would be read as
  const path = decoded(url.pathname);
  if (path === null || HOST_RELATIVE.test(url.pathname) || HOST_RELATIVE.test(path)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
