// Stocktake's entry point: defines <stocktake-app>, which renders the whole service inside its
// own shadow root so that it neither breaks nor is broken by the page that hosts it.
// Configuration comes from data-* attributes (see README, "Embedding in an intranet page").
import init, * as core from "./pkg/stocktake.js";
import { App } from "./app/app.mjs";

const base = new URL(".", import.meta.url);
let coreReady;

/** Loads the wasm core once; resolves to its API (the functions documented in the README). */
export function loadCore() {
  coreReady ??= init({ module_or_path: new URL("pkg/stocktake_bg.wasm", base) }).then(() => core);
  return coreReady;
}

/** Reads the element's data-* configuration. */
function configOf(el) {
  const d = el.dataset;
  return {
    framework: d.framework || null,
    storage: ["local", "session", "none"].includes(d.storage) ? d.storage : "local",
    authority: d.authority || "",
    colour: d.colour || "",
    logo: d.logo || "",
  };
}

export class StocktakeApp extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const mount = document.createElement("div");
    mount.className = "st-root govuk-frontend-supported govuk-template__body";
    mount.hidden = true;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("assets/stocktake.css", base).href;
    const styled = new Promise((ok) => link.addEventListener("load", ok, { once: true }));
    root.append(link, mount);
    const config = configOf(this);
    if (config.colour) this.style.setProperty("--st-brand", config.colour);
    Promise.all([loadCore(), styled])
      .then(([api]) => {
        mount.hidden = false;
        this.app = new App(mount, api, config);
        this.app.start();
        this.dataset.ready = "true";
        this.dispatchEvent(new CustomEvent("stocktake:ready", { bubbles: true }));
      })
      .catch((err) => {
        mount.hidden = false;
        mount.textContent = `Stocktake could not start in this browser: ${err.message}`;
      });
  }
}

if (!customElements.get("stocktake-app")) customElements.define("stocktake-app", StocktakeApp);
