import { Readable } from "node:stream";
import { type File, Packer, Paragraph, TextRun, type XmlComponent } from "docx";
import JSZip from "jszip";

/**
 * A .docx whose body is written section by section into the zip's deflate stream, so a 500,000-character
 * edition is never held whole: neither as docx's object tree, nor as its XML, nor as the XML string of
 * document.xml (the docx library builds all three for the whole document before it zips). What is held at
 * once is one section's objects and XML, and the compressed file.
 *
 * How: the document is made by the docx library with everything but the body (styles, numbering, footer,
 * cover) and one marker paragraph where the body goes. Packed once, its document.xml gives the XML before
 * and after the marker. Each section's paragraphs and tables are then formatted by docx itself, in the
 * context of that same document — so lists get their numbering instances and links their relationships
 * there — written to XML and deflated. The document is packed a second time at the end for the parts the
 * body added to (numbering.xml, the relationships); those are small.
 */
export async function packStreamingBody<T>(
  doc: File,
  marker: string,
  items: readonly T[],
  elementsOf: (item: T) => XmlComponent[],
): Promise<Buffer> {
  const first = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const [head, tail] = splitAtMarker(await first.file("word/document.xml")!.async("string"), marker);
  // the same context for every section, as the packer uses one for the whole document
  const context = { viewWrapper: doc.Document, file: doc, stack: [] } as unknown as Parameters<XmlComponent["prepForXml"]>[0];
  let bodyWritten!: () => void;
  const written = new Promise<void>((resolve) => {
    bodyWritten = resolve;
  });
  function* documentXml() {
    yield Buffer.from(head);
    for (const item of items) {
      const xml = elementsOf(item)
        .map((element) => xmlOf(element.prepForXml(context)))
        .join("");
      yield Buffer.from(withNumbering(xml, doc));
    }
    yield Buffer.from(tail);
    bodyWritten();
  }
  const zip = new JSZip();
  zip.file("word/document.xml", Readable.from(documentXml(), { objectMode: false }));
  // the other parts as the document stands once the body is written
  const last = written.then(async () => JSZip.loadAsync(await Packer.toBuffer(doc)));
  for (const path of Object.keys(first.files)) {
    if (path === "word/document.xml" || first.files[path].dir) continue;
    zip.file(
      path,
      last.then((z) => z.file(path)!.async("uint8array")),
    );
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", streamFiles: true });
}

/** A paragraph holding only `marker`, to stand where the body goes. */
export const markerParagraph = (marker: string) => new Paragraph({ children: [new TextRun(marker)] });

/** The document's XML before the marker's paragraph and after it. */
export function splitAtMarker(xml: string, marker: string): [string, string] {
  const at = xml.indexOf(marker);
  const open = Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at));
  const close = xml.indexOf("</w:p>", at);
  if (at < 0 || open < 0 || close < 0) throw new Error("docx: the body marker is not in document.xml");
  return [xml.slice(0, open), xml.slice(close + "</w:p>".length)];
}

/** docx writes a list's numbering as a placeholder `{reference-instance}`, replaced by its numId when packed. */
function withNumbering(xml: string, doc: File): string {
  if (!xml.includes("{")) return xml;
  const ids = new Map(doc.Numbering.ConcreteNumbering.map((n) => [`${n.reference}-${n.instance}`, String(n.numId)]));
  return xml.replace(/\{([^{}]+)\}/g, (placeholder, key: string) => ids.get(key) ?? placeholder);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry them; they are dropped
const escapeXml = (value: unknown) => String(value).replace(/[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => ESCAPES[c] ?? "");

/**
 * Writes what docx's `prepForXml` returns — `{ "w:p": [{ _attr: {…} }, child, "text" …] }`, the object
 * format of the `xml` package — as XML, as docx's packer does: an array value always makes an open and
 * a close tag, an object of attributes alone an empty element.
 */
export function xmlOf(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node !== "object") return escapeXml(node);
  const name = Object.keys(node)[0];
  const value = (node as Record<string, unknown>)[name];
  let attributes = "";
  let inner = "";
  let open = false;
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, v] of Object.entries(attr)) if (v !== undefined && v !== null) attributes += ` ${key}="${escapeXml(v)}"`;
  };
  if (Array.isArray(value)) {
    open = true;
    for (const child of value) {
      if (child && typeof child === "object" && Object.keys(child)[0] === "_attr")
        addAttributes((child as { _attr: Record<string, unknown> })._attr);
      else inner += xmlOf(child);
    }
  } else if (value && typeof value === "object") {
    const { _attr, _cdata } = value as { _attr?: Record<string, unknown>; _cdata?: string };
    if (_attr) addAttributes(_attr);
    if (_cdata) {
      open = true;
      inner = `<![CDATA[${_cdata.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`;
    }
  } else if (value !== undefined && value !== null) {
    open = true;
    inner = escapeXml(value);
  }
  return open ? `<${name}${attributes}>${inner}</${name}>` : `<${name}${attributes}/>`;
}
