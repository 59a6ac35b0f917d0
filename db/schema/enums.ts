// Plain value lists shared by the schema, the domain and the browser (no drizzle import here).
// county_bureau: a county's 自然资源局, the drafting organisation of that county's plan.
export const organizationKinds = ["bureau", "drafting_team", "county", "department", "expert_panel", "county_bureau"] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
export const roles = ["admin", "drafter", "reviewer", "expert", "coordinator"] as const;
export type Role = (typeof roles)[number];
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const stageKeys = ["launch", "drafting", "consultation", "approval", "filing"] as const;
export type StageKey = (typeof stageKeys)[number];
export const documentKinds = ["text", "explanation", "atlas", "topic_report"] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const roundVisibilities = ["private", "shared"] as const;
export type RoundVisibility = (typeof roundVisibilities)[number];
export const commentCategories = ["revise", "add", "delete", "question", "other"] as const;
export type CommentCategory = (typeof commentCategories)[number];
export const responseDecisions = ["adopted", "partially_adopted", "not_adopted", "noted"] as const;
export type ResponseDecision = (typeof responseDecisions)[number];
export const conclusions = ["approve", "approve_with_changes", "reject"] as const;
export type Conclusion = (typeof conclusions)[number];
export const planLevels = ["city", "county"] as const;
export type PlanLevel = (typeof planLevels)[number];
// Where a plan's structured tables are shown inside its text.
export const dataBlocks = ["indicators", "projects"] as const;
export type DataBlock = (typeof dataBlocks)[number];

// The key-project library (重点项目素材库): the seed's ten kinds of project, three periods.
export const projectTypes = [
  "habitat",
  "corridor",
  "river_wetland",
  "soil_erosion",
  "farmland",
  "land_consolidation",
  "mine",
  "urban_green",
  "urban_buffer",
  "urban_river",
] as const;
export type ProjectType = (typeof projectTypes)[number];
export const projectPeriods = ["2021-2025", "2026-2030", "2031-2035"] as const;
export type ProjectPeriod = (typeof projectPeriods)[number];
export const projectStatuses = ["candidate", "included", "excluded"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

// Indicator tables (指标表): binding 约束性 / expected 预期性; targets for three years against the 2020 baseline.
export const indicatorKinds = ["binding", "expected"] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorDirections = ["up", "down"] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorRollups = ["sum", "none"] as const;
export type IndicatorRollup = (typeof indicatorRollups)[number];
export const targetYears = ["2025", "2030", "2035"] as const;
export type TargetYear = (typeof targetYears)[number];

// WebCrypto algorithms a signer's browser may use for its key (Ed25519 where the browser has it).
export const signingAlgorithms = ["ECDSA-P256", "Ed25519"] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];
