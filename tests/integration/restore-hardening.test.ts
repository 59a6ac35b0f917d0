// Restore and backup hardening, run as a user would run them (the scripts spawned on a temporary
// DATABASE_PATH): backups readable only by their owner, a safety copy of the database a restore
// replaces, the new file put in place by an atomic rename, every session ended after a restore.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client";
import { seedDemo } from "~db/seed";
import { processIsRunning } from "../../scripts/lib/process-alive";

const dir = mkdtempSync(path.join(tmpdir(), "portal-restore-"));
const file = path.join(dir, "portal.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// each test spawns the scripts (tsx) a few times: slow on a loaded machine
const SPAWNING = 120_000;
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], {
    env: { ...process.env, DATABASE_PATH: file },
    encoding: "utf8",
  });
const count = (sql: string) => {
  const db = openDatabase(file, { runMigrations: false });
  const n = (db.$client.prepare(sql).get() as { n: number }).n;
  db.$client.close();
  return n;
};
const addSession = () => {
  const db = openDatabase(file, { runMigrations: false });
  const user = db.$client.prepare("select id from users where username = 'drafter'").get() as { id: string };
  db.$client
    .prepare("insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)")
    .run(`s-${Date.now()}`, user.id, Date.now() + 3_600_000, Date.now());
  db.$client.close();
};

beforeAll(() => {
  const db = openDatabase(file);
  seedDemo(db);
  db.$client.close();
});

describe("backup", () => {
  it(
    "writes the backup with mode 0600 (owner only)",
    () => {
      const backup = path.join(dir, "b-mode.db");
      const r = run("scripts/backup.ts", backup);
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
    },
    SPAWNING,
  );
});

describe("restore", () => {
  it(
    "keeps a safety copy of the database it replaces, owner-only, and names it",
    () => {
      const backup = path.join(dir, "b-safety.db");
      expect(run("scripts/backup.ts", backup).status).toBe(0);
      // a change made after the backup: only the safety copy still has it
      const live = openDatabase(file, { runMigrations: false });
      live.$client.prepare("update organizations set name = name || '（已改）' where id = (select min(id) from organizations)").run();
      live.$client.close();
      const r = run("scripts/restore.ts", backup);
      expect(r.status, r.stderr).toBe(0);
      const safety = readdirSync(dir).filter((f) => f.startsWith("portal.db.before-restore-"));
      expect(safety.length).toBe(1);
      expect(r.stdout).toContain(safety[0]);
      const kept = path.join(dir, safety[0]);
      expect(statSync(kept).mode & 0o777).toBe(0o600);
      const copy = openDatabase(kept, { runMigrations: false });
      expect((copy.$client.prepare("select count(*) n from organizations where name like '%（已改）'").get() as { n: number }).n).toBe(1);
      copy.$client.close();
      expect(count("select count(*) n from organizations where name like '%（已改）'")).toBe(0);
      // no temporary file is left beside the database
      expect(readdirSync(dir).filter((f) => f.includes(".restoring"))).toEqual([]);
    },
    SPAWNING,
  );

  it(
    "ends every session: sessions made before the backup or since are gone after the restore",
    () => {
      addSession();
      const backup = path.join(dir, "b-sessions.db");
      expect(run("scripts/backup.ts", backup).status).toBe(0);
      addSession();
      expect(count("select count(*) n from sessions")).toBeGreaterThanOrEqual(2);
      const r = run("scripts/restore.ts", backup);
      expect(r.status, r.stderr).toBe(0);
      expect(count("select count(*) n from sessions")).toBe(0);
      expect(r.stdout).toContain("sessions");
    },
    SPAWNING,
  );

  it(
    "refuses while the pid file names a running process, whoever owns it",
    () => {
      const backup = path.join(dir, "b-pid.db");
      expect(run("scripts/backup.ts", backup).status).toBe(0);
      writeFileSync(`${file}.server-pid`, "1"); // pid 1 always runs (as a normal user, signalling it is EPERM)
      const refused = run("scripts/restore.ts", backup);
      rmSync(`${file}.server-pid`);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("stop it before restoring");
    },
    SPAWNING,
  );
});

describe("processIsRunning", () => {
  const killThrowing = (code: string) => () => {
    throw Object.assign(new Error(code), { code });
  };
  it("treats EPERM (a process of another user) as running", () => {
    expect(processIsRunning(4242, killThrowing("EPERM"))).toBe(true);
  });
  it("treats ESRCH as not running, and a successful signal as running", () => {
    expect(processIsRunning(4242, killThrowing("ESRCH"))).toBe(false);
    expect(processIsRunning(4242, () => true)).toBe(true);
  });
  it("a pid file that is not a number is not a running process", () => {
    expect(processIsRunning(Number.NaN, () => true)).toBe(false);
  });
});
