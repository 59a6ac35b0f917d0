// The gate in words, for the checklist on the approval page and for the 409's message and
// `unmetDetails`: each condition with its figures and the links that lead to what is missing. Pure.
import type { Translate } from "~/i18n";
import { formatDateTime } from "~/lib/time";
import type { GateResult, UnmetCode } from "./gate";

export interface GateLink {
  href: string;
  /** what the link opens, in words */
  label: string;
}

export interface GateItem {
  item: "rounds" | "answers" | "review";
  met: boolean;
  /** the API code when unmet (docs/APPROVAL.md) */
  code: UnmetCode | null;
  message: string;
  links: GateLink[];
  /** the figures behind the words (API `unmetDetails`) */
  figures: Record<string, unknown>;
}

const q = (t: Translate, text: string) => t("approval.quoted", { text });

/** The three conditions of the gate, met or not, in words. */
export function gateItems(t: Translate, locale: string, g: GateResult, edition: { id: string; label: string }): GateItem[] {
  return [roundsItem(t, locale, g), answersItem(t, g), reviewItem(t, g, edition)];
}

function roundsItem(t: Translate, locale: string, g: GateResult): GateItem {
  if (g.rounds.met) {
    return {
      item: "rounds",
      met: true,
      code: null,
      message: g.rounds.total ? t("approval.check.rounds.met", { count: g.rounds.total }) : t("approval.check.rounds.none"),
      links: [],
      figures: { rounds: g.rounds.total },
    };
  }
  const list = g.rounds.open.map((r) =>
    t("approval.check.rounds.item", { round: q(t, r.title), date: formatDateTime(r.closesAt, locale) }),
  );
  return {
    item: "rounds",
    met: false,
    code: "round_open",
    message: t("approval.check.rounds.unmet", { count: g.rounds.open.length, list: list.join(t("approval.listSeparator")) }),
    links: g.rounds.open.map((r) => ({ href: `/rounds/${r.id}`, label: r.title })),
    figures: { rounds: g.rounds.open.map((r) => ({ id: r.id, title: r.title, closesAt: r.closesAt, href: `/rounds/${r.id}` })) },
  };
}

function answersItem(t: Translate, g: GateResult): GateItem {
  if (g.answers.met)
    return {
      item: "answers",
      met: true,
      code: null,
      message: t("approval.check.answers.met", { count: g.answers.comments }),
      links: [],
      figures: { comments: g.answers.comments },
    };
  const href = (id: string) => `/rounds/${id}/workbench?status=pending`;
  const list = g.answers.rounds.map((r) => t("approval.check.answers.item", { round: q(t, r.title), count: r.unanswered }));
  return {
    item: "answers",
    met: false,
    code: "comments_unanswered",
    message: t("approval.check.answers.unmet", { count: g.answers.unanswered, list: list.join(t("approval.listSeparator")) }),
    links: g.answers.rounds.map((r) => ({
      href: href(r.id),
      label: t("approval.check.answers.link", { round: r.title, count: r.unanswered }),
    })),
    figures: {
      count: g.answers.unanswered,
      comments: g.answers.comments,
      rounds: g.answers.rounds.map((r) => ({ id: r.id, title: r.title, unanswered: r.unanswered, href: href(r.id) })),
    },
  };
}

function reviewItem(t: Translate, g: GateResult, edition: { id: string; label: string }): GateItem {
  const r = g.review;
  const link = (x: { id: string; title: string }) => ({ href: `/reviews/${x.id}`, label: x.title });
  const ref = (x: { id: string; title: string }) => ({ id: x.id, title: x.title, href: `/reviews/${x.id}` });
  switch (r.state) {
    case "passed":
      return {
        item: "review",
        met: true,
        code: null,
        message:
          r.via === "approve"
            ? t("approval.check.review.approve", { review: q(t, r.review.title) })
            : t("approval.check.review.confirmed", { review: q(t, r.review.title), label: q(t, edition.label) }),
        links: [link(r.review)],
        figures: { review: { ...ref(r.review), conclusion: r.review.conclusion } },
      };
    case "missing":
      return {
        item: "review",
        met: false,
        code: "review_missing",
        message: t("approval.check.review.missing"),
        links: [{ href: `/editions/${edition.id}/reviews/new`, label: t("approval.check.review.setUp") }],
        figures: { reviews: 0 },
      };
    case "not_concluded":
      return {
        item: "review",
        met: false,
        code: "review_not_concluded",
        message: t("approval.check.review.notConcluded", {
          list: r.reviews
            .map((x) => t("approval.check.review.signedItem", { review: q(t, x.title), signed: x.signed, quorum: x.quorum }))
            .join(t("approval.listSeparator")),
        }),
        links: r.reviews.map(link),
        figures: { reviews: r.reviews.map((x) => ({ ...ref(x), signed: x.signed, quorum: x.quorum })) },
      };
    case "rejected":
      return {
        item: "review",
        met: false,
        code: "review_rejected",
        message: t("approval.check.review.rejected", { review: q(t, r.review.title) }),
        links: [link(r.review)],
        figures: { review: { ...ref(r.review), conclusion: "reject" } },
      };
    case "unconfirmed":
      return {
        item: "review",
        met: false,
        code: "conditions_unconfirmed",
        message: t("approval.check.review.unconfirmed", {
          review: r.reviews.map((x) => q(t, x.title)).join(t("approval.listSeparator")),
          label: q(t, edition.label),
        }),
        links: r.reviews.map(link),
        figures: { reviews: r.reviews.map(ref), editionId: edition.id, editionLabel: edition.label },
      };
  }
}

/** The 409's body beside `error`: the codes, and each unmet condition's words and figures. */
export function unmetBody(items: GateItem[]) {
  const unmet = items.filter((i) => !i.met);
  return { unmet: unmet.map((i) => i.code!), unmetDetails: unmet.map((i) => ({ code: i.code!, message: i.message, ...i.figures })) };
}
