// The key-project library (重点项目素材库): its fields, the Chinese names the workbooks use, and the
// lenient readers that turn what people type in Excel into the stored codes. Pure.
import { type ProjectPeriod, type ProjectStatus, type ProjectType, projectPeriods, projectStatuses, projectTypes } from "~db/schema/enums";

export { projectPeriods, projectStatuses, projectTypes };
export type { ProjectPeriod, ProjectStatus, ProjectType };

/** The official names of the ten kinds of project (docs/PROJECTS.md), as the workbooks and the lists show them. */
export const PROJECT_TYPE_NAMES: Record<ProjectType, string> = {
  habitat: "重要物种栖息地保护修复",
  corridor: "生态廊道和生态网络构建",
  river_wetland: "重要河流湿地保护修复",
  soil_erosion: "水土流失综合治理",
  farmland: "退化农用地生态修复",
  land_consolidation: "生态型土地整治",
  mine: "历史遗留矿山修复",
  urban_green: "城镇绿地体系构建",
  urban_buffer: "城镇生态缓冲带建设",
  urban_river: "城镇河道生态修复",
};

export const PROJECT_STATUS_NAMES: Record<ProjectStatus, string> = {
  candidate: "候选",
  included: "纳入",
  excluded: "不纳入",
};

/** The six counties and districts of Zhangye, in the work plan's order, by their official names. */
export const COUNTIES = ["甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南裕固族自治县"] as const;
const COUNTY_ALIASES: Record<string, string> = {
  肃南县: "肃南裕固族自治县",
  肃南: "肃南裕固族自治县",
  甘州: "甘州区",
  临泽: "临泽县",
  高台: "高台县",
  山丹: "山丹县",
  民乐: "民乐县",
};

/** A county as people write it: 肃南县 for 肃南裕固族自治县, with or without 张掖市 in front. */
export function readCounty(value: unknown): unknown {
  const v = readText(value);
  if (typeof v !== "string") return v;
  const bare = v.replace(/^(甘肃省)?张掖市(?=.)/, "");
  return COUNTY_ALIASES[bare] ?? bare;
}

const typeByName = new Map<string, ProjectType>(Object.entries(PROJECT_TYPE_NAMES).map(([code, name]) => [name, code as ProjectType]));

/** A type given as its code (`river_wetland`) or its Chinese name; anything else is returned as is (and refused by the schema). */
export function readType(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const v = value.trim();
  if ((projectTypes as readonly string[]).includes(v)) return v;
  return typeByName.get(v.replace(/\s+/g, "")) ?? v;
}

/** `2021-2025`, also typed as 2021—2025, 2021–2025, 2021~2025, 2021至2025年, 2021-2025年. */
export function readPeriod(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = /^\s*(\d{4})\s*(?:年)?\s*[-–—~～至到]\s*(\d{4})\s*年?\s*$/.exec(value);
  return m ? `${m[1]}-${m[2]}` : value.trim();
}

const statusByName = new Map<string, ProjectStatus>([
  ["候选", "candidate"],
  ["待定", "candidate"],
  ["纳入", "included"],
  ["已纳入", "included"],
  ["不纳入", "excluded"],
  ["未纳入", "excluded"],
  ["剔除", "excluded"],
  ["已剔除", "excluded"],
]);

/** A status given as its code or a Chinese word (候选, 纳入, 不纳入 …). */
export function readStatus(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const v = value.trim();
  if ((projectStatuses as readonly string[]).includes(v)) return v;
  return statusByName.get(v) ?? v;
}

/**
 * A number as people type it: a number, or a string like "1,234.5" or " 12 ". Blank is `undefined`;
 * anything else is returned unchanged, so the schema can say which field is not a number.
 */
export function readNumber(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return value;
  if (typeof value !== "string") return value;
  const v = value
    .trim()
    .replace(/^＋/, "+")
    .replace(/[，,](?=\d{3}(?:\D|$))/g, "");
  if (v === "") return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return value;
  return Number(v);
}

/** Blank text (null, undefined, whitespace) is `undefined`; other text is trimmed. */
export function readText(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return value;
  const v = value.trim();
  return v === "" ? undefined : v;
}

/** Sums money without binary-float noise (万元 to 4 decimals). */
export function sumWan(values: (number | null | undefined)[]): number {
  return Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 10_000) / 10_000;
}
