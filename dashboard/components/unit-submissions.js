// One unit's files and rejected rows, from submissions.json and rejections.json.

/** the submissions that carry the unit's rows (unit_codes is a list: a file may hold several units) */
export function unitSubmissions(submissions, unitCode) {
  return submissions.filter((s) => (s.unit_codes ?? []).includes(unitCode));
}

/** the rejected rows of those submissions, each with its file name and receipt time */
export function unitRejections(rejections, submissions) {
  const byId = new Map(submissions.map((s) => [s.submission_id, s]));
  return rejections
    .filter((r) => byId.has(r.submission_id))
    .map((r) => ({
      ...r,
      file_name: byId.get(r.submission_id).file_name,
      received_at: byId.get(r.submission_id).received_at,
    }));
}
