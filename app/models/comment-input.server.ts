// What a comment, a change to it and a reply may carry: the zod schemas of the comment writes.
import { z } from "zod";
import { commentCategories, targetYears } from "~db/schema";

const text = (max: number) =>
  z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, `validation.tooLong|${max}`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `validation.tooLong|${max}`)
    .optional()
    .nullable()
    .transform((v) => v || null);

const anchorInput = z.object({
  exact: z.string(),
  prefix: z.string().default(""),
  suffix: z.string().default(""),
  start: z.number().int(),
  end: z.number().int(),
});

// A cell of the edition's indicator table: the indicator's code and a target year.
const cellInput = z.object({
  indicator: z
    .string({ required_error: "validation.required", invalid_type_error: "indicators.comment.unknownIndicator" })
    .trim()
    .min(1, "validation.required"),
  year: z.enum(targetYears, { errorMap: () => ({ message: "indicators.comment.unknownYear" }) }),
});

export const commentInput = z
  .object({
    // not needed for a cell comment: the section is the one holding the table
    sectionId: z.string().min(1, "validation.required").optional(),
    anchor: anchorInput.nullable().optional(),
    cell: cellInput.nullable().optional(),
    body: text(5000),
    category: z.enum(commentCategories, { errorMap: () => ({ message: "validation.choice" }) }),
    proposedText: optionalText(5000),
  })
  .superRefine((v, c) => {
    if (!v.cell && !v.sectionId) c.addIssue({ code: "custom", path: ["sectionId"], message: "validation.required" });
    if (v.cell && v.anchor) c.addIssue({ code: "custom", path: ["cell"], message: "indicators.comment.cellOrAnchor" });
  });

/** The author's change of a comment: the wording and kind, never the passage. */
export const commentEditInput = z.object({ body: text(5000), category: z.enum(commentCategories), proposedText: optionalText(5000) });

export const replyInput = z.object({ body: text(5000) });
