import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { facts } from "./fixture";
import { CHAR_SPACE, LINE_PITCH, PAGE } from "./gbt9704";
import { requestLetter } from "./letter-content";
import { requestLetterDocx } from "./request-letter";

/** The runs of document.xml with their text, fonts, size and colour. */
function runs(xml: string) {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => ({
    text: [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    eastAsia: /w:eastAsia="([^"]+)"/.exec(m[1])?.[1],
    ascii: /w:ascii="([^"]+)"/.exec(m[1])?.[1],
    size: Number(/<w:sz w:val="(\d+)"/.exec(m[1])?.[1]),
    color: /<w:color w:val="([^"]+)"/.exec(m[1])?.[1],
  }));
}
/** The paragraph (its XML) that holds a text. */
const paragraphWith = (xml: string, text: string) => [...xml.matchAll(/<w:p>.*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text))!;

describe("the 请示 in the GB/T 9704 layout", () => {
  let bytes: Buffer;
  let doc: string;
  let styles: string;
  let settings: string;
  let footers: string[];
  beforeAll(async () => {
    bytes = await requestLetterDocx(requestLetter(facts));
    const zip = await JSZip.loadAsync(bytes);
    doc = await zip.file("word/document.xml")!.async("string");
    styles = await zip.file("word/styles.xml")!.async("string");
    settings = await zip.file("word/settings.xml")!.async("string");
    footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/footer\d+\.xml$/.test(n))
        .sort()
        .map((n) => zip.file(n)!.async("string")),
    );
  });

  it("is A4 with margins top 37, bottom 35, left 28, right 26 mm", () => {
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(PAGE).toMatchObject({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
  });

  it("has the 22 × 28 character grid with lines of exactly 28.95 pt", () => {
    expect(doc).toContain(`<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="${CHAR_SPACE}"/>`);
    expect(LINE_PITCH).toBe(579);
    expect(styles).toMatch(/<w:pPrDefault><w:pPr>.*<w:spacing w:line="579" w:lineRule="exact"\/>/);
    const body = paragraphWith(doc, "妥否，请批示。");
    expect(body).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    expect(body).toMatch(/<w:ind w:firstLine="\d+" w:firstLineChars="200"\/>/);
    expect(body).toContain('<w:jc w:val="both"/>');
  });

  it("names the standard's fonts in the standard's sizes", () => {
    const r = runs(doc);
    const find = (text: string) => r.find((x) => x.text.includes(text))!;
    expect(find("高台县自然资源局文件")).toMatchObject({ eastAsia: "方正小标宋简体", color: "FF0000", size: 84 });
    expect(find("高自然资发〔2026〕12号")).toMatchObject({ eastAsia: "仿宋_GB2312", size: 32 });
    expect(find("关于审批《高台县")).toMatchObject({ eastAsia: "方正小标宋简体", size: 44 });
    expect(find("高台县人民政府：")).toMatchObject({ eastAsia: "仿宋_GB2312", size: 32 });
    expect(find("妥否，请批示。")).toMatchObject({ eastAsia: "仿宋_GB2312", ascii: "Times New Roman", size: 32 });
    expect(find("一、规划编制情况")).toMatchObject({ eastAsia: "黑体", size: 32 });
    expect(find("（一）征求意见范围和反馈情况")).toMatchObject({ eastAsia: "楷体_GB2312", size: 32 });
    expect(find("抄送：张掖市自然资源局。")).toMatchObject({ eastAsia: "仿宋_GB2312", size: 28 });
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
  });

  it("has the red separator line under the 发文字号, centred", () => {
    const p = paragraphWith(doc, "高自然资发〔2026〕12号");
    expect(p).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="\d+" w:space="11"\/><\/w:pBdr>/);
    expect(p).toContain('<w:jc w:val="center"/>');
  });

  it("lists the attachments, then the signature, the date and the contact", () => {
    const order = [
      ">附件：1.<",
      "《高台县国土空间生态修复规划（2021—2035年）》规划文本（报批稿）",
      "征求意见采纳情况表",
      "专家评审意见表",
      "高台县自然资源局</w:t>",
      "2026年12月2日</w:t>",
      "（联系人：陈思远，联系电话：0936-6612345）",
      "抄送：张掖市自然资源局。",
      "2026年12月2日印发",
    ];
    const at = order.map((s) => doc.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(paragraphWith(doc, "2026年12月2日</w:t>")).toContain('<w:jc w:val="right"/>');
  });

  it("puts the 版记 between rules at the foot of the page", () => {
    expect(doc).toMatch(
      /<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"|<w:tblpPr [^>]*w:vertAnchor="margin"[^>]*w:tblpYSpec="bottom"/,
    );
    expect(doc).toMatch(
      /<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="8"\/>.*<w:bottom w:val="single" w:color="000000" w:sz="8"\/>.*<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/,
    );
  });

  it("numbers pages “— 1 —” in 四号宋体, odd pages right, even pages left", () => {
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain("<w:instrText");
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain(">— </w:t>");
      expect(f).toContain("> —</w:t>");
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it.skipIf(!libreOfficeCan("writer"))(
    "opens in LibreOffice Writer",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "request.docx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) {
        // pdftotext spaces CJK text out; compare without whitespace
        const squeezed = text.replace(/\s+/g, "");
        for (const s of ["高台县自然资源局文件", "妥否，请批示。", "抄送：张掖市自然资源局。", "—1—"]) expect(squeezed).toContain(s);
      }
    },
    120_000,
  );
});
