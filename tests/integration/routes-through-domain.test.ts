// Routes reach the database only through domain functions that take the caller (`ctx`) and check
// permission per record. The `(db, …)` readers in app/models (editionsOfDocuments, planIdOfEdition …)
// check nothing: they are for other models and scripts. This reads the sources, as dependency-cruiser
// sees modules, not which of their exports are imported.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Sources above the domain: every route, the HTTP helpers routes use, and the root route. */
function routeSources(): { file: string; source: string }[] {
  const files = [
    ...readdirSync("app/routes").map((f) => `app/routes/${f}`),
    ...readdirSync("app/http").map((f) => `app/http/${f}`),
    "app/root.tsx",
  ].filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
  return files.map((file) => ({ file, source: readFileSync(file, "utf8") }));
}

/** For each model module, its exports whose first parameter is the database rather than the caller. */
function dbFirstExports(): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const f of readdirSync("app/models")) {
    if (!f.endsWith(".ts") || f.endsWith(".test.ts")) continue;
    const source = readFileSync(`app/models/${f}`, "utf8");
    const names = new Set<string>();
    const patterns = [
      /export (?:async )?function (\w+)(?:<[^>(]*>)?\(\s*\w+\s*:\s*(\w+)/g,
      /export const (\w+) = (?:async )?\(\s*\w+\s*:\s*(\w+)/g,
    ];
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (/^(Db|DbOrTx|Tx)$/.test(m[2])) names.add(m[1]);
    if (names.size) result.set(f.replace(/\.ts$/, ""), names);
  }
  return result;
}

/** Before a session exists there is no caller: logging in and out, and the demo accounts on the login page. */
const ANONYMOUS: Record<string, string[]> = {
  "app/routes/login.tsx": ["login", "demoAccounts"],
  "app/routes/logout.tsx": ["logout"],
};
/** Files that open the database themselves: the anonymous routes, the health check, and the root (which builds ctx). */
const OPENS_DB = ["app/routes/login.tsx", "app/routes/logout.tsx", "app/routes/locale.tsx", "app/routes/healthz.ts", "app/root.tsx"];

describe("routes go through the domain", () => {
  it("finds the database-first readers of the models (the check below is not vacuous)", () => {
    const readers = dbFirstExports();
    expect(readers.get("edition.server")).toContain("editionsOfDocuments");
    expect(readers.get("edition.server")).toContain("editionManifest");
    expect(readers.get("plan-access.server")).toContain("planIdOfEdition");
    expect(readers.get("integrity.server")).toContain("verifyIntegrity");
    expect(readers.get("edition.server")).not.toContain("getEdition");
  });

  it("imports no database-first model function into a route", () => {
    const readers = dbFirstExports();
    const offences: string[] = [];
    for (const { file, source } of routeSources()) {
      for (const m of source.matchAll(/import \{([^}]*)\} from "~\/models\/([\w.-]+)"/g)) {
        const names = m[1]
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith("type "))
          .map((s) => s.split(/\s+as\s+/)[0]);
        for (const name of names)
          if (readers.get(m[2])?.has(name) && !ANONYMOUS[file]?.includes(name)) offences.push(`${file}: ${name} from ${m[2]}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("passes ctx.db to nothing but the group commit, and opens the database only where there is no caller yet", () => {
    const offences: string[] = [];
    for (const { file, source } of routeSources()) {
      for (const line of source.split("\n")) {
        if (/\bctx\.db\b/.test(line.replace(/groupCommit\(ctx\.db,/g, ""))) offences.push(`${file}: ${line.trim()}`);
        if (/\bgetDb\(/.test(line) && !OPENS_DB.includes(file)) offences.push(`${file}: ${line.trim()}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
