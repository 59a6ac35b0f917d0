// The page of a Chinese official document, GB/T 9704—2012《党政机关公文格式》: A4, type area
// 156 mm × 225 mm (top 37 mm, left 28 mm), 22 lines of 28 characters in 三号仿宋. Word units here:
// twips (1/20 pt) and half-points. Pure.

/** Millimetres → twips. */
export const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440);

export const PAGE = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** The type area's width (版心宽 156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 225 mm ÷ 22 lines = 28.95 pt, in twips. */
export const LINE_PITCH = 579;
/** The grid's character pitch (156 mm ÷ 28), in twips. */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/** Font sizes in points (字号). */
export const PT = { 初号: 42, 二号: 22, 三号: 16, 四号: 14 } as const;
/** The body size, 三号. */
export const BODY_PT = PT.三号;

/**
 * Word's `docGrid/@charSpace`: (grid pitch − the Normal font's size) × 4096, so that exactly 28
 * characters of 三号 fill a line of the 156 mm type area.
 */
export const CHAR_SPACE = Math.round((CHAR_PITCH / 20 - BODY_PT) * 4096);

/** The fonts the standard names; Word on the users' machines has them (elsewhere they are substituted). */
export const FONTS = {
  body: "仿宋_GB2312",
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  pageNumber: "宋体",
  latin: "Times New Roman",
} as const;

/** 页码 sits 7 mm below the type area: the footer's bottom edge, for a one-line 四号 footer of exact height. */
export const FOOTER_DISTANCE = mm(35 - 7) - PT.四号 * 20;

/** Width of a text in characters of the body font: Latin letters and digits ½, everything else (CJK, —, “”) 1. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x0100 ? 0.5 : 1;
  return w;
}

/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): the name 2 characters from the right
 * margin, the date on the next line starting 2 characters to the right of the name's first character;
 * when that would put the date closer than 2 characters to the margin, both move left.
 * Returns the right indents, in characters.
 */
export function signatureIndents(signature: string, date: string): { signatureRight: number; dateRight: number } {
  const s = widthInChars(signature);
  const d = widthInChars(date);
  const dateRight = Math.max(2, s - d);
  return { signatureRight: dateRight + d + 2 - s, dateRight };
}

/** The 发文机关标志 size: as large as 初号 while `text` still fits the type area's width. */
export function bannerSize(text: string): number {
  const fit = Math.floor(TEXT_WIDTH / 20 / Math.max(1, widthInChars(text)));
  return Math.min(PT.初号, fit);
}
