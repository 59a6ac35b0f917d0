import { revisionHash } from "../hash/revision-hash";
import { type ContentProblem, parseContent } from "./schema";
import { deriveText } from "./text";

/** Validates content JSON and derives what a revision stores with it: canonical content, text, hash. */
export function prepareRevisionContent(
  json: unknown,
): { content: Record<string, unknown>; text: string; hash: string } | { problem: ContentProblem } {
  const parsed = parseContent(json);
  if ("problem" in parsed) return parsed;
  // Store ProseMirror's own serialisation: defaults filled in, so equal documents hash equally.
  const content = parsed.doc.toJSON() as Record<string, unknown>;
  const text = deriveText(parsed.doc);
  return { content, text, hash: revisionHash(text, content) };
}
