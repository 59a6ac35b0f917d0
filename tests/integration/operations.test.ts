// The operations commands of the README, run as a user would run them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client";
import { seedDemo } from "~db/seed";

const dir = mkdtempSync(path.join(tmpdir(), "portal-ops-"));
const file = path.join(dir, "portal.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], {
    env: { ...process.env, DATABASE_PATH: file },
    encoding: "utf8",
  });

describe("audit:verify, backup, restore", () => {
  it("verifies, backs up, refuses to restore under a running server, restores, and names a broken event", () => {
    const db = openDatabase(file);
    seedDemo(db);
    db.$client.close();

    const verified = run("scripts/audit-verify.ts");
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain("audit chain intact");

    const backup = path.join(dir, "backup.db");
    expect(run("scripts/backup.ts", backup).status).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect(run("scripts/backup.ts", backup).status).toBe(2); // never overwrites

    // a live server holds the pid file
    writeFileSync(`${file}.server-pid`, String(process.pid));
    const refused = run("scripts/restore.ts", backup);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("stop it before restoring");
    rmSync(`${file}.server-pid`);

    // tamper with the live database, then restore the backup
    const live = openDatabase(file);
    live.$client.prepare("update audit_events set data = '{\"tampered\":true}' where id = 1").run();
    live.$client.close();
    const broken = run("scripts/audit-verify.ts");
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("audit_events.id = 1");
    expect(run("scripts/restore.ts", backup).status).toBe(0);
    expect(run("scripts/audit-verify.ts").status).toBe(0);

    // the head kept outside: SHA-256 and SM3 of the last event; a chain cut back past it is caught
    const head = JSON.parse(run("scripts/audit-head.ts").stdout.trim());
    expect(head).toMatchObject({
      events: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      sm3: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(head.sm3).not.toBe(head.sha256);
    expect(run("scripts/audit-verify.ts", "--head", head.sha256).status).toBe(0);
    const cut = openDatabase(file);
    cut.$client.prepare("delete from audit_events where id = (select max(id) from audit_events)").run();
    cut.$client.close();
    const truncated = run("scripts/audit-verify.ts", "--head", head.sha256);
    expect(truncated.status).toBe(1); // the head kept outside is gone …
    expect(truncated.stderr).toContain("TRUNCATED");
    // … and the seed's last event bound the demo's rows (docs/INTEGRITY.md): without it they are unbound
    expect(truncated.stderr).toMatch(/UNBOUND: revisions rev_/);
    expect(JSON.parse(run("scripts/audit-head.ts").stdout.trim()).events).toBe(head.events - 1);

    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, "not a database");
    expect(run("scripts/restore.ts", garbage).status).toBe(1);
    // (a dozen CLI processes, each starting tsx: on a loaded 2-core machine this takes longer than 30 s)
  }, 120_000);
});
