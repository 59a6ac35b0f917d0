// The revision text rule (lib/editor/text.ts) applied to the HTML the server renders, so a
// selection in the browser becomes the same UTF-16 offsets the server anchors against:
// a "\n" before every textblock (p, h1–h4) except the first, even an empty one; the textblock's
// text nodes in order (text inside <mark> or <strong> counts like any other); a <br> is "\n".
// Text outside textblocks (whitespace between blocks, say) does not count.

const TEXTBLOCKS = new Set(["p", "h1", "h2", "h3", "h4"]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_POSITION_PRECEDING = 2;

/** A piece of the text and the DOM node it comes from; a separator belongs to its textblock. */
interface Atom {
  kind: "text" | "br" | "separator";
  node: Node;
  start: number;
  length: number;
}

interface TextIndex {
  text: string;
  atoms: Atom[];
  textAtoms: Map<Node, Atom>;
  separators: Set<number>;
  firstBlock: Element | null;
}

/** Next node in document order after `node` and all of its descendants. */
function nodeAfter(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Every node inside `root`, in document order. */
function* descendants(root: Node): Generator<Node> {
  let n: Node | null = root.firstChild;
  while (n) {
    yield n;
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && !n.nextSibling && n.parentNode !== root) n = n.parentNode;
      n = n && n !== root ? n.nextSibling : null;
    }
  }
}

const isTextblock = (n: Node): n is Element => n.nodeType === ELEMENT_NODE && TEXTBLOCKS.has((n as Element).localName);

function indexContainer(container: Element): TextIndex {
  const atoms: Atom[] = [];
  const textAtoms = new Map<Node, Atom>();
  const separators = new Set<number>();
  const parts: string[] = [];
  let offset = 0;
  let firstBlock: Element | null = null;
  const push = (atom: Atom, text: string) => {
    atoms.push(atom);
    parts.push(text);
    offset += atom.length;
  };
  for (const block of descendants(container)) {
    if (!isTextblock(block)) continue;
    if (!firstBlock) firstBlock = block;
    else {
      separators.add(offset);
      push({ kind: "separator", node: block, start: offset, length: 1 }, "\n");
    }
    for (const n of descendants(block)) {
      if (n.nodeType === TEXT_NODE && (n as Text).data.length > 0) {
        const atom: Atom = { kind: "text", node: n, start: offset, length: (n as Text).data.length };
        textAtoms.set(n, atom);
        push(atom, (n as Text).data);
      } else if (n.nodeType === ELEMENT_NODE && (n as Element).localName === "br")
        push({ kind: "br", node: n, start: offset, length: 1 }, "\n");
    }
  }
  return { text: parts.join(""), atoms, textAtoms, separators, firstBlock };
}

/** The text of a container of server-rendered content; equals deriveText of the document. */
export function containerText(container: Element): string {
  return indexContainer(container).text;
}

/** Text offset of a DOM boundary point: the length of the text before it (clamped to the container). */
function offsetOf(index: TextIndex, node: Node, offset: number): number {
  const atom = index.textAtoms.get(node);
  if (atom) return atom.start + Math.min(Math.max(offset, 0), atom.length);
  // elsewhere the point sits right before `next` (null = after everything)
  const next =
    node.nodeType === ELEMENT_NODE && offset < node.childNodes.length
      ? node.childNodes[offset]
      : node.nodeType !== ELEMENT_NODE && offset === 0
        ? node
        : nodeAfter(node);
  if (!next) return index.text.length;
  // atoms are in document order, so those before `next` are a prefix; a textblock's separator
  // counts once the point is inside the block, as textBetween counts it
  let lo = 0;
  let hi = index.atoms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (next.compareDocumentPosition(index.atoms[mid].node) & DOCUMENT_POSITION_PRECEDING) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : index.atoms[lo - 1].start + index.atoms[lo - 1].length;
}

/**
 * The passage a DOM range selects, as offsets into containerText(container). Parts outside the
 * container are cut off; a passage never starts or ends with a block separator (a selection that
 * starts at the end of one paragraph or ends at the start of the next snaps to the text inside),
 * but separators within it stay. Null when nothing of the text is selected.
 */
export function rangeToOffsets(container: Element, range: Range): { start: number; end: number } | null {
  // a range in another tree (or a detached container) has no order relative to the container
  if (range.collapsed || range.commonAncestorContainer.getRootNode() !== container.getRootNode()) return null;
  const index = indexContainer(container);
  let start = offsetOf(index, range.startContainer, range.startOffset);
  let end = offsetOf(index, range.endContainer, range.endOffset);
  while (start < end && index.separators.has(start)) start++;
  while (end > start && index.separators.has(end - 1)) end--;
  return start < end ? { start, end } : null;
}

/** The atom holding character i. */
function atomAt(index: TextIndex, i: number): Atom | null {
  if (i < 0 || i >= index.text.length) return null;
  let lo = 0;
  let hi = index.atoms.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.atoms[mid].start <= i) lo = mid;
    else hi = mid - 1;
  }
  return index.atoms[lo];
}

const childIndex = (node: Node) => Array.prototype.indexOf.call(node.parentNode!.childNodes, node) as number;

/** A DOM boundary point with exactly `offset` characters of text before it, inside a text node when possible. */
function pointAt(index: TextIndex, offset: number, side: "start" | "end"): [Node, number] | null {
  const before = atomAt(index, offset - 1);
  const after = atomAt(index, offset);
  for (const a of side === "start" ? [after, before] : [before, after]) if (a?.kind === "text") return [a.node, offset - a.start];
  if (before?.kind === "br") return [before.node.parentNode!, childIndex(before.node) + 1];
  if (before?.kind === "separator") return [before.node, 0];
  if (after?.kind === "br") return [after.node.parentNode!, childIndex(after.node)];
  return index.firstBlock ? [index.firstBlock, 0] : null;
}

/** A DOM range over text[start, end) of the container, to select or scroll to a passage. */
export function offsetsToRange(container: Element, start: number, end: number): Range | null {
  const index = indexContainer(container);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > index.text.length || start >= end) return null;
  const from = pointAt(index, start, "start");
  const to = pointAt(index, end, "end");
  if (!from || !to) return null;
  const range = container.ownerDocument.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}
