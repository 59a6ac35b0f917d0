// Test data shared by the adoption-table tests: a round on the 甘州区 plan text, in no particular order.
import type { AdoptionComment, AdoptionInput } from "./rows";

const base = { anchorStart: null, exact: null, proposedText: null, decision: null, reason: null } as const;

const indicators = { sectionNumber: "第三章 第二节", sectionTitle: "规划指标", sectionPosition: 7 };
const wetland = { sectionNumber: "第五章 第一节", sectionTitle: "黑河中游湿地保护修复区", sectionPosition: 12 };
const ganzhou = { organizationName: "甘州区人民政府", organizationOrder: 1 };
const water = { organizationName: "张掖市水务局", organizationOrder: 8 };
const forestry = { organizationName: "张掖市林业和草原局", organizationOrder: 9 };

export const comments: AdoptionComment[] = [
  {
    ...base,
    ...wetland,
    ...water,
    anchorStart: 214,
    exact: "实施退耕还湿1.2万亩，恢复湿地植被",
    category: "revise",
    body: "退耕还湿面积应与《黑河流域水量分配方案》确定的生态用水指标衔接，\r\n建议核减并注明水源保障措施。",
    proposedText: "结合生态用水指标，实施退耕还湿0.8万亩，恢复湿地植被",
    createdAt: "2025-10-14T10:20:00+08:00",
    decision: "partially_adopted",
    reason: "已补充水源保障措施；面积按第三次全国国土调查成果核定为1.0万亩。",
  },
  {
    ...base,
    ...indicators,
    ...water,
    anchorStart: 36,
    exact: "用水总量控制在“十四五”下达指标以内",
    category: "add",
    body: "建议补充“万元GDP用水量下降率”为预期性指标。",
    createdAt: "2025-10-12T09:00:00+08:00",
    decision: "adopted",
    reason: "已在表3-1中补充。",
  },
  {
    ...base,
    ...indicators,
    ...ganzhou,
    anchorStart: 120,
    exact: "森林覆盖率达到12.5%",
    category: "question",
    body: "2025年森林覆盖率目标的测算依据是什么，与甘州区林地保护利用规划是否一致？",
    createdAt: "2025-10-13T15:45:00+08:00",
    decision: "noted",
    reason: "该指标由市林草局根据省级下达任务分解，已与区林地保护利用规划衔接。",
  },
  {
    ...base,
    ...indicators,
    ...ganzhou,
    category: "other",
    body: "指标表中约束性、预期性属性标注不全，请逐项核对。",
    createdAt: "2025-10-15T11:00:00+08:00",
    decision: "adopted",
    reason: "已逐项核对并补全。",
  },
  {
    ...base,
    ...wetland,
    ...forestry,
    anchorStart: 214,
    exact: "实施退耕还湿1.2万亩，恢复湿地植被",
    category: "delete",
    body: '=HYPERLINK("http://example.invalid","删除")',
    createdAt: "2025-10-16T08:30:00+08:00",
    decision: "not_adopted",
    reason: "-该项目已列入省级重点工程，不宜删除。",
  },
  {
    ...base,
    ...wetland,
    ...ganzhou,
    anchorStart: 58,
    exact: "湿地保护率达到60%，其中国家重要湿地",
    category: "revise",
    body: '引号"和逗号,都要保留',
    proposedText: "湿地保护率不低于60%",
    createdAt: "2025-10-17T17:10:00+08:00",
  },
];

export const sample: AdoptionInput = {
  roundTitle: "第一轮征求意见（区县政府及市直部门）",
  planTitle: "甘州区国土空间生态修复规划（2021—2035年）",
  documentTitle: "规划文本",
  editionLabel: "征求意见稿",
  manifestHash: "9c1f4e2ab3d45f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c",
  generatedAt: "2025-10-20T18:05:00+08:00",
  comments,
};
