import { Document, ExternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { markerParagraph, packStreamingBody, splitAtMarker, xmlOf } from "./streamed-body.server";

const numbering = {
  config: [{ reference: "ordered", levels: [{ level: 0, format: "decimal" as const, text: "%1.", alignment: "left" as const }] }],
};
/** Three "sections" of a list, a link and a table, each made anew (docx objects are used once). */
const sectionElements = (i: number) => [
  new Paragraph({ children: [new TextRun(`第${i}节 <生态> & “修复”`)] }),
  new Paragraph({ children: [new TextRun("条目")], numbering: { reference: "ordered", level: 0, instance: i + 1 } }),
  new Paragraph({ children: [new ExternalHyperlink({ link: `https://example.cn/${i}`, children: [new TextRun("链接")] })] }),
  new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("表")] })] })] }),
];
const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
// hyperlink relationship ids are random per document
const sameIds = (xml: string) => xml.replace(/rId[\w-]{12,}/g, "rIdX");

describe("packStreamingBody", () => {
  it("writes the same document.xml as docx's own packer, section by section", async () => {
    const whole = new Document({ numbering, sections: [{ children: [0, 1, 2].flatMap(sectionElements) }] });
    const wholeBytes = await Packer.toBuffer(whole);
    const expected = await documentXml(wholeBytes);
    const numsOf = async (bytes: Uint8Array) =>
      (await (await JSZip.loadAsync(bytes)).file("word/numbering.xml")!.async("string")).match(/<w:num /g)?.length;
    const marker = "marker-1234";
    const doc = new Document({ numbering, sections: [{ children: [markerParagraph(marker)] }] });
    const streamed = await packStreamingBody(doc, marker, [0, 1, 2], sectionElements);
    const xml = await documentXml(streamed);
    expect(sameIds(xml)).toBe(sameIds(expected));
    expect(xml).not.toContain(marker);
    // the numbering instances and link relationships the body made are in the package
    const zip = await JSZip.loadAsync(streamed);
    expect(await numsOf(streamed)).toBe(await numsOf(wholeBytes));
    expect(await numsOf(streamed)).toBeGreaterThanOrEqual(3);
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    for (const i of [0, 1, 2]) expect(rels).toContain(`https://example.cn/${i}`);
  });
});

describe("xmlOf", () => {
  it("writes elements, attributes, text and empty elements as docx does", () => {
    expect(xmlOf({ "w:p": [{ _attr: { "w:id": 1 } }, { "w:r": [{ "w:t": ["a<b&'\"c"] }] }] })).toBe(
      '<w:p w:id="1"><w:r><w:t>a&lt;b&amp;&apos;&quot;c</w:t></w:r></w:p>',
    );
    expect(xmlOf({ "w:b": { _attr: { "w:val": false } } })).toBe('<w:b w:val="false"/>');
    expect(xmlOf({ "w:p": [] })).toBe("<w:p></w:p>");
    expect(xmlOf({ "w:t": "x\u0001y" })).toBe("<w:t>xy</w:t>");
  });

  it("splits the shell's XML around the marker's paragraph", () => {
    const [head, tail] = splitAtMarker(
      '<w:body><w:p><w:r><w:t>M</w:t></w:r></w:p><w:p w:x="1"><w:r><w:t>MARK</w:t></w:r></w:p><w:sectPr/>',
      "MARK",
    );
    expect(head).toBe("<w:body><w:p><w:r><w:t>M</w:t></w:r></w:p>");
    expect(tail).toBe("<w:sectPr/>");
    expect(() => splitAtMarker("<w:p/>", "MARK")).toThrow();
  });
});
