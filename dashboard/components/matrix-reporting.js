// The reporting matrix: units × report months, each cell the state rpt_reporting_cells gives it,
// drawn with its vocabulary symbol, word and colour; and the ranking of late and missing figures
// as rpt_reporting_ranking orders it.
import { html } from "htl";
import { monthLabel, monthOf } from "./pick.js";
import { REPORT_STATUS } from "./status.js";

export const CELL = {
  ...REPORT_STATUS,
  // an empty cell: outlined in the key only, so the key still shows a swatch
  none: { ...REPORT_STATUS.none, bg: "transparent", outline: "1px solid var(--theme-foreground-faintest)" },
};

/** "2026-10" plus n months (n may be negative) */
export function addMonths(month, n) {
  const [y, m] = monthOf(month).split("-").map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** the `count` months ending with `last`, oldest first */
export function monthRange(last, count) {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** Map "unit|YYYY-MM" → its rpt_reporting_cells row */
export function reportingCells(rows) {
  return new Map(rows.map((r) => [`${r.unit_code}|${monthOf(r.period)}`, r]));
}

/** a cell's state: the mart's; a month with no row yet has not ended (未到期), or owed nothing */
const stateOf = (cell, month, latestMonth) => cell?.state ?? (month > latestMonth ? "not_due" : "none");

function cellView(unit, month, cell, state) {
  const look = CELL[state];
  const detail =
    state === "not_due"
      ? "报送时限未到"
      : state === "none"
        ? "本月无报送任务"
        : `应报${cell.expected}项：按时${cell.on_time}、迟报${cell.late}、漏报${cell.missing}`;
  const tip = `${unit.name_zh} ${monthLabel(month)}：${look.zh}\n${detail}`;
  return html`<td
    class="matrix-cell"
    data-state=${state}
    title=${tip}
    style="background:${look.bg};color:${look.color}"
  >
    <span aria-label=${look.zh}>${look.symbol}</span>
  </td>`;
}

/**
 * @param rows rpt_reporting_cells rows
 * @param options — {counties (official order), months (YYYY-MM, oldest first), latestMonth (the latest
 *   month ended: build.json latest_month), unitHref (unit code → the link to its page, relative to
 *   the page drawing the matrix; none: no links)}
 */
export function reportingMatrix(rows, { counties, months, latestMonth, unitHref }) {
  const cells = reportingCells(rows);
  const units = counties.filter((c) => [...cells.keys()].some((k) => k.startsWith(`${c.unit_code}|`)));
  const wrap = html`<div class="table-wrap matrix-wrap">
    <table class="matrix" data-testid="reporting-matrix">
      <thead>
        <tr>
          <th class="matrix-unit">单位</th>
          ${months.map(
            (m) =>
              html`<th title=${monthLabel(m)}>
                ${m.endsWith("-01") || m === months[0] ? html`<span class="matrix-year">${m.slice(0, 4)}</span>` : ""}${Number(m.slice(5))}月
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${units.map(
          (u) =>
            html`<tr data-unit=${u.unit_code}>
              <th class="matrix-unit" scope="row">
                ${u.unit_code === "211400" ? "市本级" : unitHref ? html`<a href=${unitHref(u.unit_code)}>${u.name_zh}</a>` : u.name_zh}
              </th>
              ${months.map((m) => {
                const cell = cells.get(`${u.unit_code}|${m}`);
                return cellView(u, m, cell, stateOf(cell, m, latestMonth));
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
  // the latest months matter most: on a narrow screen, start scrolled to them
  requestAnimationFrame(() => (wrap.scrollLeft = wrap.scrollWidth));
  return wrap;
}

export function matrixKey() {
  return html`<p class="matrix-key">
    ${["on_time", "late", "missing", "not_due", "none"].map(
      (s) =>
        html`<span
          ><span
            class="matrix-swatch"
            style="background:${CELL[s].bg};color:${CELL[s].color};outline:${CELL[s].outline ?? "none"}"
            >${CELL[s].symbol || " "}</span
          >${CELL[s].zh}</span
        >`,
    )}
  </p>`;
}

/**
 * @param ranking rpt_reporting_ranking rows, in its order
 * @param options — {counties}
 */
export function lateRankingTable(ranking, { counties }) {
  const name = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  const month = ranking[0]?.month ?? "";
  const L = REPORT_STATUS.late;
  const M = REPORT_STATUS.missing;
  return html`<div class="table-wrap">
    <table class="targets-table" data-testid="late-ranking">
      <thead>
        <tr>
          <th rowspan="2">序号<br /><small>问题多者在前</small></th>
          <th rowspan="2">单位</th>
          <th colspan="3">${month ? monthLabel(month) : ""}（项）</th>
          <th colspan="3">${month.slice(0, 4)}年1月至${Number(month.slice(5))}月累计（项）</th>
        </tr>
        <tr>
          <th>应报</th>
          <th>${L.symbol} ${L.zh}</th>
          <th>${M.symbol} ${M.zh}</th>
          <th>应报</th>
          <th>${L.symbol} ${L.zh}</th>
          <th>${M.symbol} ${M.zh}</th>
        </tr>
      </thead>
      <tbody>
        ${ranking.map(
          (r) =>
            html`<tr data-unit=${r.unit_code}>
              <td>${r.position}</td>
              <td>${r.unit_code === "211400" ? "市本级" : name.get(r.unit_code)}</td>
              <td>${r.month_expected}</td>
              <td data-testid=${`late-${r.unit_code}`}>${r.month_late}</td>
              <td data-testid=${`missing-${r.unit_code}`}>${r.month_missing}</td>
              <td>${r.year_expected}</td>
              <td>${r.year_late}</td>
              <td>${r.year_missing}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
