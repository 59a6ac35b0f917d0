import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BOUND_TABLES, isBoundTable, keyValues, NOT_CONTENT_TABLES, rowCanonical, rowHash, rowId } from "./row-hash";

const reply = { id: "rpl_1", comment_id: "cmt_1", author_id: "usr_1", body: "同意。", created_at: 1764633600000 };

describe("rowCanonical / rowHash", () => {
  it("is the canonical JSON of {table, row} with the listed columns by SQL name, keys sorted", () => {
    expect(rowCanonical("replies", reply)).toBe(
      '{"row":{"author_id":"usr_1","body":"同意。","comment_id":"cmt_1","created_at":1764633600000,"id":"rpl_1"},"table":"replies"}',
    );
    expect(rowHash("replies", reply)).toBe(createHash("sha256").update(rowCanonical("replies", reply), "utf8").digest("hex"));
  });

  it("does not depend on the order the columns come in, nor on columns that do not count", () => {
    const shuffled = {
      created_at: reply.created_at,
      body: reply.body,
      id: reply.id,
      author_id: reply.author_id,
      comment_id: reply.comment_id,
    };
    expect(rowHash("replies", shuffled)).toBe(rowHash("replies", reply));
    const comment = {
      id: "c",
      round_id: "r",
      section_id: "s",
      revision_id: "v",
      anchor_exact: null,
      anchor_prefix: null,
      anchor_suffix: null,
      anchor_start: null,
      anchor_end: null,
      cell_indicator: null,
      cell_year: null,
      body: "意见",
      category: "revise",
      proposed_text: null,
      author_id: "u",
      organization_id: "o",
      withdrawn_at: null,
      created_at: 1,
      updated_at: null,
    };
    expect(rowHash("comments", { ...comment, assignee_id: "usr_9", group_id: "grp_1" })).toBe(rowHash("comments", comment));
  });

  it("changes with any counted column, the table name included", () => {
    const h = rowHash("replies", reply);
    expect(rowHash("replies", { ...reply, body: "同意！" })).not.toBe(h);
    expect(rowHash("replies", { ...reply, created_at: reply.created_at + 1 })).not.toBe(h);
    expect(rowHash("replies", { ...reply, author_id: null })).not.toBe(h);
    expect(rowHash("comment_groups", { id: "rpl_1", round_id: "cmt_1", created_by_id: "usr_1", created_at: 1 })).not.toBe(
      rowHash("comment_groups", { id: "rpl_1", round_id: "cmt_1", created_by_id: "usr_1", created_at: 2 }),
    );
  });

  it("hashes *_at instants as integer milliseconds, Dates and stored fractions alike", () => {
    expect(rowHash("replies", { ...reply, created_at: reply.created_at + 0.0002 })).toBe(rowHash("replies", reply));
    expect(rowHash("replies", { ...reply, created_at: new Date(reply.created_at) })).toBe(rowHash("replies", reply));
    // numbers elsewhere are kept as they are
    const indicator = {
      plan_id: "p",
      code: "ZB01",
      name: "n",
      unit: "公顷",
      kind: "binding",
      direction: "up",
      rollup: "sum",
      baseline: 1.5,
      target_2025: 2,
      target_2030: null,
      target_2035: 3,
      sort_order: 0,
      updated_at: null,
    };
    expect(rowCanonical("indicators", indicator)).toContain('"baseline":1.5');
    expect(rowHash("indicators", { ...indicator, baseline: 1.50001 })).not.toBe(rowHash("indicators", indicator));
  });

  it("hashes a blob as the sha256 of its bytes", () => {
    const file = {
      id: "fil_1",
      name: "批复.pdf",
      mime_type: "application/pdf",
      size: 4,
      sha256: "x",
      data: Buffer.from("%PDF"),
      uploaded_by_id: "u",
      created_at: 5,
    };
    expect(rowCanonical("files", file)).toContain(`"data":"${createHash("sha256").update("%PDF").digest("hex")}"`);
    expect(rowHash("files", { ...file, data: Buffer.from("%PDG") })).not.toBe(rowHash("files", file));
  });

  it("refuses a row without one of its columns (a typo in the list or the query)", () => {
    const { body: _, ...partial } = reply;
    expect(() => rowHash("replies", partial)).toThrow(/body/);
  });
});

describe("row ids", () => {
  it("join composite keys with / and split them back (the last part may hold /)", () => {
    expect(rowId("indicators", { plan_id: "plan_1", code: "ZB/01" })).toBe("plan_1/ZB/01");
    expect(keyValues("indicators", "plan_1/ZB/01")).toEqual(["plan_1", "ZB/01"]);
    expect(rowId("edition_sections", { edition_id: "edn_1", position: 3 })).toBe("edn_1/3");
    expect(keyValues("replies", "rpl_1")).toEqual(["rpl_1"]);
  });
});

describe("the lists", () => {
  it("every key column is hashed, no column is listed twice, no table is in both lists", () => {
    for (const [table, spec] of Object.entries(BOUND_TABLES)) {
      for (const k of spec.key) expect(spec.columns, `${table}.${k}`).toContain(k);
      expect(new Set(spec.columns).size, table).toBe(spec.columns.length);
      expect(NOT_CONTENT_TABLES[table], table).toBeUndefined();
      expect(isBoundTable(table)).toBe(true);
    }
    expect(isBoundTable("sessions")).toBe(false);
  });
});
