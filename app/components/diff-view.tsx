import type { DiffOp } from "~/lib/diff/text-diff";

export interface DiffLabels {
  before: string;
  after: string;
  inserted: string;
  deleted: string;
}

/** One run of text inside a paragraph; `lineBreak` marks the "\n" that ends the paragraph. */
interface Piece {
  key: number;
  op: DiffOp["op"];
  text: string;
  lineBreak: boolean;
}

interface Paragraph {
  key: number;
  pieces: Piece[];
}

/** Shows a text diff inline (one block with <ins>/<del>) or side by side (before | after). */
export function DiffView({ ops, mode = "inline", labels }: { ops: DiffOp[]; mode?: "inline" | "side-by-side"; labels: DiffLabels }) {
  if (mode === "inline") {
    return (
      <div className="diff-view diff-view--inline">
        <Paragraphs ops={ops} labels={labels} />
      </div>
    );
  }
  return (
    <div className="diff-view diff-view--side-by-side">
      <figure className="diff-col diff-col--before">
        <figcaption className="diff-col__title">{labels.before}</figcaption>
        <Paragraphs ops={ops.filter((o) => o.op !== "insert")} labels={labels} />
      </figure>
      <figure className="diff-col diff-col--after">
        <figcaption className="diff-col__title">{labels.after}</figcaption>
        <Paragraphs ops={ops.filter((o) => o.op !== "delete")} labels={labels} />
      </figure>
    </div>
  );
}

function Paragraphs({ ops, labels }: { ops: DiffOp[]; labels: DiffLabels }) {
  return (
    <>
      {toParagraphs(ops).map((p) => (
        <p key={p.key} className="diff-para">
          {p.pieces.map((piece) => (
            <PieceView key={piece.key} piece={piece} labels={labels} />
          ))}
        </p>
      ))}
    </>
  );
}

function PieceView({ piece, labels }: { piece: Piece; labels: DiffLabels }) {
  if (piece.op === "equal") return piece.lineBreak ? null : piece.text;
  // An inserted/deleted paragraph break gets a visible "↵" so merged or split paragraphs show up.
  const content = piece.lineBreak ? (
    <span className="diff-break" aria-hidden="true">
      ↵
    </span>
  ) : (
    piece.text
  );
  // A visually hidden prefix rather than aria-label: on <ins>/<del> aria-label would hide the text itself.
  if (piece.op === "insert") {
    return (
      <ins className="diff-ins" title={labels.inserted}>
        <span className="visually-hidden">{labels.inserted} </span>
        {content}
      </ins>
    );
  }
  return (
    <del className="diff-del" title={labels.deleted}>
      <span className="visually-hidden">{labels.deleted} </span>
      {content}
    </del>
  );
}

/** Splits ops at every "\n" into paragraphs; keys are character offsets, so they are unique and stable. */
export function toParagraphs(ops: DiffOp[]): Paragraph[] {
  let offset = 0;
  let current: Paragraph = { key: 0, pieces: [] };
  const paragraphs: Paragraph[] = [current];
  for (const { op, text } of ops) {
    for (const part of text.split(/(\n)/)) {
      if (!part) continue;
      const lineBreak = part === "\n";
      current.pieces.push({ key: offset, op, text: part, lineBreak });
      offset += part.length;
      if (lineBreak) {
        current = { key: offset, pieces: [] };
        paragraphs.push(current);
      }
    }
  }
  // A text ending in "\n" would otherwise render a trailing empty paragraph.
  if (current.pieces.length === 0 && paragraphs.length > 1) paragraphs.pop();
  return paragraphs;
}
