// npx tsx tests/support/large-edition-cli.ts DATABASE_FILE [reviewer …]
// Adds the large edition (tests/support/large-edition.ts) to a demo database once and prints its ids as
// JSON; run again, it prints the ids of the one already there. Used by tests/e2e/reader.spec.ts.
import { eq } from "drizzle-orm";
import { openDatabase } from "~db/client";
import { documents, editions, rounds } from "~db/schema";
import { createLargeEdition } from "./large-edition";

const [file, ...reviewers] = process.argv.slice(2);
const db = openDatabase(file);
const existing = db
  .select({ editionId: editions.id, roundId: rounds.id })
  .from(documents)
  .innerJoin(editions, eq(editions.documentId, documents.id))
  .innerJoin(rounds, eq(rounds.editionId, editions.id))
  .where(eq(documents.title, "国土空间生态修复规划说明书（长文本）"))
  .get();
const result = existing ?? (await createLargeEdition(db, { comments: 60, ...(reviewers.length ? { reviewers } : {}) }));
console.log(JSON.stringify({ editionId: result.editionId, roundId: result.roundId }));
db.$client.close();
