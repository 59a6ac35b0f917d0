// Typed permissions `action:entity:access`, shared by the domain checks and by UI hints.
// `any` = every record of that kind; `own` = records of the user's own organisation (or self).
// Drafters' `any` is further cut to their own plan in the domain (app/lib/plan-access.ts).
// A permission is necessary, never sufficient: domain functions also check the record itself
// (is the round open, is the organisation invited, is the revision published …).
import type { Role } from "~db/schema/enums";

export type Access = "any" | "own";
export type Permission =
  | `${"read"}:${"plan" | "edition" | "organization"}:any`
  | `${"read"}:${"revision"}:${"any" | "published"}`
  | `${"create" | "update"}:${"revision" | "section" | "edition"}:any`
  | `${"create" | "update"}:${"round"}:any`
  | `${"read"}:${"round"}:${Access}`
  | `${"read"}:${"comment"}:${Access}`
  | `${"create" | "update"}:${"comment"}:own`
  | `${"create"}:${"reply"}:any`
  | `${"create"}:${"response"}:any`
  | `${"create"}:${"submission"}:own`
  | `${"create"}:${"review"}:any`
  | `${"read"}:${"review"}:${Access}`
  | `${"create"}:${"signoff"}:own`
  | `${"manage"}:${"organization" | "user" | "plan"}:any`
  | `${"read"}:${"audit"}:any`
  | `${"read"}:${"rollup"}:any`
  | `${"create"}:${"filing"}:any`
  | `${"create" | "update"}:${"approval" | "project" | "indicator"}:any`
  | `${"read"}:${"project"}:${"any" | "published"}`;

const everyone: Permission[] = [
  "read:plan:any",
  "read:edition:any",
  "read:organization:any",
  "read:revision:published",
  "create:reply:any",
  "read:project:published",
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    ...everyone,
    "read:revision:any",
    "read:round:any",
    "read:comment:any",
    "read:review:any",
    "create:review:any",
    "manage:organization:any",
    "manage:user:any",
    "manage:plan:any",
    "read:audit:any",
    "read:rollup:any",
    "read:project:any",
  ],
  drafter: [
    ...everyone,
    "read:revision:any",
    "create:revision:any",
    "update:revision:any",
    "create:section:any",
    "update:section:any",
    "create:edition:any",
    "create:round:any",
    "update:round:any",
    "read:round:any",
    "read:comment:any",
    "create:response:any",
    "create:review:any",
    "read:review:any",
    "read:rollup:any",
    "create:approval:any",
    "update:approval:any",
    "create:project:any",
    "update:project:any",
    "read:project:any",
    "update:indicator:any",
  ],
  reviewer: [...everyone, "read:round:own", "read:comment:own", "create:comment:own", "update:comment:own", "create:submission:own"],
  expert: [...everyone, "read:review:own", "create:signoff:own", "read:round:any", "read:comment:any"],
  // 市自然资源局's coordinator: the roll-up, the consolidated library, filings; comments where invited.
  coordinator: [
    ...everyone,
    "read:round:own",
    "read:comment:own",
    "create:comment:own",
    "update:comment:own",
    "create:submission:own",
    "read:rollup:any",
    "create:filing:any",
    "read:project:any",
  ],
};

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && rolePermissions[user.role].includes(permission);
}
