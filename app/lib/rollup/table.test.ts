import { describe, expect, it } from "vitest";
import { sampleRows } from "./fixture";
import {
  applyQuery,
  attentionOf,
  defaultQuery,
  filterRows,
  parseRollupQuery,
  queryString,
  rollupSummary,
  sortLink,
  sortRows,
} from "./table";

const order = (rows: { region: string }[]) => rows.map((r) => r.region);
const byRegion = (region: string) => sampleRows.find((r) => r.region === region)!;

describe("attention", () => {
  it("names what needs doing, plan by plan", () => {
    expect(byRegion("肃南县").attention).toEqual(["overdue"]);
    expect(byRegion("临泽县").attention).toEqual(["dueSoon", "unanswered"]); // 3 days left; a closed round with an answer owed
    expect(byRegion("张掖市").attention).toEqual(["mismatch"]); // its round is open: answers are not yet owed
    expect(byRegion("山丹县").attention).toEqual(["awaitingFiling"]);
    expect(byRegion("民乐县").attention).toEqual([]); // filed: nothing left, however old the deadline
    expect(byRegion("高台县").attention).toEqual([]);
  });
  it("flags a rejected review, and a deadline exactly a week away", () => {
    const { attention: _, ...row } = byRegion("高台县");
    expect(attentionOf({ ...row, review: { ...row.review!, conclusion: "reject" } })).toEqual(["reviewRejected"]);
    expect(attentionOf({ ...row, daysLeft: 7 })).toEqual(["dueSoon"]);
    expect(attentionOf({ ...row, daysLeft: 8 })).toEqual([]);
  });
});

describe("sorting", () => {
  it("keeps the plans' own order for `plan`, and reverses it", () => {
    expect(order(sortRows(sampleRows, "plan", "asc"))).toEqual(["张掖市", "甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南县"]);
    expect(order(sortRows(sampleRows, "plan", "desc"))).toEqual(["肃南县", "民乐县", "山丹县", "高台县", "临泽县", "甘州区", "张掖市"]);
  });
  it("sorts by days left, the filed plan last in both directions", () => {
    expect(order(sortRows(sampleRows, "deadline", "asc"))).toEqual(["肃南县", "临泽县", "甘州区", "张掖市", "高台县", "山丹县", "民乐县"]);
    expect(order(sortRows(sampleRows, "deadline", "desc"))).toEqual(["山丹县", "张掖市", "高台县", "甘州区", "临泽县", "肃南县", "民乐县"]);
  });
  it("sorts by progress: stage, then requested, approved, filed", () => {
    expect(order(sortRows(sampleRows, "stage", "desc"))).toEqual(["民乐县", "山丹县", "高台县", "张掖市", "甘州区", "临泽县", "肃南县"]);
  });
  it("sorts by unanswered comments, then the total", () => {
    expect(order(sortRows(sampleRows, "comments", "desc")).slice(0, 4)).toEqual(["张掖市", "甘州区", "临泽县", "高台县"]);
  });
  it("puts plans without the thing last: reviews, approvals, filings, open rounds", () => {
    expect(order(sortRows(sampleRows, "review", "asc"))).toEqual(["张掖市", "临泽县", "高台县", "山丹县", "民乐县", "甘州区", "肃南县"]); // open, concluded 修改后通过 before 通过
    expect(order(sortRows(sampleRows, "approval", "asc"))).toEqual(["民乐县", "山丹县", "高台县", "张掖市", "甘州区", "临泽县", "肃南县"]);
    expect(order(sortRows(sampleRows, "filing", "desc"))[0]).toBe("民乐县");
    expect(order(sortRows(sampleRows, "rounds", "desc")).slice(0, 2)).toEqual(["甘州区", "张掖市"]); // 3/8 replied before 6/20
  });
  it("sorts by indicator problems and by included projects", () => {
    expect(order(sortRows(sampleRows, "indicators", "desc"))[0]).toBe("张掖市");
    expect(order(sortRows(sampleRows, "projects", "desc")).slice(0, 2)).toEqual(["张掖市", "民乐县"]);
  });
});

describe("the query", () => {
  it("reads sort, direction and filters, ignoring what it does not know", () => {
    expect(parseRollupQuery(new URLSearchParams("sort=deadline&dir=desc&level=county&stage=approval&overdue=1&attention=on"))).toEqual({
      sort: "deadline",
      dir: "desc",
      level: "county",
      stage: "approval",
      overdue: true,
      attention: true,
    });
    expect(parseRollupQuery(new URLSearchParams("sort=drop%20table&dir=up&level=province&stage=x&overdue=0"))).toEqual(defaultQuery);
  });
  it("writes links that sort by a column and flip its direction", () => {
    const q = parseRollupQuery(new URLSearchParams("level=county"));
    expect(sortLink(q, "deadline")).toBe("?sort=deadline&level=county");
    expect(sortLink({ ...q, sort: "deadline" }, "deadline")).toBe("?sort=deadline&dir=desc&level=county");
    expect(sortLink({ ...q, sort: "deadline", dir: "desc" }, "deadline")).toBe("?sort=deadline&level=county");
    expect(queryString(defaultQuery)).toBe("");
  });
  it("filters by level, stage, overdue and needs-attention", () => {
    expect(order(filterRows(sampleRows, { ...defaultQuery, level: "city" }))).toEqual(["张掖市"]);
    expect(order(filterRows(sampleRows, { ...defaultQuery, stage: "filing" }))).toEqual(["民乐县"]);
    expect(order(filterRows(sampleRows, { ...defaultQuery, stage: "approval" }))).toEqual(["高台县", "山丹县"]);
    expect(order(filterRows(sampleRows, { ...defaultQuery, overdue: true }))).toEqual(["肃南县"]);
    expect(order(filterRows(sampleRows, { ...defaultQuery, attention: true }))).toEqual(["张掖市", "临泽县", "山丹县", "肃南县"]);
    expect(order(applyQuery(sampleRows, { ...defaultQuery, level: "county", sort: "deadline", dir: "asc" }))).toEqual([
      "肃南县",
      "临泽县",
      "甘州区",
      "高台县",
      "山丹县",
      "民乐县",
    ]);
  });
});

describe("rollupSummary", () => {
  it("counts the plans by where they stand", () => {
    expect(rollupSummary(sampleRows)).toEqual({
      plans: 7,
      overdue: 1,
      maxDaysOverdue: 5,
      consulting: 2,
      inReview: 2,
      requested: 1,
      awaitingFiling: 1,
      filed: 1,
      unanswered: 14,
      mismatches: 2,
      attention: 4,
    });
  });
});
