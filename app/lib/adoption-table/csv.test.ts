import { describe, expect, it } from "vitest";
import { adoptionTableCsv, csvField } from "./csv";
import { sample } from "./fixture";
import { adoptionTableRows } from "./rows";

const CRLF = "\r\n";

/** A strict RFC 4180 reader (every record ends in CRLF), to check the writer against. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      while (text[i] !== '"' || text[i + 1] === '"') {
        if (i >= text.length) throw new Error("unterminated quote");
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else {
      while (i < text.length && !/[,\r"]/.test(text[i])) field += text[i++];
    }
    fields.push(field);
    if (text[i] === ",") {
      i++;
    } else if (text.startsWith(CRLF, i)) {
      records.push(fields);
      fields = [];
      i += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return records;
}

describe("adoptionTableCsv", () => {
  const csv = adoptionTableCsv(sample);
  const rows = adoptionTableRows(sample);

  it("starts with a UTF-8 BOM and the header, ends records with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith("序号,提出单位,章节,原文,意见,采纳情况,理由\r\n")).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("round-trips quotes, commas and newlines", () => {
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(rows.length + 1);
    expect(records.every((r) => r.length === 7)).toBe(true);
    const byNumber = new Map(records.slice(1).map((r) => [r[0], r]));
    const quoted = byNumber.get("4")!;
    expect(quoted[1]).toBe("甘州区人民政府");
    expect(quoted[4]).toBe('【修改】引号"和逗号,都要保留\n建议修改为：湿地保护率不低于60%');
    expect(byNumber.get("5")![4]).toBe(rows[4].comment);
    expect(byNumber.get("5")![4]).toContain("\n");
    expect(byNumber.get("1")![3]).toBe("（针对本章节整体）");
    expect(byNumber.get("4")![5]).toBe("待答复");
  });

  it("neutralises formula injection", () => {
    const records = parseCsv(csv.slice(1));
    // the comment body starts with "【删除】", so only the reason is at risk here
    expect(records[6][6]).toBe("'-该项目已列入省级重点工程，不宜删除。");
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvField(`${lead}1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField("1-2")).toBe("1-2");
    expect(csvField("")).toBe("");
  });

  it("is only the header for a round with no comments", () => {
    expect(adoptionTableCsv({ ...sample, comments: [] })).toBe("\uFEFF序号,提出单位,章节,原文,意见,采纳情况,理由\r\n");
  });
});
