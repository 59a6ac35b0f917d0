import { describe, expect, it } from "vitest";
import { daysOverdue, planDeadline, progressRank } from "./deadline";

const stages = [
  { stage: "consultation" as const, dueOn: "2026-11-30" },
  { stage: "approval" as const, dueOn: "2026-12-20" },
  { stage: "filing" as const, dueOn: "2026-12-30" },
];

describe("planDeadline", () => {
  it("counts Shanghai calendar days to the current stage's due date", () => {
    const d = planDeadline({ stage: "consultation", stages, approved: false, filed: false }, "2026-11-20");
    expect(d).toEqual({ dueStage: "consultation", dueOn: "2026-11-30", daysLeft: 10, overdue: false, done: false });
  });
  it("is not overdue on the due date itself, and overdue the day after", () => {
    expect(planDeadline({ stage: "approval", stages, approved: false, filed: false }, "2026-12-20")).toMatchObject({
      daysLeft: 0,
      overdue: false,
    });
    expect(planDeadline({ stage: "approval", stages, approved: false, filed: false }, "2026-12-21")).toMatchObject({
      daysLeft: -1,
      overdue: true,
    });
  });
  it("counts an approved plan against the filing due date, whatever its stage says", () => {
    expect(planDeadline({ stage: "approval", stages, approved: true, filed: false }, "2026-12-25")).toMatchObject({
      dueStage: "filing",
      dueOn: "2026-12-30",
      daysLeft: 5,
      overdue: false,
    });
    expect(planDeadline({ stage: "filing", stages, approved: true, filed: false }, "2027-01-02")).toMatchObject({
      dueStage: "filing",
      daysLeft: -3,
      overdue: true,
    });
  });
  it("never calls a filed plan overdue", () => {
    const d = planDeadline({ stage: "filing", stages, approved: true, filed: true }, "2027-03-01");
    expect(d).toMatchObject({ dueStage: "filing", overdue: false, done: true });
    expect(d.daysLeft).toBeLessThan(0);
    expect(daysOverdue(d)).toBe(0);
  });
  it("has no deadline when the stage has no dates", () => {
    expect(planDeadline({ stage: "drafting", stages, approved: false, filed: false }, "2026-11-20")).toEqual({
      dueStage: "drafting",
      dueOn: null,
      daysLeft: null,
      overdue: false,
      done: false,
    });
  });
  it("counts the days a plan is late", () => {
    expect(daysOverdue(planDeadline({ stage: "consultation", stages, approved: false, filed: false }, "2026-12-04"))).toBe(4);
  });
  it("ranks progress: stage, then requested, approved, filed", () => {
    const rank = (stage: "drafting" | "approval" | "filing", approvalRequested = false, approved = false, filed = false) =>
      progressRank({ stage, approvalRequested, approved, filed });
    expect([
      rank("drafting"),
      rank("approval"),
      rank("approval", true),
      rank("filing"),
      rank("approval", true, true),
      rank("filing", true, true, true),
    ]).toEqual([1, 3, 3.5, 4, 5, 6]);
  });
});
