// The approval dossier (报批材料包) of a plan, built from its records, and read back.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { plans } from "~db/schema";
import { requestApproval } from "../../app/models/approval-request.server";
import { buildDossier } from "../../app/models/dossier.server";
import { DomainError } from "../../app/utils/errors";
import { libreOfficeCan, libreOfficePdf } from "../support/libreoffice";
import { type Actors, countyPlan, createActors } from "./approval-fixture";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
let a: Actors;
let plan: ReturnType<typeof countyPlan>;
let files: Map<string, Buffer>;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  a = await createActors(db);
  plan = countyPlan(db, a, "高台测试县");
  const { final } = plan.ready();
  requestApproval(a.drafter, plan.planId, { editionId: final.id });
  const d = await buildDossier(a.drafter, plan.planId, {
    number: "高自然资发〔2026〕12号",
    phone: "0936-6612345",
    cc: "张掖市自然资源局、高台测试县人民政府办公室",
  });
  expect(d.fileName).toBe("高台测试县国土空间生态修复规划（2021—2035年）报批材料.zip");
  const zip = await JSZip.loadAsync(d.bytes);
  files = new Map();
  for (const f of Object.values(zip.files).filter((x) => !x.dir))
    files.set(f.name.split("/").slice(1).join("/"), await f.async("nodebuffer"));
});
afterAll(() => cleanup());

const text = async (name: string) => (await mammoth.extractRawText({ buffer: files.get(name)! })).value;

describe("the approval dossier", () => {
  it("holds the 请示 and its attachments, numbered as the 请示 lists them", () => {
    expect([...files.keys()]).toEqual([
      "关于审批《高台测试县国土空间生态修复规划（2021—2035年）》的请示.docx",
      "附件1　《高台测试县国土空间生态修复规划（2021—2035年）》规划文本（报批稿）.docx",
      "附件2　意见采纳情况表（规划文本征求意见稿）.xlsx",
      "附件3　专家评审意见表.docx",
    ]);
  });

  it("writes the 请示 from the plan's records", async () => {
    const t = (await text("关于审批《高台测试县国土空间生态修复规划（2021—2035年）》的请示.docx")).replace(/\u200b/g, "");
    for (const s of [
      "测试县自然资源局文件",
      "高自然资发〔2026〕12号",
      "高台测试县人民政府：",
      "共组织征求意见1轮",
      "征求了1家单位意见，0家单位正式反馈，收到意见1条",
      "采纳1条，部分采纳0条，不采纳0条，作出说明0条",
      "邀请5名专家组成专家组",
      "专家组意见为“修改后通过”",
      "确认修改意见已在《规划》报批稿中落实",
      "妥否，请批示。",
      "附件：1.",
      "联系电话：0936-6612345",
      "抄送：张掖市自然资源局，高台测试县人民政府办公室。",
    ])
      expect(t).toContain(s);
  });

  it("has the 报批稿 as Word, the adoption table and the sign-off record", async () => {
    expect(await text("附件1　《高台测试县国土空间生态修复规划（2021—2035年）》规划文本（报批稿）.docx")).toContain(
      "为推进高台测试县国土空间生态保护修复，落实专家意见，编制本规划。",
    );
    const workbook = new ExcelJS.Workbook();
    const xlsx = files.get("附件2　意见采纳情况表（规划文本征求意见稿）.xlsx")!;
    await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ""))));
    expect(cells.join("\n")).toContain("建议补充乡镇名单。");
    expect(cells).toContain("采纳");
    const record = await text("附件3　专家评审意见表.docx");
    for (const e of a.experts.slice(0, 3)) expect(record).toContain(e.user.displayName);
    expect(record).toContain("专家组意见");
    expect(record).toContain("修改落实确认");
  });

  it("is for those who see the plan's drafts", async () => {
    for (const who of [a.otherDrafter, a.reviewer, a.coordinator]) {
      const e = await buildDossier(who, plan.planId, {}).catch((x) => x);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).status).toBe(403);
    }
    expect((await buildDossier(a.cityDrafter, plan.planId, {})).files).toHaveLength(4);
  });

  it("for a demo county: from its 自然资源局 to its people's government, the county's figures, copied to the city bureau", async () => {
    const shandan = db.select().from(plans).where(eq(plans.region, "山丹县")).get()!;
    const d = await buildDossier(await ctxFor(db, "shandan-drafter"), shandan.id, {});
    const zip = await JSZip.loadAsync(d.bytes);
    const letter = Object.values(zip.files).find((f) => f.name.includes("的请示.docx"))!;
    const t = (await mammoth.extractRawText({ buffer: await letter.async("nodebuffer") })).value;
    expect(t).toContain("山丹县自然资源局文件");
    expect(t).toContain("山自然资发〔");
    expect(t).toContain("山丹县人民政府：");
    expect(t).toContain("报批稿");
    expect(t).toMatch(/收到意见\d+条/);
    expect(t).toContain("抄送：张掖市自然资源局。");
    expect(t).not.toContain("山丹县人民政府文件");
    // the 报批稿 as Word carries the indicator table frozen into it
    const edition = Object.values(zip.files).find((f) => f.name.includes("附件1"))!;
    const xml = await (await JSZip.loadAsync(await edition.async("nodebuffer"))).file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:tbl>.*生态保护红线面积.*<\/w:tbl>/s);
  });

  it.skipIf(!libreOfficeCan("writer") || !libreOfficeCan("calc"))(
    "opens every file in LibreOffice",
    () => {
      for (const [name, bytes] of files) {
        const { pdf } = libreOfficePdf(bytes, name.endsWith(".xlsx") ? "table.xlsx" : "file.docx");
        expect(pdf.subarray(0, 4).toString(), name).toBe("%PDF");
      }
    },
    300_000,
  );
});
