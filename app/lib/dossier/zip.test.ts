import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { dossierZip, safeName } from "./zip";

describe("the dossier zip", () => {
  it("keeps names safe and their extension", () => {
    expect(safeName('附件1 a/b:c*"d".docx')).toBe("附件1 a_b_c__d_.docx");
    const long = safeName(`${"规".repeat(200)}.xlsx`);
    expect(long.endsWith(".xlsx")).toBe(true);
    expect([...long].length).toBe(125);
  });

  it("puts every file in one folder, with Beijing time", async () => {
    const bytes = await dossierZip(
      "高台县规划报批材料",
      [
        { name: "请示.docx", bytes: new Uint8Array([1, 2, 3]) },
        { name: "附件1.docx", bytes: new Uint8Array([4]) },
      ],
      new Date("2026-12-02T01:30:00Z"),
    );
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.values(zip.files).filter((f) => !f.dir);
    expect(files.map((f) => f.name)).toEqual(["高台县规划报批材料/请示.docx", "高台县规划报批材料/附件1.docx"]);
    expect([...(await files[0].async("uint8array"))]).toEqual([1, 2, 3]);
    // a zip stores wall-clock time: 09:30 in Beijing, whatever the server's zone
    expect([files[0].date.getHours(), files[0].date.getMinutes()]).toEqual([9, 30]);
  });
});
