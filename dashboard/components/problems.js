// The problems of one file, as the CLI prints them: line, column, value, code, message.
import { html } from "htl";

const STATUS_ZH = {
  accepted: "✔ 全部可接收",
  partial: "✘ 部分行将被拒收",
  rejected: "✘ 没有可接收的行",
  unusable: "✘ 文件无法读取",
};

export function reportSummary(report, status) {
  return html`<div class="card" data-testid="precheck-summary">
    <h2>${STATUS_ZH[status]}</h2>
    <div>
      编码 ${report.encoding ?? "—"} · 读取 ${report.rowsRead} 行 · 可接收 ${report.accepted.length} · 拒收
      ${report.rowsRejected} · 跳过 ${report.rowsSkipped} · 预警 ${report.rowsWarned}
    </div>
  </div>`;
}

export function problemsTable(problems) {
  if (problems.length === 0) return html`<p>未发现问题。</p>`;
  return html`<table class="problems" data-testid="problems">
    <thead>
      <tr>
        <th>行</th>
        <th>列</th>
        <th>原始值</th>
        <th>代码</th>
        <th>说明</th>
      </tr>
    </thead>
    <tbody>
      ${problems.map(
        (p) =>
          html`<tr class=${p.severity}>
            <td>${p.line ?? "—"}</td>
            <td>${p.column ?? "—"}</td>
            <td><code>${p.value ?? ""}</code></td>
            <td>${p.severity === "warning" ? `${p.code}（预警）` : p.code}</td>
            <td>${p.message_zh}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** a download link for text, as a file Excel opens as UTF-8 */
export function downloadLink(text, fileName, label) {
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
  return html`<a class="download" href=${url} download=${fileName}>${label}</a>`;
}
