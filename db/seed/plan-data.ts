// Structured data of the city plan (《张掖市国土空间生态修复规划（2021—2035年）》, demo):
// its indicator table and its key projects. The prose in plan-text.ts uses the same numbers.

/** The ten project types of the city's 2021 work plan. */
export type ProjectType =
  | "habitat" // 重要物种栖息地保护修复
  | "corridor" // 生态廊道和生态网络构建
  | "river_wetland" // 重要河流湿地保护修复
  | "soil_erosion" // 水土流失综合治理
  | "farmland" // 退化农用地生态修复
  | "land_consolidation" // 生态型土地整治
  | "mine" // 历史遗留矿山修复
  | "urban_green" // 城镇绿地体系构建
  | "urban_buffer" // 城镇生态缓冲带建设
  | "urban_river"; // 城镇河道生态修复

export type ProjectPeriod = "2021-2025" | "2026-2030" | "2031-2035";

export interface DemoIndicator {
  /** Stable code: the same code means the same indicator in every plan (ZBxx = city indicators). */
  code: string;
  name: string;
  unit: string;
  kind: "binding" | "expected"; // 约束性 / 预期性
  direction: "up" | "down"; // whether a higher value is better
  /** "sum": the county targets must add up to the city's; "none": rates, percentages, per-capita values. */
  rollup: "sum" | "none";
  /** Value in the base year 2020; null for cumulative indicators counted from 2021. */
  baseline: number | null;
  targets: { "2025": number | null; "2030": number | null; "2035": number | null };
}

export interface DemoProject {
  name: string;
  type: ProjectType;
  county: string; // e.g. 甘州区
  township: string;
  areaHa: number; // 公顷
  investmentWan: number; // 万元
  /** Sources of the investment in 万元; sums to investmentWan when given. */
  investment?: { central: number; provincial: number; local: number; social: number };
  period: ProjectPeriod;
  keyArea: string; // one of the city's 重点区域
  status: "candidate" | "included" | "excluded";
  reason?: string; // required when excluded
}

/** The city's four 重点区域. */
export const keyAreas = {
  qilian: "祁连山水源涵养修复区",
  heihe: "黑河中游湿地保护修复区",
  desert: "北部荒漠防风固沙修复区",
  oasis: "绿洲农田与城镇生态提升区",
} as const;

function targets(t2025: number | null, t2030: number | null, t2035: number | null): DemoIndicator["targets"] {
  return { "2025": t2025, "2030": t2030, "2035": t2035 };
}

// The 12 indicators of the city plan's 规划指标 table, in its order (≥x is stored as x).
export const cityIndicators: DemoIndicator[] = [
  {
    code: "ZB01",
    name: "生态保护红线面积",
    unit: "平方千米",
    kind: "binding",
    direction: "up",
    rollup: "sum",
    baseline: 15286,
    targets: targets(15286, 15286, 15286),
  },
  {
    code: "ZB02",
    name: "森林覆盖率",
    unit: "%",
    kind: "binding",
    direction: "up",
    rollup: "none",
    baseline: 19.6,
    targets: targets(20.3, 20.9, 21.5),
  },
  {
    code: "ZB03",
    name: "草原综合植被盖度",
    unit: "%",
    kind: "expected",
    direction: "up",
    rollup: "none",
    baseline: 56.5,
    targets: targets(57.5, 58.5, 60.0),
  },
  {
    code: "ZB04",
    name: "湿地保护率",
    unit: "%",
    kind: "binding",
    direction: "up",
    rollup: "none",
    baseline: 62.0,
    targets: targets(65.0, 68.0, 70.0),
  },
  {
    code: "ZB05",
    name: "水土流失治理面积（累计）",
    unit: "平方千米",
    kind: "expected",
    direction: "up",
    rollup: "sum",
    baseline: null,
    targets: targets(350, 700, 1000),
  },
  {
    code: "ZB06",
    name: "沙化土地治理面积（累计）",
    unit: "万亩",
    kind: "expected",
    direction: "up",
    rollup: "sum",
    baseline: null,
    targets: targets(60, 120, 180),
  },
  {
    code: "ZB07",
    name: "退化草原修复治理面积（累计）",
    unit: "万亩",
    kind: "expected",
    direction: "up",
    rollup: "sum",
    baseline: null,
    targets: targets(80, 150, 210),
  },
  {
    code: "ZB08",
    name: "历史遗留矿山生态修复面积（累计）",
    unit: "公顷",
    kind: "binding",
    direction: "up",
    rollup: "sum",
    baseline: null,
    targets: targets(1200, 2100, 2800),
  },
  {
    code: "ZB09",
    name: "新增高标准农田面积（累计）",
    unit: "万亩",
    kind: "binding",
    direction: "up",
    rollup: "sum",
    baseline: null,
    targets: targets(80, 150, 220),
  },
  {
    code: "ZB10",
    name: "全域土地综合整治项目数量（累计）",
    unit: "个",
    kind: "expected",
    direction: "up",
    rollup: "sum",
    baseline: null,
    targets: targets(6, 12, 18),
  },
  {
    code: "ZB11",
    name: "重要河湖水功能区水质达标率",
    unit: "%",
    kind: "binding",
    direction: "up",
    rollup: "none",
    baseline: 95.0,
    targets: targets(97.0, 100, 100),
  },
  {
    code: "ZB12",
    name: "城区人均公园绿地面积",
    unit: "平方米",
    kind: "expected",
    direction: "up",
    rollup: "none",
    baseline: 14.2,
    targets: targets(15.0, 15.5, 16.0),
  },
];

