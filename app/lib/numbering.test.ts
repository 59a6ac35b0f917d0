import { expect, it } from "vitest";
import { chineseNumeral } from "./numbering";

it.each([
  [1, "一"],
  [7, "七"],
  [10, "十"],
  [12, "十二"],
  [20, "二十"],
  [35, "三十五"],
  [120, "120"],
])("%i → %s", (n, s) => expect(chineseNumeral(n)).toBe(s));
