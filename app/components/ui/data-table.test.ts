import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type Column, DataTable } from "./data-table";

type Row = { id: string; name: string; area: number };
const rows: Row[] = [
  { id: "a", name: "黑河湿地", area: 1200.5 },
  { id: "b", name: "祁连山<北麓>", area: 30 },
];
const columns: Column<Row>[] = [
  { key: "name", header: "项目名称", cell: (r) => r.name, className: "stack-full" },
  { key: "area", header: "面积", cell: (r) => r.area, numeric: true, label: "面积（公顷）" },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) =>
  renderToStaticMarkup(h(DataTable<Row>, { columns, rows, rowKey: (r) => r.id, ...props }));

describe("DataTable", () => {
  it("renders a scrolling table.data with column headers scoped to their columns, one row per item", () => {
    const out = render({ testId: "t" });
    expect(out).toMatch(/^<div class="table-wrap"><table class="data" data-testid="t"><thead><tr><th scope="col">项目名称<\/th>/);
    expect(out.match(/<tr>/g)).toHaveLength(3);
    expect(out).toContain("祁连山&lt;北麓&gt;");
  });

  it("aligns figures as numbers in header and cells and labels cells for the phone layout", () => {
    const out = render({ stack: true, className: "data--dense" });
    expect(out).toContain('<table class="data data--dense data--stack">');
    expect(out).toContain('<th scope="col" class="num">面积</th>');
    expect(out).toContain('<td class="num" data-label="面积（公顷）">1200.5</td>');
    expect(out).toContain('<td class="stack-full">黑河湿地</td>');
  });

  it("shows the caption, visually hidden on request", () => {
    expect(render({ caption: "重点项目" })).toContain("<caption>重点项目</caption>");
    expect(render({ caption: "重点项目", captionHidden: true })).toContain('<caption class="visually-hidden">重点项目</caption>');
  });

  it("shows the empty message instead of a table when there are no rows", () => {
    const out = render({ rows: [], empty: "暂无项目", testId: "t" });
    expect(out).toBe('<p class="muted" data-testid="t-empty">暂无项目</p>');
    expect(render({ rows: [] })).toContain("<tbody></tbody>");
  });

  it("leaves out columns given as false, passes row attributes and renders row headers and a footer", () => {
    const out = render({
      columns: [{ ...columns[0], rowHeader: true }, false, columns[1]],
      rowProps: (r) => ({ "data-id": r.id, className: r.id === "a" ? "is-selected" : undefined }),
      footer: h("tr", null, h("td", { colSpan: 2 }, "合计")),
    });
    expect(out).toContain('<tr data-id="a" class="is-selected"><th scope="row" class="stack-full">黑河湿地</th>');
    expect(out).toContain('<tfoot><tr><td colSpan="2">合计</td></tr></tfoot>');
    expect(out.match(/<th scope="col"/g)).toHaveLength(2);
  });
});