// City-level key projects: the included ones are the 18 named in the 重点工程 chapter of plan-text.ts
// (same investment; areas converted from 万亩 to 公顷, 1万亩 ≈ 666.7公顷). Only one period is stored per
// project, so the periods are chosen to reproduce the chapter's 近期/中期/远期 totals (38.6/34.2/19.2亿元)
// rather than each project's 实施期限.
export const cityProjects: DemoProject[] = [
  {
    name: "祁连山北麓（肃南段）水源涵养林草植被保护修复项目",
    type: "habitat",
    county: "肃南裕固族自治县",
    township: "康乐镇",
    areaHa: 60000,
    investmentWan: 98000,
    investment: { central: 68600, provincial: 14700, local: 9800, social: 4900 },
    period: "2021-2025",
    keyArea: keyAreas.qilian,
    status: "included",
  },
  {
    name: "民乐县大都麻河、童子坝河流域水源涵养与水土流失综合治理项目",
    type: "soil_erosion",
    county: "民乐县",
    township: "丰乐镇",
    areaHa: 18000,
    investmentWan: 46000,
    investment: { central: 27600, provincial: 9200, local: 4600, social: 4600 },
    period: "2021-2025",
    keyArea: keyAreas.qilian,
    status: "included",
  },
  {
    name: "山丹县焉支山生态保护修复项目",
    type: "habitat",
    county: "山丹县",
    township: "老军乡",
    areaHa: 11330,
    investmentWan: 32000,
    investment: { central: 22400, provincial: 4800, local: 3200, social: 1600 },
    period: "2026-2030",
    keyArea: keyAreas.qilian,
    status: "included",
  },
  {
    name: "北部荒漠区防沙治沙与防护林体系建设项目",
    type: "corridor",
    county: "甘州区",
    township: "靖安乡",
    areaHa: 60000,
    investmentWan: 84000,
    investment: { central: 50400, provincial: 16800, local: 12600, social: 4200 },
    period: "2026-2030",
    keyArea: keyAreas.desert,
    status: "included",
  },
  {
    name: "黑河中游湿地保护与生态修复项目",
    type: "river_wetland",
    county: "临泽县",
    township: "平川镇",
    areaHa: 5133,
    investmentWan: 75000,
    investment: { central: 45000, provincial: 15000, local: 7500, social: 7500 },
    period: "2021-2025",
    keyArea: keyAreas.heihe,
    status: "included",
  },
  {
    name: "甘州区全域土地综合整治试点项目",
    type: "land_consolidation",
    county: "甘州区",
    township: "党寨镇",
    areaHa: 8000,
    investmentWan: 62000,
    investment: { central: 18600, provincial: 12400, local: 12400, social: 18600 },
    period: "2026-2030",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "临泽县沿黑河乡镇全域土地综合整治项目",
    type: "land_consolidation",
    county: "临泽县",
    township: "平川镇",
    areaHa: 6000,
    investmentWan: 41000,
    investment: { central: 12300, provincial: 8200, local: 8200, social: 12300 },
    period: "2021-2025",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "高台县盐碱地综合改良与高标准农田建设项目",
    type: "farmland",
    county: "高台县",
    township: "黑泉镇",
    areaHa: 20000,
    investmentWan: 78000,
    investment: { central: 39000, provincial: 15600, local: 7800, social: 15600 },
    period: "2031-2035",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "民乐县、山丹县沿山冷凉灌区高标准农田建设项目",
    type: "farmland",
    county: "民乐县",
    township: "六坝镇",
    areaHa: 30000,
    investmentWan: 90000,
    investment: { central: 45000, provincial: 18000, local: 9000, social: 18000 },
    period: "2021-2025",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "全市农村建设用地整理与人居环境整治项目",
    type: "land_consolidation",
    county: "甘州区",
    township: "大满镇",
    areaHa: 800,
    investmentWan: 55000,
    investment: { central: 16500, provincial: 11000, local: 11000, social: 16500 },
    period: "2031-2035",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "肃南县祁连山自然保护区内历史遗留矿山生态修复项目",
    type: "mine",
    county: "肃南裕固族自治县",
    township: "祁丰藏族乡",
    areaHa: 760,
    investmentWan: 36000,
    investment: { central: 25200, provincial: 5400, local: 3600, social: 1800 },
    period: "2021-2025",
    keyArea: keyAreas.qilian,
    status: "included",
  },
  {
    name: "山丹县北部废弃煤矿及采空区综合治理项目",
    type: "mine",
    county: "山丹县",
    township: "位奇镇",
    areaHa: 540,
    investmentWan: 24000,
    investment: { central: 12000, provincial: 4800, local: 2400, social: 4800 },
    period: "2026-2030",
    keyArea: keyAreas.desert,
    status: "included",
  },
  {
    name: "甘州区、临泽县、高台县北山片区砂石采坑综合整治项目",
    type: "mine",
    county: "甘州区",
    township: "三闸镇",
    areaHa: 980,
    investmentWan: 28000,
    investment: { central: 14000, provincial: 5600, local: 2800, social: 5600 },
    period: "2031-2035",
    keyArea: keyAreas.desert,
    status: "included",
  },
  {
    name: "民乐县沿山地带废弃采石场生态修复项目",
    type: "mine",
    county: "民乐县",
    township: "顺化镇",
    areaHa: 320,
    investmentWan: 11000,
    period: "2026-2030",
    keyArea: keyAreas.qilian,
    status: "included",
  },
  {
    name: "张掖主城区“蓝绿交织”生态网络建设项目",
    type: "urban_green",
    county: "甘州区",
    township: "梁家墩镇",
    areaHa: 180,
    investmentWan: 68000,
    period: "2026-2030",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "张掖城北湿地与城市水系连通项目",
    type: "urban_river",
    county: "甘州区",
    township: "长安镇",
    areaHa: 320,
    investmentWan: 35000,
    period: "2026-2030",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "临泽县、高台县城区生态缓冲带与城市公园建设项目",
    type: "urban_buffer",
    county: "临泽县",
    township: "沙河镇",
    areaHa: 95,
    investmentWan: 26000,
    period: "2026-2030",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "山丹县、民乐县、肃南县县城生态品质提升项目",
    type: "urban_green",
    county: "山丹县",
    township: "清泉镇",
    areaHa: 110,
    investmentWan: 31000,
    period: "2031-2035",
    keyArea: keyAreas.oasis,
    status: "included",
  },
  {
    name: "民乐县县城洪水河城区段生态修复项目",
    type: "urban_river",
    county: "民乐县",
    township: "洪水镇",
    areaHa: 40,
    investmentWan: 8600,
    period: "2031-2035",
    keyArea: keyAreas.oasis,
    status: "candidate",
  },
  {
    name: "肃南县马蹄寺景区生态修复及游客服务设施提升项目",
    type: "habitat",
    county: "肃南裕固族自治县",
    township: "马蹄藏族乡",
    areaHa: 120,
    investmentWan: 15000,
    period: "2026-2030",
    keyArea: keyAreas.qilian,
    status: "excluded",
    reason:
      "项目以游客服务设施和景观建设为主，生态修复内容占比低，且部分建设内容位于祁连山国家公园和生态保护红线范围内，与生态保护红线管控要求冲突，调出。",
  },
];
