// Everything the workbench page shows for one request: the round, one page of rows with the counts,
// the groups of similar comments (confirmed and proposed), and the drawer that is open (one comment or
// one group). Sized by the page, not by the round.
import { currentWording } from "./anchor-view.server";
import { MAX_GROUP_SIZE, roundGroups } from "./comment-group.server";
import { getComment } from "./comment.server";
import { answerChange } from "./earlier-comments.server";
import { getRound } from "./round.server";
import { type WorkbenchFilters, workbenchRow, workbenchView } from "./workbench.server";
import type { Ctx } from "../utils/session.server";

/** Proposals and groups listed above the table at once (the rest are counted; every group is reachable from its rows). */
export const LISTED_PROPOSALS = 3;
export const LISTED_GROUPS = 20;
/** Members named per group or proposal (the rest are counted). */
export const LISTED_MEMBERS = 4;

const listed = <T extends { members: { answered: boolean }[] }>(g: T) => ({
  ...g,
  size: g.members.length,
  answered: g.members.filter((m) => m.answered).length,
  members: g.members.slice(0, LISTED_MEMBERS),
});

export function workbenchPage(
  ctx: Ctx,
  roundId: string,
  query: { filters: WorkbenchFilters; page: number; comment: string | null; group: string | null },
) {
  const view = workbenchView(ctx, roundId, query);
  const round = getRound(ctx, roundId);
  const { groups, proposals } = roundGroups(ctx, roundId);
  const comment = query.comment ? getComment(ctx, query.comment) : null;
  const openRow = comment && comment.roundId === roundId ? workbenchRow(ctx, roundId, comment.id) : null;
  const group = query.group ? (groups.find((g) => g.id === query.group) ?? null) : null;
  // a proposal larger than a group may be cannot be confirmed as it stands: the drafter groups by selection
  const confirmable = proposals.filter((p) => p.commentIds.length <= MAX_GROUP_SIZE);
  return {
    round: { id: round.id, title: round.title, editionId: round.editionId, planId: round.planId },
    view,
    groups: {
      listed: groups.slice(0, LISTED_GROUPS).map(({ commentIds, ...g }) => listed(g)),
      total: groups.length,
      proposals: confirmable.slice(0, LISTED_PROPOSALS).map(listed),
      moreProposals: Math.max(0, confirmable.length - LISTED_PROPOSALS),
    },
    drawer:
      comment && openRow ? { comment, row: openRow, current: currentWording(ctx, comment), change: answerChange(ctx, comment) } : null,
    groupDrawer: group ? { ...group, number: view.groupNumbers[group.id] ?? 0 } : null,
  };
}
