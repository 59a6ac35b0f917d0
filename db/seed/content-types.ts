// A compact way to write demo plan text; db/seed turns it into Tiptap JSON.
export type Block =
  | { p: string } // paragraph
  | { h: string } // heading (level 3) inside a section
  | { ul: string[] } // bullet list, one paragraph per item
  | { ol: string[] } // ordered list
  | { table: { head: string[]; rows: string[][] } };

export interface DemoSection {
  title: string; // without number, e.g. "生态系统现状"
  blocks: Block[];
  children?: DemoSection[];
  /** The plan's structured table shown at the end of this section: its indicator table or its included key projects. */
  dataBlock?: "indicators" | "projects";
}

export interface DemoDocument {
  kind: "text" | "explanation" | "atlas" | "topic_report";
  title: string;
  sections: DemoSection[]; // top level = chapters
}
