// One set of rules for a library project, whether it comes from the API, the page's form or a row of an
// uploaded workbook. zod messages are i18n keys ("key|max" carries the one parameter).
import { z } from "zod";
import {
  projectPeriods,
  projectStatuses,
  projectTypes,
  readCounty,
  readNumber,
  readPeriod,
  readStatus,
  readText,
  readType,
  sumWan,
} from "./fields";

export const MAX_AMOUNT = 1_000_000_000; // 公顷 or 万元: far beyond any real project, short of float trouble
export const FUNDING_KEYS = ["investCentral", "investProvincial", "investLocal", "investSocial"] as const;
export type FundingKey = (typeof FUNDING_KEYS)[number];
/** The four sources of money must add up to the total within this many 万元. */
export const FUNDING_TOLERANCE = 0.01;

const requiredText = (max: number, read: (v: unknown) => unknown = readText) =>
  z.preprocess(
    read,
    z.string({ required_error: "validation.required", invalid_type_error: "validation.required" }).max(max, `validation.tooLong|${max}`),
  );
const optionalText = (max: number) =>
  z.preprocess(readText, z.string({ invalid_type_error: "library.validation.text" }).max(max, `validation.tooLong|${max}`).optional());
const amount = () =>
  z
    .number({ required_error: "validation.required", invalid_type_error: "library.validation.number" })
    .finite("library.validation.number")
    .min(0, "library.validation.negative")
    .max(MAX_AMOUNT, "library.validation.tooBig");
const requiredAmount = () => z.preprocess(readNumber, amount());
const optionalAmount = () => z.preprocess((v) => (v === null ? undefined : readNumber(v)), amount().optional());

export const typeSchema = z.preprocess(readType, z.enum(projectTypes, { errorMap: () => ({ message: "library.validation.type" }) }));
export const periodSchema = z.preprocess(
  readPeriod,
  z.enum(projectPeriods, { errorMap: () => ({ message: "library.validation.period" }) }),
);
export const statusSchema = z.preprocess(
  readStatus,
  z.enum(projectStatuses, { errorMap: () => ({ message: "library.validation.status" }) }),
);

export const projectShape = {
  name: requiredText(100),
  type: typeSchema,
  county: requiredText(40, readCounty),
  township: optionalText(60),
  areaHa: requiredAmount(),
  investmentWan: requiredAmount(),
  investCentral: optionalAmount(),
  investProvincial: optionalAmount(),
  investLocal: optionalAmount(),
  investSocial: optionalAmount(),
  period: periodSchema,
  keyArea: optionalText(100),
};
export type ProjectField = keyof typeof projectShape;
export const PROJECT_FIELDS = Object.keys(projectShape) as ProjectField[];
const TEXT_FIELDS = new Set<string>(["township", "keyArea", "reason"]);

type Parsed = z.infer<z.ZodObject<typeof projectShape>>;

/** What is stored: funding all four (a blank one counts as 0) or none. */
export interface ProjectValues {
  name: string;
  type: (typeof projectTypes)[number];
  county: string;
  township: string;
  areaHa: number;
  investmentWan: number;
  investCentral: number | null;
  investProvincial: number | null;
  investLocal: number | null;
  investSocial: number | null;
  period: (typeof projectPeriods)[number];
  keyArea: string;
}

function fundingRule(v: Partial<Parsed>, ctx: z.RefinementCtx) {
  const given = FUNDING_KEYS.filter((k) => v[k] !== undefined);
  if (!given.length || typeof v.investmentWan !== "number") return;
  const sum = sumWan(FUNDING_KEYS.map((k) => v[k]));
  if (Math.abs(sum - v.investmentWan) > FUNDING_TOLERANCE + 1e-9)
    ctx.addIssue({ code: "custom", path: ["investmentWan"], message: "library.validation.fundingSum" });
}

function toValues(v: Parsed): ProjectValues {
  const funded = FUNDING_KEYS.some((k) => v[k] !== undefined);
  return {
    name: v.name,
    type: v.type,
    county: v.county,
    township: v.township ?? "",
    areaHa: v.areaHa,
    investmentWan: v.investmentWan,
    investCentral: funded ? (v.investCentral ?? 0) : null,
    investProvincial: funded ? (v.investProvincial ?? 0) : null,
    investLocal: funded ? (v.investLocal ?? 0) : null,
    investSocial: funded ? (v.investSocial ?? 0) : null,
    period: v.period,
    keyArea: v.keyArea ?? "",
  };
}

/** A whole project (create; also the merged result of a change). */
export const projectInput = z.object(projectShape).superRefine(fundingRule).transform(toValues);

/** A change: any of the fields, and/or `{status, reason}`. Unknown keys are ignored. */
export const projectPatch = z.object({
  ...Object.fromEntries(PROJECT_FIELDS.map((k) => [k, (projectShape[k] as z.ZodTypeAny).optional()])),
  status: statusSchema.optional(),
  reason: optionalText(500),
}) as z.ZodType<Partial<Parsed> & { status?: (typeof projectStatuses)[number]; reason?: string }>;

/** A row of an uploaded workbook: a project, its status and reason, and the id when it came from our export. */
export const importRowInput = z
  .object({ ...projectShape, status: statusSchema.optional(), reason: optionalText(500), id: optionalText(40) })
  .superRefine((v, ctx) => {
    fundingRule(v, ctx);
    if (v.status === "excluded" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "library.validation.reasonRequired" });
  })
  .transform((v) => ({ values: toValues(v), status: v.status, reason: v.reason ?? "", id: v.id }));

/** The stored form of a project, fed back through `projectInput` when a change is merged into it. */
export function valuesAsInput(p: ProjectValues): Record<ProjectField, unknown> {
  return {
    ...p,
    township: p.township,
    keyArea: p.keyArea,
    investCentral: p.investCentral ?? undefined,
    investProvincial: p.investProvincial ?? undefined,
    investLocal: p.investLocal ?? undefined,
    investSocial: p.investSocial ?? undefined,
  };
}

/**
 * Merges a change into a stored project. A field present in the change but blank clears it (text → "",
 * funding → none). Returns the raw merged input, to be parsed by `projectInput`.
 */
export function mergePatch(
  current: ProjectValues,
  raw: Record<string, unknown>,
  parsed: Record<string, unknown>,
): Record<ProjectField, unknown> {
  const merged = valuesAsInput(current);
  for (const key of PROJECT_FIELDS) {
    if (!Object.hasOwn(raw, key)) continue;
    merged[key] = parsed[key] === undefined ? (TEXT_FIELDS.has(key) ? "" : undefined) : parsed[key];
  }
  return merged;
}

export function sameValues(a: ProjectValues, b: ProjectValues): boolean {
  return PROJECT_FIELDS.every((k) => a[k] === b[k]);
}

/** The fields that differ, old and new, for the audit trail. */
export function changedFields<T extends Record<string, unknown>>(from: T, to: T, keys: (keyof T)[]): { from: Partial<T>; to: Partial<T> } {
  const out = { from: {} as Partial<T>, to: {} as Partial<T> };
  for (const k of keys) {
    if (from[k] !== to[k]) {
      out.from[k] = from[k];
      out.to[k] = to[k];
    }
  }
  return out;
}
