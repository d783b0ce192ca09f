// The bulletin's standalone HTML (pipeline/bulletin/render.ts, bundled) shown in a frame sized to
// its content, and a button that prints exactly that document.
import { html } from "htl";

export function bulletinFrame(documentHtml) {
  const frame = html`<iframe class="bulletin-frame" title="月度通报" data-testid="bulletin-frame"></iframe>`;
  const fit = () => {
    const doc = frame.contentDocument;
    if (doc?.documentElement) frame.style.height = `${doc.documentElement.scrollHeight + 4}px`;
  };
  frame.addEventListener("load", () => {
    fit();
    frame.contentWindow?.addEventListener("resize", fit);
  });
  frame.srcdoc = documentHtml;
  return frame;
}

export function printButton(frame) {
  const button = html`<button type="button" class="bulletin-print" data-testid="bulletin-print">
    打印 / 另存为PDF
  </button>`;
  button.onclick = () => frame.contentWindow?.print();
  return button;
}
