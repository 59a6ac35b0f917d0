import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";

/** A revision's hash: sha256 over its derived text followed by its canonical content JSON. */
export function revisionHash(text: string, content: unknown): string {
  return sha256Hex(text + canonicalJson(content));
}

export interface ManifestEntry {
  sectionId: string;
  revisionId: string;
  hash: string;
}

/**
 * An edition's manifest hash: sha256 of the canonical JSON of
 * `{documentId, label, sections: [{sectionId, revisionId, hash}, …]}` in reading order.
 * Anyone holding the edition's JSON from the API can recompute it.
 */
export function manifestHash(documentId: string, label: string, sections: ManifestEntry[]): string {
  return sha256Hex(
    canonicalJson({
      documentId,
      label,
      sections: sections.map(({ sectionId, revisionId, hash }) => ({ sectionId, revisionId, hash })),
    }),
  );
}
