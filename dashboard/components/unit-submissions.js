// One unit's rejected rows (its slice, units/CODE.json), each with its file's name and receipt time.

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
