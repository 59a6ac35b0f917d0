// Hashes recomputed from what they cover (docs/INTEGRITY.md): each revision's hash from its text and
// content, each frozen plan table's hash from its content, each edition's manifest hash from its
// sections (with their revisions' hashes) and tables. Part of `audit:verify`.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import type { DataBlock } from "~db/schema/enums";
import { type ManifestEntry, manifestHash, revisionHash } from "../lib/hash/revision-hash";
import { inTableOrder, tableHash } from "../lib/plan-tables/frozen";
import type { BrokenRecord } from "../lib/hash/row-hash";

export function brokenContentHashes(db: DbOrTx): BrokenRecord[] {
  const broken: BrokenRecord[] = [];
  const revisionHashes = new Map<string, string>();
  for (const r of db.all<{ id: string; text: string; content: string; hash: string }>(sql`SELECT id, text, content, hash FROM revisions`)) {
    revisionHashes.set(r.id, r.hash);
    let recomputed: string | null = null;
    try {
      recomputed = revisionHash(r.text, JSON.parse(r.content));
    } catch {
      recomputed = null;
    }
    if (recomputed !== r.hash) broken.push({ table: "revisions", id: r.id, reason: "revision_hash" });
  }

  const sections = new Map<string, (ManifestEntry & { position: number })[]>();
  for (const s of db.all<{ edition_id: string; position: number; section_id: string; revision_id: string; hash: string }>(
    sql`SELECT edition_id, position, section_id, revision_id, hash FROM edition_sections ORDER BY edition_id, position`,
  )) {
    // a manifest entry must carry its revision's hash (itself recomputed above)
    if (revisionHashes.get(s.revision_id) !== s.hash)
      broken.push({ table: "edition_sections", id: `${s.edition_id}/${s.position}`, reason: "revision_hash" });
    const list = sections.get(s.edition_id) ?? [];
    list.push({ sectionId: s.section_id, revisionId: s.revision_id, hash: s.hash, position: s.position });
    sections.set(s.edition_id, list);
  }

  const tables = new Map<string, { kind: DataBlock; hash: string }[]>();
  for (const t of db.all<{ edition_id: string; kind: DataBlock; content: string; hash: string }>(
    sql`SELECT edition_id, kind, content, hash FROM edition_tables`,
  )) {
    let recomputed: string | null = null;
    try {
      recomputed = tableHash(JSON.parse(t.content));
    } catch {
      recomputed = null;
    }
    if (recomputed !== t.hash) broken.push({ table: "edition_tables", id: `${t.edition_id}/${t.kind}`, reason: "table_hash" });
    const list = tables.get(t.edition_id) ?? [];
    list.push({ kind: t.kind, hash: recomputed ?? "" });
    tables.set(t.edition_id, list);
  }

  for (const e of db.all<{ id: string; document_id: string; label: string; manifest_hash: string }>(
    sql`SELECT id, document_id, label, manifest_hash FROM editions`,
  )) {
    const entries = sections.get(e.id) ?? [];
    if (manifestHash(e.document_id, e.label, entries, inTableOrder(tables.get(e.id) ?? [])) !== e.manifest_hash)
      broken.push({ table: "editions", id: e.id, reason: "manifest_hash" });
  }
  return broken;
}
