// The entry of the browser bundle (dashboard/components/generated/bulletin.js): the 月度通报 page
// computes and renders the bulletin with exactly the code `kpi bulletin` prints.
export { bulletinContent } from "./content.ts";
export { renderBulletinHtml } from "./render.ts";
