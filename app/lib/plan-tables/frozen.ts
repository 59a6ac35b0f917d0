// Plan tables frozen into an edition: their content as canonical JSON and its sha256, where in the
// text they stand, and what changed between two editions' tables. Pure.
import type { DataBlock } from "~db/schema/enums";
import { dataBlocks } from "~db/schema/enums";
import { canonicalJson } from "../hash/canonical-json";
import { sha256Hex } from "../hash/sha256";
import { type IndicatorRow, type IndicatorRowChange, indicatorChanges } from "./indicator-table";
import { type ProjectTableContent, type ProjectTableDiff, projectTableDiff } from "./project-table";

export interface IndicatorTableContent {
  indicators: IndicatorRow[];
}

export type FrozenTable =
  | { kind: "indicators"; sectionId: string | null; content: IndicatorTableContent; hash: string }
  | { kind: "projects"; sectionId: string | null; content: ProjectTableContent; hash: string };

/** A table's hash: sha256 of the canonical JSON of its content (keys sorted, no whitespace). */
export function tableHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/** Tables in their one fixed order (indicators, then projects): the order the manifest hash lists them in. */
export function inTableOrder<T extends { kind: DataBlock }>(tables: T[]): T[] {
  return [...tables].sort((a, b) => dataBlocks.indexOf(a.kind) - dataBlocks.indexOf(b.kind));
}

export interface PlacedSection {
  sectionId: string;
  parentSectionId: string | null;
  title: string;
  dataBlock: DataBlock | null;
}

const CHAPTER_TITLES: Record<DataBlock, string[]> = {
  indicators: ["目标与指标", "规划指标", "指标"],
  projects: ["重点工程", "重点项目"],
};

/**
 * The section at whose end a table stands, given the edition's sections in reading order: the section
 * whose `data_block` names the table; else after the chapter titled 目标与指标 (indicators) or 重点工程
 * (projects), i.e. at the end of that chapter's last sub-section; else at the end of the document.
 */
export function placeTable(kind: DataBlock, sections: PlacedSection[]): string | null {
  const marked = sections.find((s) => s.dataBlock === kind);
  if (marked) return marked.sectionId;
  const ids = new Map(sections.map((s) => [s.sectionId, s]));
  const isInside = (s: PlacedSection, chapterId: string) => {
    for (let p: PlacedSection | undefined = s; p; p = p.parentSectionId ? ids.get(p.parentSectionId) : undefined)
      if (p.sectionId === chapterId) return true;
    return false;
  };
  for (const title of CHAPTER_TITLES[kind]) {
    const chapter = sections.find((s) => !s.parentSectionId && s.title.includes(title)) ?? sections.find((s) => s.title.includes(title));
    if (!chapter) continue;
    let last = chapter;
    for (const s of sections.slice(sections.indexOf(chapter) + 1)) {
      if (!isInside(s, chapter.sectionId)) break;
      last = s;
    }
    return last.sectionId;
  }
  return sections.at(-1)?.sectionId ?? null;
}

export type TableDiffStatus = "unchanged" | "changed" | "added" | "removed";

export type TableDiff =
  | { kind: "indicators"; status: TableDiffStatus; fromHash: string | null; toHash: string | null; rows: IndicatorRowChange[] }
  | ({ kind: "projects"; status: TableDiffStatus; fromHash: string | null; toHash: string | null } & ProjectTableDiff);

/** Each table either edition has, compared: indicator values old → new, projects added or dropped. */
export function diffTables(from: FrozenTable[], to: FrozenTable[]): TableDiff[] {
  return dataBlocks.flatMap((kind): TableDiff[] => {
    const a = from.find((t) => t.kind === kind);
    const b = to.find((t) => t.kind === kind);
    if (!a && !b) return [];
    const status: TableDiffStatus = !a ? "added" : !b ? "removed" : a.hash === b.hash ? "unchanged" : "changed";
    const hashes = { fromHash: a?.hash ?? null, toHash: b?.hash ?? null };
    if (kind === "indicators") {
      const before = (a?.content as IndicatorTableContent | undefined)?.indicators ?? [];
      const after = (b?.content as IndicatorTableContent | undefined)?.indicators ?? [];
      return [{ kind, status, ...hashes, rows: indicatorChanges(before, after) }];
    }
    return [
      {
        kind,
        status,
        ...hashes,
        ...projectTableDiff(
          (a?.content as ProjectTableContent | undefined) ?? null,
          (b?.content as ProjectTableContent | undefined) ?? null,
        ),
      },
    ];
  });
}
