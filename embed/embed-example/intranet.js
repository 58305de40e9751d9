// An intranet's global scripts, as found in the wild: globals with common names, a
// MutationObserver that restyles every new element, and capturing listeners on the document.
window.h = () => {
  throw new Error("intranet h()");
};
window.App = "intranet app";
window.init = null;
window.score = 42;
window.core = { broken: true };
window.$ = (sel) => document.querySelectorAll(sel);
window.__hostClicks = 0;
document.addEventListener(
  "click",
  () => {
    window.__hostClicks += 1;
  },
  true,
);
document.addEventListener("keydown", () => {}, true);
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) n.classList.add("intranet-touched");
}).observe(document.documentElement, { childList: true, subtree: true });
for (const p of document.querySelectorAll("p")) p.classList.add("intranet-paragraph");
window.__hostScriptRan = true;
