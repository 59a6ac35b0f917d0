// The library workbook's columns: the template, the plan's export and the import all use this layout,
// so a plan's export can be edited and uploaded again. Columns are found by their header, not position.
import type { ProjectField } from "./schema";

export type ColumnKey = ProjectField | "status" | "reason" | "id";

export interface LibraryColumn {
  key: ColumnKey;
  header: string;
  width: number;
  numeric?: boolean;
  /** Other headers people write for the same column (half-width brackets, without the unit …). */
  aliases?: string[];
}

export const LIBRARY_COLUMNS: LibraryColumn[] = [
  { key: "name", header: "项目名称", width: 34 },
  { key: "type", header: "项目类型", width: 24, aliases: ["类型", "工程类型"] },
  { key: "county", header: "所在县区", width: 10, aliases: ["县区", "县（区）", "所在县（区）"] },
  { key: "township", header: "乡镇", width: 14, aliases: ["所在乡镇", "乡镇（街道）"] },
  { key: "areaHa", header: "面积（公顷）", width: 12, numeric: true, aliases: ["面积", "规模（公顷）"] },
  {
    key: "investmentWan",
    header: "投资（万元）",
    width: 12,
    numeric: true,
    aliases: ["投资", "总投资", "总投资（万元）", "估算投资（万元）"],
  },
  { key: "investCentral", header: "中央", width: 9, numeric: true, aliases: ["中央资金"] },
  { key: "investProvincial", header: "省级", width: 9, numeric: true, aliases: ["省级资金"] },
  { key: "investLocal", header: "市县", width: 9, numeric: true, aliases: ["市县资金", "市县级"] },
  { key: "investSocial", header: "社会", width: 9, numeric: true, aliases: ["社会资金", "社会资本"] },
  { key: "period", header: "实施期限", width: 11, aliases: ["实施年限", "期限"] },
  { key: "keyArea", header: "服务重点区域", width: 20, aliases: ["重点区域"] },
  { key: "status", header: "状态", width: 8, aliases: ["纳入情况"] },
  { key: "reason", header: "理由", width: 24, aliases: ["原因", "不纳入理由"] },
];

/** Exports add the project's id last; rows that carry it update that project when uploaded again. */
export const ID_COLUMN: LibraryColumn = {
  key: "id",
  header: "项目编号（系统生成，新增项目留空）",
  width: 24,
  aliases: ["项目编号", "编号"],
};
export const PLAN_HEADER = "所属规划";

export const REQUIRED_COLUMNS: ColumnKey[] = ["name", "type", "county", "areaHa", "investmentWan", "period"];

/** Header text compared loosely: no spaces, full-width and half-width brackets alike. */
export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）").replace(/\*$/, "");
}

const byHeader = new Map<string, ColumnKey>();
for (const c of [...LIBRARY_COLUMNS, ID_COLUMN]) {
  for (const h of [c.header, ...(c.aliases ?? [])]) byHeader.set(normaliseHeader(h), c.key);
}

export function columnOfHeader(text: string): ColumnKey | null {
  const h = normaliseHeader(text);
  return byHeader.get(h) ?? (h.startsWith("项目编号") ? "id" : null);
}

export function headerOf(key: ColumnKey): string {
  return key === "id" ? ID_COLUMN.header : LIBRARY_COLUMNS.find((c) => c.key === key)!.header;
}
