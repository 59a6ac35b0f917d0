import { describe, expect, it } from "vitest";
import { evaluateGate, type GateReview, type GateRound } from "./gate";

const round = (over: Partial<GateRound> = {}): GateRound => ({
  id: "r1",
  title: "征求意见",
  open: false,
  closesAt: "2026-10-31T18:00:00+08:00",
  comments: 4,
  unanswered: 0,
  ...over,
});
const review = (over: Partial<GateReview> = {}): GateReview => ({
  id: "v1",
  title: "技术审查",
  editionId: "e1",
  editionLabel: "送审稿",
  documentId: "d1",
  quorum: 4,
  signed: 5,
  conclusion: "approve",
  concludedAt: 1000,
  confirmedEditionIds: [],
  ...over,
});

describe("the approval gate", () => {
  it("is met with closed, answered rounds and a review concluded 通过", () => {
    const g = evaluateGate({ editionId: "e2", rounds: [round()], reviews: [review()] });
    expect(g).toMatchObject({
      met: true,
      unmet: [],
      rounds: { met: true, total: 1 },
      answers: { met: true, comments: 4, unanswered: 0 },
      review: { state: "passed", via: "approve" },
    });
  });

  it("names an open round, and does not count the comments of an open round as unanswered", () => {
    const g = evaluateGate({ editionId: "e2", rounds: [round({ id: "r2", open: true, unanswered: 3 })], reviews: [review()] });
    expect(g.unmet).toEqual(["round_open"]);
    expect(g.rounds.open.map((r) => r.id)).toEqual(["r2"]);
    expect(g.answers).toMatchObject({ met: true, unanswered: 0 });
  });

  it("counts unanswered comments of closed rounds, per round", () => {
    const g = evaluateGate({
      editionId: "e2",
      rounds: [round({ unanswered: 2 }), round({ id: "r2", unanswered: 1 }), round({ id: "r3" })],
      reviews: [review()],
    });
    expect(g.unmet).toEqual(["comments_unanswered"]);
    expect(g.answers).toMatchObject({ met: false, comments: 12, unanswered: 3 });
    expect(g.answers.rounds.map((r) => r.id)).toEqual(["r1", "r2"]);
  });

  it("needs a review, and a concluded one", () => {
    expect(evaluateGate({ editionId: "e2", rounds: [], reviews: [] }).unmet).toEqual(["review_missing"]);
    const g = evaluateGate({ editionId: "e2", rounds: [], reviews: [review({ conclusion: null, concludedAt: null, signed: 3 })] });
    expect(g.unmet).toEqual(["review_not_concluded"]);
    expect(g.review).toMatchObject({ state: "not_concluded", reviews: [{ signed: 3, quorum: 4 }] });
  });

  it("refuses when the latest concluded review is 不通过, even after an earlier 通过", () => {
    const g = evaluateGate({
      editionId: "e2",
      rounds: [],
      reviews: [review({ id: "a", concludedAt: 1 }), review({ id: "b", conclusion: "reject", concludedAt: 2 })],
    });
    expect(g.unmet).toEqual(["review_rejected"]);
    expect(g.review).toMatchObject({ state: "rejected", review: { id: "b" } });
    // a later 通过 after the 不通过 carries the plan again
    const again = evaluateGate({
      editionId: "e2",
      rounds: [],
      reviews: [review({ id: "b", conclusion: "reject", concludedAt: 2 }), review({ id: "c", concludedAt: 3 })],
    });
    expect(again).toMatchObject({ met: true, review: { state: "passed", review: { id: "c" } } });
  });

  it("accepts 修改后通过 only when the chair confirmed it on the edition submitted", () => {
    const withChanges = review({ conclusion: "approve_with_changes", confirmedEditionIds: ["e2"] });
    expect(evaluateGate({ editionId: "e2", rounds: [], reviews: [withChanges] })).toMatchObject({
      met: true,
      review: { state: "passed", via: "confirmed" },
    });
    const elsewhere = evaluateGate({ editionId: "e3", rounds: [], reviews: [withChanges] });
    expect(elsewhere.unmet).toEqual(["conditions_unconfirmed"]);
    expect(elsewhere.review).toMatchObject({ state: "unconfirmed", reviews: [{ id: "v1" }] });
  });

  it("lists every unmet condition at once, in the contract's order", () => {
    const g = evaluateGate({
      editionId: "e2",
      rounds: [round({ unanswered: 1 }), round({ id: "r2", open: true })],
      reviews: [review({ conclusion: "reject" })],
    });
    expect(g.unmet).toEqual(["round_open", "comments_unanswered", "review_rejected"]);
    expect(g.met).toBe(false);
  });
});
