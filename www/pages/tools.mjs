// The tools chunk: the pages most first visits never open (case-file audits, peer challenge, the
// regional picture) and the public record's panel, with the modules only they use (peer.mjs,
// regional.mjs, record.mjs, record-panel.mjs). The served site has them in their own file,
// dist/stocktake-tools.mjs, fetched the first time one of them is needed (App.tools(), which
// app.mjs's SHARED gives the modules it shares with the first visit's bundle, so none is loaded
// twice); the offline file carries it inline, evaluated only then (scripts/build-dist.mjs,
// bundleTools).
export { auditsPage } from "./audits/list.mjs";
export { auditPage } from "./audits/form.mjs";
export { auditsImportPage } from "./audits/import.mjs";
export { peerPackPage } from "./peer/pack.mjs";
export { peerReviewPage } from "./peer/review.mjs";
export { peerPage } from "./peer/exchange.mjs";
export { regionalPage } from "./regional.mjs";
export { renderRecord } from "./record-panel.mjs";
export { asLastInspection, longDate } from "../domain/record.mjs";
