// 报批 gate: may this plan's edition go to the people's government? Pure: the domain feeds it the
// plan's rounds and reviews; the answer is a checklist (each condition met or not, with its figures)
// and the codes of what is unmet, in the order docs/APPROVAL.md lists them.
import type { Conclusion } from "~db/schema/enums";

export const unmetCodes = [
  "round_open",
  "comments_unanswered",
  "review_missing",
  "review_not_concluded",
  "review_rejected",
  "conditions_unconfirmed",
] as const;
export type UnmetCode = (typeof unmetCodes)[number];

export interface GateRound {
  id: string;
  title: string;
  open: boolean;
  /** ISO-8601 (+08:00): when it closes or closed */
  closesAt: string;
  /** non-withdrawn comments, and how many of them have no answer */
  comments: number;
  unanswered: number;
}

export interface GateReview {
  id: string;
  title: string;
  editionId: string;
  editionLabel: string;
  /** the reviewed edition's document (a confirmation must be on an edition of the same document) */
  documentId: string;
  quorum: number;
  signed: number;
  conclusion: Conclusion | null;
  /** epoch ms of the panel conclusion */
  concludedAt: number | null;
  /** editions on which the chair confirmed the conditions of a 修改后通过 */
  confirmedEditionIds: string[];
}

export interface GateInput {
  /** the edition to submit (the 报批稿) */
  editionId: string;
  rounds: GateRound[];
  reviews: GateReview[];
}

export type ReviewCheck =
  | { state: "passed"; review: GateReview; via: "approve" | "confirmed" }
  | { state: "missing" }
  | { state: "not_concluded"; reviews: GateReview[] }
  | { state: "rejected"; review: GateReview }
  | { state: "unconfirmed"; reviews: GateReview[] };

export interface GateResult {
  met: boolean;
  unmet: UnmetCode[];
  rounds: { met: boolean; total: number; open: GateRound[] };
  answers: { met: boolean; comments: number; unanswered: number; rounds: GateRound[] };
  review: ReviewCheck;
}

/**
 * The gate: no round of the plan open; every comment of its closed rounds answered; a review with the
 * panel conclusion 通过, or 修改后通过 confirmed by the chair on the edition submitted; and the latest
 * concluded review not 不通过.
 */
export function evaluateGate(input: GateInput): GateResult {
  const open = input.rounds.filter((r) => r.open);
  const closed = input.rounds.filter((r) => !r.open);
  const pending = closed.filter((r) => r.unanswered > 0);
  const review = reviewCheck(input);
  const unmet: UnmetCode[] = [];
  if (open.length) unmet.push("round_open");
  if (pending.length) unmet.push("comments_unanswered");
  if (review.state === "missing") unmet.push("review_missing");
  if (review.state === "not_concluded") unmet.push("review_not_concluded");
  if (review.state === "rejected") unmet.push("review_rejected");
  if (review.state === "unconfirmed") unmet.push("conditions_unconfirmed");
  return {
    met: unmet.length === 0,
    unmet,
    rounds: { met: open.length === 0, total: input.rounds.length, open },
    answers: {
      met: pending.length === 0,
      comments: closed.reduce((n, r) => n + r.comments, 0),
      unanswered: pending.reduce((n, r) => n + r.unanswered, 0),
      rounds: pending,
    },
    review,
  };
}

function reviewCheck({ editionId, reviews }: GateInput): ReviewCheck {
  if (!reviews.length) return { state: "missing" };
  const concluded = reviews.filter((r) => r.conclusion !== null).sort((a, b) => (a.concludedAt ?? 0) - (b.concludedAt ?? 0));
  if (!concluded.length) return { state: "not_concluded", reviews };
  const latest = concluded[concluded.length - 1];
  if (latest.conclusion === "reject") return { state: "rejected", review: latest };
  // the newest review that carries the plan: 通过, or 修改后通过 confirmed on the edition submitted
  for (const r of [...concluded].reverse()) {
    if (r.conclusion === "approve") return { state: "passed", review: r, via: "approve" };
    if (r.conclusion === "approve_with_changes" && r.confirmedEditionIds.includes(editionId))
      return { state: "passed", review: r, via: "confirmed" };
  }
  return { state: "unconfirmed", reviews: concluded.filter((r) => r.conclusion === "approve_with_changes") };
}
