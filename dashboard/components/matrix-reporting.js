// The reporting matrix: units × report months, each cell one state with a symbol, a word and a
// colour (✔ 按时 / ◐ 迟报 / ✘ 漏报 / … 未到期), from reporting_completeness summed over policy
// areas; and the ranking of late and missing figures.
import { html } from "htl";
import { monthLabel, monthOf } from "./pick.js";
import { REPORT_STATUS } from "./status.js";

export const CELL = {
  ...REPORT_STATUS,
  // an empty cell: outlined in the key only, so the key still shows a swatch
  none: {
    zh: "无报送任务",
    symbol: "",
    color: "var(--status-no-data)",
    bg: "transparent",
    outline: "1px solid var(--theme-foreground-faintest)",
  },
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

/** Map "unit|YYYY-MM" → {expected, on_time, late, missing, not_due}, summed over policy areas */
export function reportingCells(rows) {
  const cells = new Map();
  for (const r of rows) {
    const key = `${r.unit_code}|${monthOf(r.period)}`;
    const c = cells.get(key) ?? { expected: 0, on_time: 0, late: 0, missing: 0, not_due: 0 };
    c.expected += r.expected;
    c.on_time += r.on_time;
    c.late += r.late;
    c.missing += r.missing;
    c.not_due += r.not_due;
    cells.set(key, c);
  }
  return cells;
}

/**
 * A cell's state: a month after the last one due (build.json due_month) → 未到期, whatever
 * arrived; else any figure missing → 漏报; else any late → 迟报; else 按时.
 */
export function cellState(cell, month, lastDue) {
  if (lastDue == null || month > lastDue) return "not_due";
  if (!cell || cell.expected === 0) return "none";
  if (cell.missing > 0) return "missing";
  if (cell.late > 0) return "late";
  return "on_time";
}

/** Per unit: late and missing figures in one month and over the months of a year up to the last due one. */
export function lateRanking(rows, counties, { month, year }) {
  const cells = reportingCells(rows);
  const out = counties
    .map((c) => {
      const sum = (test) => {
        const t = { expected: 0, late: 0, missing: 0 };
        for (const [key, v] of cells) {
          const [unit, m] = key.split("|");
          if (unit !== c.unit_code || !test(m)) continue;
          t.expected += v.expected;
          t.late += v.late;
          t.missing += v.missing;
        }
        return t;
      };
      return { unit: c, month: sum((m) => m === month), year: sum((m) => m.startsWith(`${year}-`) && m <= month) };
    })
    .filter((r) => r.month.expected > 0 || r.year.expected > 0);
  const key = (r) => [r.month.missing + r.month.late, r.year.missing + r.year.late];
  return out.sort((a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1] || a.unit.sort_order - b.unit.sort_order);
}

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
 * @param rows reporting_completeness rows
 * @param options — {counties (official order), months (YYYY-MM, oldest first), lastDue, unitHref
 *   (unit code → the link to its page, relative to the page drawing the matrix; none: no links)}
 */
export function reportingMatrix(rows, { counties, months, lastDue, unitHref }) {
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
                return cellView(u, m, cell, cellState(cell, m, lastDue));
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

export function lateRankingTable(ranking, { month, year }) {
  return html`<div class="table-wrap">
    <table class="targets-table" data-testid="late-ranking">
      <thead>
        <tr>
          <th rowspan="2">序号<br /><small>问题多者在前</small></th>
          <th rowspan="2">单位</th>
          <th colspan="3">${monthLabel(month)}（项）</th>
          <th colspan="3">${year}年1月至${Number(month.slice(5))}月累计（项）</th>
        </tr>
        <tr>
          <th>应报</th>
          <th>◐ 迟报</th>
          <th>✘ 漏报</th>
          <th>应报</th>
          <th>◐ 迟报</th>
          <th>✘ 漏报</th>
        </tr>
      </thead>
      <tbody>
        ${ranking.map(
          (r, i) =>
            html`<tr data-unit=${r.unit.unit_code}>
              <td>${i + 1}</td>
              <td>${r.unit.unit_code === "211400" ? "市本级" : r.unit.name_zh}</td>
              <td>${r.month.expected}</td>
              <td data-testid=${`late-${r.unit.unit_code}`}>${r.month.late}</td>
              <td data-testid=${`missing-${r.unit.unit_code}`}>${r.month.missing}</td>
              <td>${r.year.expected}</td>
              <td>${r.year.late}</td>
              <td>${r.year.missing}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
