import { describe, expect, it } from "vitest";
import { roles } from "~db/schema/enums";
import { can, rolePermissions } from "./permissions";

describe("permissions", () => {
  it("lets only admins manage users and organisations and read the audit log", () => {
    for (const role of roles) {
      expect(can({ role }, "manage:user:any")).toBe(role === "admin");
      expect(can({ role }, "manage:organization:any")).toBe(role === "admin");
      expect(can({ role }, "read:audit:any")).toBe(role === "admin");
    }
  });
  it("keeps unpublished revisions to drafters and admins", () => {
    expect(roles.filter((role) => can({ role }, "read:revision:any")).sort()).toEqual(["admin", "drafter"]);
    for (const role of roles) expect(can({ role }, "read:revision:published")).toBe(true);
  });
  it("gives writing to drafters, commenting to reviewers and signing to experts only", () => {
    expect(roles.filter((role) => can({ role }, "create:revision:any"))).toEqual(["drafter"]);
    // the coordinator (市自然资源局) comments where its bureau is invited
    expect(roles.filter((role) => can({ role }, "create:comment:own"))).toEqual(["reviewer", "coordinator"]);
    expect(roles.filter((role) => can({ role }, "create:submission:own"))).toEqual(["reviewer", "coordinator"]);
    expect(roles.filter((role) => can({ role }, "create:signoff:own"))).toEqual(["expert"]);
    expect(roles.filter((role) => can({ role }, "create:response:any"))).toEqual(["drafter"]);
  });
  it("gives the roll-up and filings to the coordinator, never to reviewers or experts", () => {
    expect(roles.filter((role) => can({ role }, "create:filing:any"))).toEqual(["coordinator"]);
    expect(roles.filter((role) => can({ role }, "read:rollup:any")).sort()).toEqual(["admin", "coordinator", "drafter"]);
    expect(can({ role: "coordinator" }, "create:revision:any")).toBe(false);
  });
  it("denies everything to nobody", () => {
    expect(can(null, "read:plan:any")).toBe(false);
  });
  it("lists no permission twice for a role", () => {
    for (const role of roles) expect(new Set(rolePermissions[role]).size).toBe(rolePermissions[role].length);
  });
});
