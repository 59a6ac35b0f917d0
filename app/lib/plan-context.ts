// The plan a page is in, as plan-scoped loaders return it (app/models/plan-nav.server.ts#planContext)
// and the breadcrumbs and the plan switcher read it (app/components/breadcrumbs.tsx). Types only.
export interface Crumb {
  label: string;
  to: string | null;
}

export interface PlanContext {
  planId: string;
  title: string;
  level: "city" | "county";
  region: string;
  /** the city plan a county plan belongs to */
  parent: { id: string; title: string; region: string } | null;
  draftingOrganization: string | null;
  /** the path inside the plan, e.g. 规划文本 › 征求意见稿 › 第一轮征求意见 */
  trail: Crumb[];
}
