// The one order plans are listed in everywhere (switcher, start page, roll-up, API): the city plan
// first, then the county plans in the order of their drafting organisations (the work plan's order:
// 甘州区, 临泽县, 高台县, 山丹县, 民乐县, 肃南县), then by creation. Pure.
export interface OrderedPlan {
  id: string;
  level: "city" | "county";
  /** sort order of the drafting organisation; null when the plan has none */
  organizationOrder: number | null;
  createdAt: number;
}

export function comparePlans(a: OrderedPlan, b: OrderedPlan): number {
  if (a.level !== b.level) return a.level === "city" ? -1 : 1;
  const ao = a.organizationOrder ?? Number.MAX_SAFE_INTEGER;
  const bo = b.organizationOrder ?? Number.MAX_SAFE_INTEGER;
  if (ao !== bo) return ao - bo;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortPlans<T extends OrderedPlan>(plans: readonly T[]): T[] {
  return [...plans].sort(comparePlans);
}
