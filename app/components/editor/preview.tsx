// Read-only preview shown before the editor exists (server render, hydration, no JavaScript).
// It renders the editor's own JSON (which may be unsaved, e.g. after a conflict), so it cannot use the
// stored revision's HTML; preview.test.tsx checks it against the editor schema so the two cannot drift.
import type { JSONContent } from "@tiptap/react";
import { Fragment, type ReactNode } from "react";

/** The node and mark types the preview renders; the test compares them with the editor schema. */
export const PREVIEW_NODES = [
  "doc",
  "text",
  "hardBreak",
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "table",
  "tableRow",
  "tableHeader",
  "tableCell",
] as const;
export const PREVIEW_MARKS = ["bold", "italic", "underline", "strike", "link"] as const;

// Plain React elements: text is escaped by React, links are shown as text (no href is ever rendered).

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

export function renderPreview(node: JSONContent, key: number): ReactNode {
  if (node.type === "text") {
    let el: ReactNode = node.text ?? "";
    for (const mark of node.marks ?? []) {
      if (mark.type === "bold") el = <strong>{el}</strong>;
      else if (mark.type === "italic") el = <em>{el}</em>;
      else if (mark.type === "underline") el = <u>{el}</u>;
      else if (mark.type === "strike") el = <s>{el}</s>;
      else if (mark.type === "link") el = <span className="rte__preview-link">{el}</span>;
    }
    return <Fragment key={key}>{el}</Fragment>;
  }
  if (node.type === "hardBreak") return <br key={key} />;
  const kids = (node.content ?? []).map((child, i) => renderPreview(child, i));
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{kids}</p>;
    case "heading": {
      const level = Math.min(4, Math.max(1, num(node.attrs?.level) ?? 2));
      const Tag = `h${level}` as "h1" | "h2" | "h3" | "h4";
      return <Tag key={key}>{kids}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{kids}</ul>;
    case "orderedList":
      return (
        <ol key={key} start={num(node.attrs?.start)}>
          {kids}
        </ol>
      );
    case "listItem":
      return <li key={key}>{kids}</li>;
    case "blockquote":
      return <blockquote key={key}>{kids}</blockquote>;
    case "table":
      return (
        <div className="tableWrapper" key={key}>
          <table>
            <tbody>{kids}</tbody>
          </table>
        </div>
      );
    case "tableRow":
      return <tr key={key}>{kids}</tr>;
    case "tableHeader":
      return (
        <th key={key} colSpan={num(node.attrs?.colspan)} rowSpan={num(node.attrs?.rowspan)}>
          {kids}
        </th>
      );
    case "tableCell":
      return (
        <td key={key} colSpan={num(node.attrs?.colspan)} rowSpan={num(node.attrs?.rowspan)}>
          {kids}
        </td>
      );
    default:
      return <Fragment key={key}>{kids}</Fragment>;
  }
}
