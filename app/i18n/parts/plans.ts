// Strings of: plans at two levels (市县两级): the plan switcher and breadcrumbs, drafters' scoping, freezing.
export const plansZh = {
  "role.coordinator": "统筹协调人员",
  "orgKind.county_bureau": "县（区）自然资源局",
  "plan.notYourPlan": "您只能编辑本单位负责编制的规划。",
  "plan.frozen": "该规划已经人民政府批复，成果已冻结，不能再修改；如需修改，请形成新的稿次并重新报批。",
  "plan.frozenBanner": "该规划已于 {date} 经{authority}批复（{number}），成果已冻结。",
  "plan.level.city": "市级",
  "plan.level.county": "县级",
  "plan.switcher": "切换规划",
  "plan.allPlans": "全部规划",
  "plan.cityPlan": "市级规划",
  "plan.countyPlans": "县级规划",
  "plan.parent": "上级规划",
  "plan.drafting": "编制单位",
  "plan.yourPlan": "本单位编制",
} as const;

export const plansEn: Record<keyof typeof plansZh, string> = {
  "role.coordinator": "Coordinator",
  "orgKind.county_bureau": "County natural resources bureau",
  "plan.notYourPlan": "You may only edit the plan your organisation drafts.",
  "plan.frozen": "This plan has been approved by the people's government and is frozen; a change needs a new edition and a new approval.",
  "plan.frozenBanner": "Approved on {date} by {authority} ({number}); the plan is frozen.",
  "plan.level.city": "City",
  "plan.level.county": "County",
  "plan.switcher": "Switch plan",
  "plan.allPlans": "All plans",
  "plan.cityPlan": "City plan",
  "plan.countyPlans": "County plans",
  "plan.parent": "Parent plan",
  "plan.drafting": "Drafted by",
  "plan.yourPlan": "Your organisation's plan",
};
