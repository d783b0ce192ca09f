// The units' index: one card per reporting unit with its targets counted by status (symbol +
// word + colour, from status.js) and its latest month's late and missing reports.
import { html } from "htl";
import { STATUS, STATUS_ORDER } from "./status.js";

const BEHIND = ["at_risk", "off_track", "missed"];

/** "9个地区中，3个有关注、滞后或逾期未达标的目标：…" (rpt_unit_scorecard rows; the words the vocabulary's) */
export function unitsFinding(cards) {
  const behind = cards.filter((s) => BEHIND.some((code) => s[code] > 0));
  const words = BEHIND.map((code) => STATUS[code].zh);
  const either = `${words.slice(0, -1).join("、")}或${words.at(-1)}`;
  if (behind.length === 0) return `${cards.length}个地区的目标均无${either}`;
  return `${cards.length}个地区中，${behind.length}个有${either}的目标：${behind.map((s) => s.name_zh).join("、")}`;
}

/**
 * @param cards rpt_unit_scorecard rows, in official order
 * @param options — {counties (for each unit's kind), monthText (the latest due month in words)}
 */
export function unitCards(cards, { counties, monthText = "" }) {
  const kind = new Map(counties.map((c) => [c.unit_code, c.kind]));
  return html`<div class="grid grid-cols-3 unit-cards">
    ${cards.map((card) => {
      const unitKind = kind.get(card.unit_code) ?? "";
      return html`<a class="card unit-card" href=${`./${card.unit_code}`} data-testid=${`unit-card-${card.unit_code}`}>
        <h2>${card.name_zh} <small>${card.name_zh.endsWith(unitKind) ? "" : unitKind}</small></h2>
        <div class="big" data-testid=${`unit-total-${card.unit_code}`}>${card.targets}<small> 项目标</small></div>
        <div class="unit-card-counts">
          ${STATUS_ORDER.filter((s) => card[s] > 0).map(
            (s) =>
              html`<span class="status" style="color:${STATUS[s].color}" data-status=${s}
                >${STATUS[s].symbol} ${STATUS[s].zh} ${card[s]}</span
              >`,
          )}
        </div>
        ${card.reports_expected > 0 ? html`<div class="source-line">${monthText}报送：◐ 迟报 ${card.reports_late} 项 · ✘ 漏报 ${card.reports_missing} 项</div>` : ""}
      </a>`;
    })}
  </div>`;
}
