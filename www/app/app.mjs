// The Stocktake application shell, rendered inside <stocktake-app>'s shadow root.
import { h, replace } from "./dom.mjs";

/** The generic header: service name only, no crown, no GOV.UK logotype. */
export function header(config, skipLink) {
  return h(
    "header",
    { class: "govuk-header st-header", "data-module": "govuk-header" },
    // Inside the banner landmark: in a shadow root a fragment link cannot reach its target, so
    // axe cannot recognise it as a skip link outside a landmark.
    skipLink,
    h(
      "div",
      { class: "govuk-header__container govuk-width-container" },
      h(
        "div",
        { class: "govuk-header__logo" },
        config.logo ? h("img", { class: "st-header__logo", src: config.logo, alt: "" }) : null,
        h("span", { class: "govuk-header__service-name st-header__service" }, "Stocktake"),
        config.authority ? h("span", { class: "st-header__authority" }, config.authority) : null,
      ),
    ),
  );
}

/** Renders the start page into `main`. */
export function startPage(main, core) {
  const frameworks = core.frameworks();
  const current = frameworks.find((f) => f.current);
  replace(
    main,
    h("h1", { class: "govuk-heading-xl" }, "Stocktake: your ILACS self-evaluation"),
    h(
      "p",
      { class: "govuk-body-l" },
      "Score your children's services candidly against Ofsted's inspection framework and see the judgements and inspection pathway it would likely lead to.",
    ),
    h(
      "div",
      { class: "govuk-inset-text", id: "privacy" },
      "Nothing you enter leaves this browser. There is no server, no analytics and no tracking: your answers stay on this device unless you save them to a file.",
    ),
    h("p", { class: "govuk-body" }, "Framework: ", h("strong", { id: "framework-current" }, current ? current.name : "none")),
    h("a", { href: "#", role: "button", draggable: "false", class: "govuk-button govuk-button--start", "data-module": "govuk-button" }, "Start now"),
    h(
      "p",
      { class: "govuk-body-s st-meta" },
      "Stocktake version ",
      h("span", { id: "core-version" }, core.version()),
      ". Frameworks known: ",
      h("span", { id: "framework-ids" }, frameworks.map((f) => f.id).join(", ")),
      ".",
    ),
  );
}

/** The application: owns the shadow root's content. */
export class App {
  constructor(mountPoint, core, config) {
    this.mount = mountPoint;
    this.core = core;
    this.config = config;
  }

  start() {
    const main = h("main", { class: "govuk-main-wrapper", id: "main-content", tabindex: "-1" });
    replace(
      this.mount,
      header(
        this.config,
        h("a", { href: "#main-content", class: "govuk-skip-link", onclick: (e) => (e.preventDefault(), main.focus()) }, "Skip to main content"),
      ),
      h("div", { class: "govuk-width-container" }, main),
    );
    startPage(main, this.core);
  }
}
