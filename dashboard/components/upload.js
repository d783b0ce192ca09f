// Uploading a checked file to `kpi serve` (数据报送, when the site is served by it): the unit's
// token, kept for the browser session only, and the receipt the service answers with — the same
// report `kpi ingest --format json` gives, with a link to the unit's page.
import { html } from "htl";
import { problemsTable } from "./problems.js";

const TOKEN_KEY = "kpi-upload-token";

const FAILURE = {
  401: "上传凭证无效或已吊销，请向市政府办公室确认。",
  413: "文件过大，请只上传本单位当月的报送文件。",
  415: "请上传CSV文件。",
  429: "上传过于频繁，请稍后再试。",
};

/** the token field: filled from this browser session, kept there when changed */
export function tokenInput() {
  const input = html`<input
    type="password"
    class="upload-token"
    autocomplete="off"
    placeholder="上传凭证 kpi_…"
    data-testid="upload-token"
  />`;
  input.value = sessionStorage.getItem(TOKEN_KEY) ?? "";
  input.addEventListener("change", () => sessionStorage.setItem(TOKEN_KEY, input.value.trim()));
  return input;
}

/** sends the file; resolves to {ok, status, outcome} or {ok: false, status, message}, never throws */
export async function upload(file, token, api = "/api/submissions") {
  try {
    const response = await fetch(api, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "text/csv",
        "x-file-name": encodeURIComponent(file.name),
      },
      body: await file.arrayBuffer(),
    });
    if (response.ok) return { ok: true, status: response.status, outcome: await response.json() };
    const message =
      FAILURE[response.status] ?? (await response.json().catch(() => ({}))).error ?? `上传失败（${response.status}）`;
    return { ok: false, status: response.status, message };
  } catch {
    return { ok: false, status: 0, message: "无法连接报送服务，请检查网络后重试。" };
  }
}

const RECEIVED = {
  accepted: "✔ 已接收",
  partial: "◐ 部分接收：被拒收的行见下表，改正后只需重报这些行",
  rejected: "✘ 未接收：没有可接收的行",
  unusable: "✘ 文件无法读取",
  duplicate: "＝ 重复文件：与已收到的文件完全相同，未作改动",
};

/** an instant (ISO) as China's wall clock: 2026-12-01 16:12 */
const chinaTime = (iso) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

/** the receipt of an upload: what became of the file, its archive key, and where its figures show */
export function uploadReceipt(result, { counties, unitHref }) {
  if (!result.ok) return html`<div class="card upload-failed" data-testid="upload-error">✘ ${result.message}</div>`;
  const o = result.outcome;
  const names = o.unit_codes.map((code) => counties.find((c) => c.unit_code === code)?.name_zh ?? code);
  return html`<div class="card" data-testid="upload-receipt">
    <h2>${RECEIVED[o.status] ?? o.status}</h2>
    <div>
      第 <b data-testid="upload-submission">${o.submission_id}</b> 号报送 · ${o.file} · 读取 ${o.rows_read} 行 · 接收
      ${o.rows_accepted} · 拒收 ${o.rows_rejected} · 跳过 ${o.rows_skipped}
    </div>
    <div class="source-line">
      接收时间 ${chinaTime(o.received_at)}（北京时间） · 存档 SHA-256 <code>${o.sha256}</code>
    </div>
    ${o.unit_codes.map(
      (code, i) =>
        html`<div>
          <a href=${unitHref(code)} data-testid="upload-unit-link">查看${names[i]}的指标与报送记录 →</a>
          <span class="source-line">（数据约数秒后更新）</span>
        </div>`,
    )}
    ${o.problems.length ? problemsTable(o.problems) : ""}
  </div>`;
}
