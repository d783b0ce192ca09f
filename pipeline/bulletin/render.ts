// A bulletin → one complete, standalone HTML document: A4 print CSS, serif body, bold title, dated
// and signed. Every text is escaped. `kpi bulletin` prints it to PDF; the dashboard shows it in a
// frame and prints the same document.
import type { Bulletin, Problem, StatusCell } from "./content.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export const BULLETIN_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
html { background: #e5e7eb; }
body { margin: 0; color: #111; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 12pt; line-height: 1.75; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { max-width: 210mm; margin: 16px auto; padding: 22mm 18mm 20mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
h1 { font-size: 20pt; font-weight: 700; text-align: center; line-height: 1.4; margin: 0 0 0.3em; letter-spacing: 0.02em; }
.doc-meta { text-align: center; font-size: 10.5pt; color: #444; margin: 0 0 1.2em; padding-bottom: 0.6em; border-bottom: 2px solid #b91c1c; }
.salutation { margin: 0 0 0.4em; }
h2 { font-size: 13pt; font-weight: 700; margin: 1.1em 0 0.4em; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
h3 { font-size: 12pt; font-weight: 700; margin: 0.6em 0 0.2em; }
p { margin: 0 0 0.4em; text-indent: 2em; text-align: justify; }
.key-figures { display: flex; flex-wrap: wrap; gap: 6px; margin: 0.4em 0 0.6em; text-indent: 0; }
.key-figures span { border: 1px solid #999; padding: 1px 8px; font-size: 10.5pt; white-space: nowrap; }
.key-figures b { font-size: 12pt; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; line-height: 1.4; margin: 0.3em 0 0.6em; }
th, td { border: 1px solid #555; padding: 3px 5px; vertical-align: top; }
th { background: #f1f1f1; font-weight: 700; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.center { text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.area { color: #555; font-size: 9pt; }
.period { color: #555; font-size: 8.5pt; display: block; }
.status { white-space: nowrap; font-weight: 700; }
.caption { font-size: 9.5pt; color: #444; text-indent: 0; margin: 0 0 0.2em; }
ol.problems { margin: 0 0 0.4em; padding-left: 2.4em; font-size: 11pt; }
ol.problems li { margin: 0.1em 0; }
ol.requirements { margin: 0; padding-left: 2.4em; }
.none { color: #444; }
.signature { margin-top: 1.5em; text-align: right; text-indent: 0; line-height: 1.8; }
.source { margin-top: 1.2em; padding-top: 0.4em; border-top: 1px solid #999; font-size: 9pt; color: #444; text-indent: 0; }
@media print {
  html { background: none; }
  .sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  h2, h3, .caption { break-after: avoid; page-break-after: avoid; }
  .closing { break-inside: avoid; page-break-inside: avoid; }
}
@media screen and (max-width: 640px) {
  .sheet { margin: 0; padding: 16px 12px; box-shadow: none; }
  h1 { font-size: 16pt; }
  body { font-size: 11pt; }
  table { min-width: 600px; }
}
`;

function status(s: StatusCell): string {
  return `<span class="status" style="color:${escapeHtml(s.color)}" data-status="${escapeHtml(s.status)}">${escapeHtml(s.symbol)} ${escapeHtml(s.word)}</span>`;
}

function problems(items: Problem[], none: string, key: string): string {
  if (items.length === 0) return `<p class="none">${escapeHtml(none)}</p>`;
  const li = items.map((p) => `<li>${status(p.status)} ${escapeHtml(p.text)}</li>`).join("");
  return `<ol class="problems" data-key="${escapeHtml(key)}">${li}</ol>`;
}

/** The bulletin's body (inside <body>), for a page that supplies BULLETIN_CSS itself. */
export function renderBulletinBody(b: Bulletin): string {
  const figures = b.headline
    .map(
      (f) =>
        `<span>${escapeHtml(f.label)} <b data-key="${escapeHtml(f.key)}">${escapeHtml(f.value)}</b>${escapeHtml(f.unit)}</span>`,
    )
    .join("");
  const indicatorRows = b.indicators
    .map(
      (r, i) =>
        `<tr><td class="center">${i + 1}</td><td>${escapeHtml(r.name)}<br><span class="area">${escapeHtml(r.area)}</span></td>` +
        `<td class="num">${escapeHtml(r.target)}</td><td class="num">${escapeHtml(r.actual)}<span class="period">${escapeHtml(r.period)}</span></td>` +
        `<td class="num">${escapeHtml(r.pct)}</td><td class="num">${escapeHtml(r.expected)}</td><td>${status(r.status)}</td></tr>`,
    )
    .join("");
  const pct = (score: number | null) => (score == null ? "—" : `${(score * 100).toFixed(1)}%`);
  const unitRows = b.units
    .map(
      (u) =>
        `<tr data-unit="${escapeHtml(u.code)}"><td class="center">${u.rank ?? "—"}</td><td>${escapeHtml(u.name)}</td>` +
        `<td class="num">${pct(u.score)}</td><td class="num">${u.targets}</td><td class="num">${u.met}</td><td class="num">${u.onTrack}</td>` +
        `<td class="num">${u.lagging}</td><td class="num">${u.missed}</td><td class="num">${u.noData}</td>` +
        `<td class="num">${u.overdueTasks}</td><td class="num">${u.late}</td><td class="num">${u.missing}</td></tr>`,
    )
    .join("");
  const reportMonth = b.reportMonth ? `${b.reportMonth.slice(0, 4)}年${Number(b.reportMonth.slice(5, 7))}月` : "本月";
  const sections = [
    `<h2>${NUMERALS[0]}、总体情况</h2>
${b.overview.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<div class="key-figures">${figures}</div>`,
    `<h2>${NUMERALS[1]}、主要指标完成情况</h2>
<p class="caption">全市目标，各指标为截至通报月份的最新数据；完成率＝完成÷目标；序时进度为按时间进度应完成的数值。</p>
<div class="table-wrap"><table data-key="indicator-table">
<thead><tr><th>序号</th><th>指标</th><th>目标</th><th>完成</th><th>完成率</th><th>序时进度</th><th>状态</th></tr></thead>
<tbody>${indicatorRows}</tbody></table></div>
${b.indicatorsNoData.length > 0 ? `<p class="caption" data-key="indicators-no-data">另有${b.indicatorsNoData.length}项目标尚无报送数据：${escapeHtml(b.indicatorsNoData.join("；"))}。</p>` : ""}`,
    `<h2>${NUMERALS[2]}、各地区进展及排名</h2>
<p class="caption">排名依据：${escapeHtml(b.rankingBasis)}。目标数含市级目标在该地区的分解；迟报、漏报为${escapeHtml(reportMonth)}数据的项数。</p>
<div class="table-wrap"><table data-key="unit-ranking">
<thead><tr><th>排名</th><th>地区</th><th>达标及正常占比</th><th>目标数</th><th>已达标</th><th>正常</th><th>关注或滞后</th><th>逾期未达标</th><th>无数据</th><th>逾期任务</th><th>迟报</th><th>漏报</th></tr></thead>
<tbody>${unitRows}</tbody></table></div>`,
    `<h2>${NUMERALS[3]}、存在的问题</h2>
<h3>（一）指标滞后或逾期未达标（${b.lagging.length}项）</h3>
${problems(b.lagging, "无。", "lagging")}
<h3>（二）重点任务逾期未完成（${b.overdue.length}项）</h3>
${problems(b.overdue, "无。", "overdue")}
<h3>（三）数据迟报、漏报</h3>
${problems(b.reporting, "各单位均按时报送。", "reporting")}`,
    `<div class="closing"><h2>${NUMERALS[4]}、下步工作要求</h2>
<ol class="requirements">${b.requirements.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ol>`,
  ];
  return `<article class="sheet" data-as-of="${escapeHtml(b.asOf)}">
<h1>${escapeHtml(b.title)}</h1>
<div class="doc-meta">${escapeHtml(b.issuer)} · ${escapeHtml(b.issuedOn)} · <span data-key="as-of">${escapeHtml(b.asOfLabel)}</span></div>
<p class="salutation" style="text-indent:0">各县（市）区人民政府，各开发区管委会，市政府各部门：</p>
<p>现将${escapeHtml(b.title.replace(/^关于|的通报$/g, ""))}通报如下。</p>
${sections.join("\n")}
<p class="source">数据来源：各县（市）区、各部门月度报送，经葫芦岛市政策目标监测系统校验汇总；目标来自2020年市政府印发的五份文件。状态以符号和文字标示：${escapeHtml(b.legend)}。</p>
<div class="signature">${escapeHtml(b.issuer)}<br>${escapeHtml(b.issuedOn)}</div></div>
</article>`;
}

/** The complete standalone document. */
export function renderBulletinHtml(b: Bulletin): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(b.title)}</title>
<style>${BULLETIN_CSS}</style>
</head>
<body>
${renderBulletinBody(b)}
</body>
</html>
`;
}
