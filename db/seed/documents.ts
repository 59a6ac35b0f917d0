// Writing demo documents: sections and their revisions (backdated, so the history looks lived-in).
import { eq } from "drizzle-orm";
import { prepareRevisionContent } from "../../app/lib/editor/revision-content";
import { manifestHash } from "../../app/lib/hash/revision-hash";
import { newId } from "../../app/lib/id";
import { freezePlanTables } from "../../app/models/plan-tables.server";
import type { Tx } from "../client";
import * as s from "../schema";
import { blocksToDoc, chineseNumeral } from "./build-content";
import type { DemoDocument, DemoSection } from "./content-types";

export const DAY = 86_400_000;

export function revisionValues(
  sectionId: string,
  blocks: DemoSection["blocks"],
  authorId: string,
  createdAt: Date,
  note: string,
  parentRevisionId: string | null,
) {
  const prepared = prepareRevisionContent(blocksToDoc(blocks));
  if ("problem" in prepared) throw new Error(`demo content invalid: ${JSON.stringify(prepared.problem)}`);
  return { id: newId("rev"), sectionId, parentRevisionId, authorId, createdAt, note, ...prepared };
}

export interface SeededSection {
  id: string;
  text: string;
  parentId: string | null;
  number: string;
  title: string;
  revisionId: string;
  hash: string;
}

export interface SeededDocument {
  documentId: string;
  sections: SeededSection[];
}

/**
 * A document with its sections. Longer sections get an earlier, shorter draft first, so the history
 * shows real revisions. `draftDaysAgo`/`revisedDaysAgo` place the two revisions in time.
 */
export function seedDocument(
  tx: Tx,
  planId: string,
  doc: DemoDocument,
  sortOrder: number,
  authorId: string,
  now: number,
  { createdDaysAgo = 120, draftDaysAgo = 30, revisedDaysAgo = 9 } = {},
): SeededDocument {
  const documentId = newId("doc");
  tx.insert(s.documents)
    .values({ id: documentId, planId, kind: doc.kind, title: doc.title, sortOrder, createdAt: new Date(now - createdDaysAgo * DAY) })
    .run();
  const out: SeededSection[] = [];
  let order = 0;
  const insertSection = (sec: DemoSection, parentId: string | null, number: string) => {
    const id = newId("sec");
    tx.insert(s.sections)
      .values({
        id,
        documentId,
        parentId,
        number,
        title: sec.title,
        sortOrder: order++,
        dataBlock: sec.dataBlock ?? null,
        createdAt: new Date(now - (createdDaysAgo - 20) * DAY),
      })
      .run();
    let parent: string | null = null;
    if (sec.blocks.length >= 4) {
      const draft = revisionValues(id, sec.blocks.slice(0, -1), authorId, new Date(now - draftDaysAgo * DAY), "初稿", null);
      tx.insert(s.revisions).values(draft).run();
      parent = draft.id;
    }
    const rev = revisionValues(
      id,
      sec.blocks,
      authorId,
      new Date(now - revisedDaysAgo * DAY),
      parent ? "编制专班内部审核后修改完善" : "初稿",
      parent,
    );
    tx.insert(s.revisions).values(rev).run();
    tx.update(s.sections).set({ currentRevisionId: rev.id }).where(eq(s.sections.id, id)).run();
    out.push({ id, text: rev.text, parentId, number, title: sec.title, revisionId: rev.id, hash: rev.hash });
    for (const [i, child] of (sec.children ?? []).entries()) insertSection(child, id, `第${chineseNumeral(i + 1)}节`);
  };
  for (const [i, sec] of doc.sections.entries()) insertSection(sec, null, `第${chineseNumeral(i + 1)}章`);
  return { documentId, sections: out };
}

/** A new revision of one seeded section: `edit` turns the old text blocks into the new ones. */
export function reviseSection(
  tx: Tx,
  doc: SeededDocument,
  title: string,
  blocks: DemoSection["blocks"],
  authorId: string,
  at: Date,
  note: string,
): SeededSection {
  const i = doc.sections.findIndex((x) => x.title === title);
  if (i < 0) throw new Error(`demo revision: no section ${title}`);
  const before = doc.sections[i];
  const rev = revisionValues(before.id, blocks, authorId, at, note, before.revisionId);
  tx.insert(s.revisions).values(rev).run();
  tx.update(s.sections).set({ currentRevisionId: rev.id }).where(eq(s.sections.id, before.id)).run();
  const after = { ...before, text: rev.text, revisionId: rev.id, hash: rev.hash };
  doc.sections[i] = after;
  return after;
}

/**
 * Publishes the document's current sections as an edition (inserted directly, backdated). An edition
 * of a plan text freezes the plan's indicator table and included projects as they are at that moment
 * (so seed them first), and its manifest hash covers them, as publishing does.
 */
export function seedEdition(tx: Tx, doc: SeededDocument, label: string, changelog: string, publishedById: string, publishedAt: Date) {
  const manifest = doc.sections.map((x) => ({ sectionId: x.id, revisionId: x.revisionId, hash: x.hash }));
  const id = newId("edn");
  tx.insert(s.editions)
    .values({
      id,
      documentId: doc.documentId,
      label,
      changelog,
      manifestHash: manifestHash(doc.documentId, label, manifest),
      publishedById,
      publishedAt,
    })
    .run();
  for (const [position, x] of doc.sections.entries()) {
    tx.insert(s.editionSections)
      .values({
        editionId: id,
        position,
        sectionId: x.id,
        revisionId: x.revisionId,
        parentSectionId: x.parentId,
        number: x.number,
        title: x.title,
        hash: x.hash,
      })
      .run();
  }
  const { manifestHash: hash } = freezePlanTables(tx, id, doc.documentId);
  return { id, label, manifestHash: hash, sections: doc.sections.map((x) => ({ ...x })) };
}
export type SeededEdition = ReturnType<typeof seedEdition>;
