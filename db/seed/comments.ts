// Demo comments in the open round: realistic remarks from counties and departments, most on exact
// passages (anchors are computed from the seeded text, so they always match).
import type { CommentCategory } from "../schema";

export interface DemoComment {
  username: string;
  section: string; // section title
  quote: string | null; // passage to anchor on; null = the whole section
  category: CommentCategory;
  body: string;
  proposedText?: string;
  reply?: { username: string; body: string };
}

export const demoComments: DemoComment[] = [
  {
    username: "gaotai",
    section: "黑河中游湿地保护修复区",
    quote: "临泽县、高台县沿河段应重点解决湿地与农田交错区域的盐渍化问题",
    category: "revise",
    body: "高台县沿河段盐渍化主要集中在南华镇、巷道镇一带，建议细化到乡镇，并明确“十四五”期间盐渍化治理面积目标，便于县级规划分解落实。",
    proposedText: "临泽县、高台县沿河段（重点是临泽县平川镇、蓼泉镇和高台县南华镇、巷道镇）应重点解决湿地与农田交错区域的盐渍化问题",
    reply: { username: "drafter", body: "感谢意见。我们将结合县级规划前期成果核实乡镇范围，在送审稿中补充。" },
  },
  {
    username: "swj",
    section: "黑河中游湿地保护修复区",
    quote: "严格完成黑河分水任务",
    category: "add",
    body: "建议补充正义峡断面下泄水量的保障要求，并在指标体系中增加“河湖生态流量保障率”，与黑河流域水量调度方案衔接。",
    proposedText: "严格完成黑河分水任务，确保正义峡断面下泄水量达到国务院批准的分水方案要求",
  },
  {
    username: "lcj",
    section: "祁连山水源涵养修复区",
    quote: "落实草畜平衡和禁牧休牧制度",
    category: "revise",
    body: "草畜平衡和禁牧休牧已有明确的面积任务，建议写明禁牧面积和草畜平衡面积，并与第三轮草原生态保护补助奖励政策衔接。",
  },
  {
    username: "shandan",
    section: "北部荒漠防风固沙修复区",
    quote: "对北山片区废弃砂石采坑和历史遗留矿山开展地形整治和植被恢复",
    category: "add",
    body: "山丹县北部还有部分废弃煤矿采空区，存在地面塌陷隐患，建议一并纳入治理范围，并列入重点工程项目库。",
  },
  {
    username: "sthjj",
    section: "规划目标",
    quote: "湿地保护率达到65%",
    category: "question",
    body: "湿地保护率的基期值与第三次全国国土调查湿地数据口径是否一致？建议在说明书中注明计算口径，并考虑增加“地表水国控断面水质优良比例”指标。",
  },
  {
    username: "fgw",
    section: "山水林草沙生态保护修复工程",
    quote: null,
    category: "other",
    body: "建议对重点工程估算投资逐项与市“十四五”重大项目库衔接，分清中央、省级补助和地方配套资金来源，未纳入项目库的工程应说明前期工作安排。",
  },
  // Two counties and a city department ask the same thing about the same project (the workbench proposes answering them as one group).
  {
    username: "ganzhou",
    section: "历史遗留矿山生态修复工程",
    quote: "甘州区、临泽县、高台县北山片区砂石采坑综合整治项目",
    category: "revise",
    body: "建议将北山片区砂石采坑综合整治项目的整治面积和估算投资按甘州区、临泽县、高台县分县列明，便于县级规划衔接和项目入库。",
  },
  {
    username: "sthjj",
    section: "历史遗留矿山生态修复工程",
    quote: "北山片区砂石采坑综合整治项目",
    category: "revise",
    body: "建议把北山片区砂石采坑综合整治项目的整治面积、估算投资按甘州区、临泽县、高台县分别列明，便于县级规划衔接和项目入库。",
  },
  {
    username: "gaotai",
    section: "历史遗留矿山生态修复工程",
    quote: "整治废弃砂石采坑980公顷",
    category: "revise",
    body: "建议北山片区砂石采坑综合整治项目的整治面积和估算投资按县区分别列明，便于高台县县级规划衔接和项目入库。",
  },
];
