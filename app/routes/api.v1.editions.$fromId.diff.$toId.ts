import { diffEditions } from "~/models/edition.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => {
  const d = diffEditions(ctx, params.fromId!, params.toId!);
  // `tables`: each frozen plan table either edition has — indicator values old → new, projects added or dropped
  return { from: d.from.id, to: d.to.id, sections: d.sections.map(({ sectionId, status, ops }) => ({ sectionId, status, ops })), tables: d.tables };
});
