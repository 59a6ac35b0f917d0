import { eq } from "drizzle-orm";
import { revisions } from "~db/schema";
import { byteLru } from "../lib/cache/byte-lru";
import { strongEtag } from "../lib/hash/etag";
import { conflict, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { currentAuditHead } from "./audit.server";
import { diffEditions, editionJson, getEdition, isRevisionPublished } from "./edition.server";
import { planIdOfSection, seesDrafts } from "./plan-access.server";
import { editionHead } from "./edition.server";

/**
 * Published things never change: an edition, a revision, the diff of two editions. Their serialised
 * answers are made once, kept in one byte-bounded cache with a strong ETag of their bytes, and served
 * to everyone who passes the permission check (which runs on every request, before any 304).
 */
interface Cached {
  body: Uint8Array;
  etag: string;
  bytes: number;
}
/** At most 32 MB of serialised answers (JSON, .docx). */
export const publishedBodies = byteLru<Cached>(32 * 1024 * 1024, (v) => v.bytes);

function cached(key: string, make: () => Uint8Array | string): Cached {
  return publishedBodies.get(key, () => {
    const made = make();
    const body = typeof made === "string" ? new TextEncoder().encode(made) : made;
    return { body, etag: strongEtag(body), bytes: body.byteLength };
  });
}

/** GET /api/v1/revisions/:id — drafters of the plan read any revision, everyone else published ones (404 otherwise). */
export function revisionBody(ctx: Ctx, revisionId: string, json: () => unknown) {
  const row = ctx.db.select({ sectionId: revisions.sectionId }).from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!row) throw notFound();
  const mayReadDraft = can(ctx.user, "read:revision:any") && seesDrafts(ctx, planIdOfSection(ctx.db, row.sectionId));
  if (!mayReadDraft && !(can(ctx.user, "read:revision:published") && isRevisionPublished(ctx.db, revisionId))) throw notFound();
  return cached(`revision:${revisionId}`, () => JSON.stringify(json()));
}

/** GET /api/v1/editions/:id */
export function editionBody(ctx: Ctx, editionId: string) {
  editionHead(ctx, editionId);
  return cached(`edition:${editionId}`, () => JSON.stringify(editionJson(ctx, editionId)));
}

/**
 * GET /api/v1/editions/:from/diff/:to — changed, added and removed sections with their ops; unchanged
 * ones by id and status only (the contract lets `ops` be omitted for them).
 */
export function diffBody(ctx: Ctx, fromId: string, toId: string) {
  const from = editionHead(ctx, fromId);
  const to = editionHead(ctx, toId);
  if (from.documentId !== to.documentId) throw conflict("edition.differentDocuments");
  return cached(`diff:${fromId}:${toId}`, () => {
    const d = diffEditions(ctx, fromId, toId);
    return JSON.stringify({
      from: d.from.id,
      to: d.to.id,
      sections: d.sections.map(({ sectionId, status, ops }) =>
        status === "unchanged" ? { sectionId, status } : { sectionId, status, ops },
      ),
      tables: d.tables,
    });
  });
}

/** Exports being built, by cache key: requests that arrive meanwhile wait for the same build. */
const building = new Map<string, Promise<Cached>>();

/**
 * An edition as .docx. Its footer carries the audit head at the time of export, so the cache key and
 * the ETag follow that head: the same file while nothing was recorded, a new one after. Built once per
 * key however many ask at the same time (32 concurrent first requests held 32 builds before).
 */
export async function editionDocxBody(
  ctx: Ctx,
  editionId: string,
  make: (edition: ReturnType<typeof getEdition>, head: ReturnType<typeof currentAuditHead>) => Promise<Uint8Array>,
) {
  const e = editionHead(ctx, editionId);
  const head = currentAuditHead(ctx.db);
  const key = `docx:${editionId}:${head.sha256}`;
  const hit = publishedBodies.peek(key);
  if (hit) return { ...hit, edition: e };
  let pending = building.get(key);
  if (!pending) {
    // better-sqlite3 is synchronous: everything is read before the await, nothing is held across it
    const edition = getEdition(ctx, editionId);
    pending = make(edition, head)
      .then((body) => {
        const entry = { body, etag: strongEtag(body), bytes: body.byteLength };
        publishedBodies.set(key, entry);
        return entry;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return { ...(await pending), edition: e };
}
