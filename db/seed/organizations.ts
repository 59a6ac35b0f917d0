import type { OrganizationKind, Role } from "../schema";

// Every organisation named in the work plan (张政办函〔2021〕30号) and its leading group.
export const demoOrganizations: { key: string; name: string; fullName: string; kind: OrganizationKind }[] = [
  { key: "bureau", name: "张掖市自然资源局", fullName: "张掖市自然资源局", kind: "bureau" },
  { key: "drafting", name: "规划编制专班", fullName: "张掖市国土空间生态修复规划编制专班", kind: "drafting_team" },
  { key: "ganzhou", name: "甘州区", fullName: "张掖市甘州区人民政府", kind: "county" },
  { key: "linze", name: "临泽县", fullName: "临泽县人民政府", kind: "county" },
  { key: "gaotai", name: "高台县", fullName: "高台县人民政府", kind: "county" },
  { key: "shandan", name: "山丹县", fullName: "山丹县人民政府", kind: "county" },
  { key: "minle", name: "民乐县", fullName: "民乐县人民政府", kind: "county" },
  { key: "sunan", name: "肃南县", fullName: "肃南裕固族自治县人民政府", kind: "county" },
  { key: "zfb", name: "市人民政府办公室", fullName: "张掖市人民政府办公室", kind: "department" },
  { key: "fgw", name: "市发展和改革委员会", fullName: "张掖市发展和改革委员会", kind: "department" },
  { key: "czj", name: "市财政局", fullName: "张掖市财政局", kind: "department" },
  { key: "qls", name: "祁连山自然保护区管理局", fullName: "甘肃祁连山国家级自然保护区管理局", kind: "department" },
  { key: "sthjj", name: "市生态环境局", fullName: "张掖市生态环境局", kind: "department" },
  { key: "zjj", name: "市住房和城乡建设局", fullName: "张掖市住房和城乡建设局", kind: "department" },
  { key: "nyncj", name: "市农业农村局", fullName: "张掖市农业农村局", kind: "department" },
  { key: "swj", name: "市水务局", fullName: "张掖市水务局", kind: "department" },
  { key: "lcj", name: "市林业和草原局", fullName: "张掖市林业和草原局", kind: "department" },
  { key: "sdj", name: "市湿地管理局", fullName: "张掖市湿地保护管理局", kind: "department" },
  { key: "gxj", name: "市工业和信息化局", fullName: "张掖市工业和信息化局", kind: "department" },
  { key: "jtj", name: "市交通运输局", fullName: "张掖市交通运输局", kind: "department" },
  { key: "wlj", name: "市文化广电和旅游局", fullName: "张掖市文化广电和旅游局", kind: "department" },
  { key: "yjj", name: "市应急管理局", fullName: "张掖市应急管理局", kind: "department" },
  { key: "experts", name: "专家组", fullName: "张掖市国土空间生态修复规划技术审查专家组", kind: "expert_panel" },
];

// The demo log-ins of CONTRACT.md; the people's names are invented.
export const demoUsers: { username: string; org: string; role: Role; displayName: string; title: string }[] = [
  { username: "admin", org: "bureau", role: "admin", displayName: "赵立群", title: "国土空间生态修复科科长" },
  { username: "drafter", org: "drafting", role: "drafter", displayName: "陈思远", title: "编制专班技术负责人" },
  { username: "ganzhou", org: "ganzhou", role: "reviewer", displayName: "孙丽娟", title: "甘州区自然资源局副局长" },
  { username: "linze", org: "linze", role: "reviewer", displayName: "马文斌", title: "临泽县自然资源局副局长" },
  { username: "gaotai", org: "gaotai", role: "reviewer", displayName: "杨海燕", title: "高台县自然资源局规划股股长" },
  { username: "shandan", org: "shandan", role: "reviewer", displayName: "李国栋", title: "山丹县自然资源局副局长" },
  { username: "minle", org: "minle", role: "reviewer", displayName: "郭晓敏", title: "民乐县自然资源局副局长" },
  { username: "sunan", org: "sunan", role: "reviewer", displayName: "安秀兰", title: "肃南县自然资源局副局长" },
  { username: "fgw", org: "fgw", role: "reviewer", displayName: "冯志刚", title: "规划科科长" },
  { username: "sthjj", org: "sthjj", role: "reviewer", displayName: "韩雪梅", title: "自然生态保护科科长" },
  { username: "swj", org: "swj", role: "reviewer", displayName: "王振华", title: "水资源管理科科长" },
  { username: "lcj", org: "lcj", role: "reviewer", displayName: "刘春燕", title: "生态修复科科长" },
  { username: "expert1", org: "experts", role: "expert", displayName: "周德明", title: "教授级高级工程师（专家组组长）" },
  { username: "expert2", org: "experts", role: "expert", displayName: "吴佩兰", title: "研究员（生态学）" },
  { username: "expert3", org: "experts", role: "expert", displayName: "何建平", title: "教授（水文水资源）" },
  { username: "expert4", org: "experts", role: "expert", displayName: "蒋文涛", title: "高级工程师（矿山地质环境）" },
  { username: "expert5", org: "experts", role: "expert", displayName: "许慧", title: "教授级高级规划师（国土空间规划）" },
];

export const DEMO_PASSWORD = "zhangye-2021";
