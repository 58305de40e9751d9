// The pages of what the answers mean (a LATER module, shell/modules.mjs): results, the inspection
// timeline, the action plan, the printable report and the comparison with last year, one module
// each under results/. Every grade, chance, date and rule shown there comes from the wasm core.
export { gradeChart, resultsPage } from "./results/judgements.mjs";
export { timelinePage } from "./results/timeline.mjs";
export { actionsPage } from "./results/actions.mjs";
export { reportPage } from "./results/report.mjs";
export { comparePage } from "./results/compare.mjs";
