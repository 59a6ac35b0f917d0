import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";
import { sm3Hex } from "./sm3";

/** A revision's hash: sha256 over its derived text followed by its canonical content JSON. */
export function revisionHash(text: string, content: unknown): string {
  return sha256Hex(text + canonicalJson(content));
}

export interface ManifestEntry {
  sectionId: string;
  revisionId: string;
  hash: string;
}

/** A plan table frozen into the edition (lib/plan-tables): its kind and the sha256 of its canonical content. */
export interface ManifestTable {
  kind: string;
  hash: string;
}

/**
 * The bytes an edition's manifest hash is taken over: the canonical JSON of
 * `{documentId, label, sections: [{sectionId, revisionId, hash}, …]}` in reading order, and — only when
 * the edition froze plan tables — `tables: [{kind, hash}, …]` beside them (indicators, then projects).
 * An edition without tables keeps the original recipe exactly, so every earlier hash still verifies.
 */
export function manifestCanonical(documentId: string, label: string, sections: ManifestEntry[], tables: ManifestTable[] = []): string {
  return canonicalJson({
    documentId,
    label,
    sections: sections.map(({ sectionId, revisionId, hash }) => ({ sectionId, revisionId, hash })),
    ...(tables.length ? { tables: tables.map(({ kind, hash }) => ({ kind, hash })) } : {}),
  });
}

/**
 * An edition's manifest hash: sha256 of `manifestCanonical(…)`. Anyone holding the edition's JSON from
 * the API (its `sections` and `tables`) can recompute it.
 */
export function manifestHash(documentId: string, label: string, sections: ManifestEntry[], tables: ManifestTable[] = []): string {
  return sha256Hex(manifestCanonical(documentId, label, sections, tables));
}

/** The same manifest under SM3 (国密), over the very bytes `manifestHash` covers. */
export function manifestSm3(documentId: string, label: string, sections: ManifestEntry[], tables: ManifestTable[] = []): string {
  return sm3Hex(manifestCanonical(documentId, label, sections, tables));
}
