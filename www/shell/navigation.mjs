// The header and the service navigation around every page.
import { h, inPage } from "../ui/dom.mjs";
import { routeHash } from "./router.mjs";

/**
 * govuk-frontend 6's generic header (for services that are not on GOV.UK): the authority's logo
 * and the service name as the link home, then the authority's name. No crown, no GOV.UK logotype,
 * no GOV.UK blue; the background is data-colour's, or black. `onHome` opens the start page.
 */
export function header(config, skipLink, onHome) {
  return h(
    "header",
    { class: "govuk-generic-header st-header", "aria-label": config.framed ? "Stocktake" : null },
    // Inside the banner landmark: in a shadow root a fragment link cannot reach its target, so
    // axe cannot recognise it as a skip link outside a landmark.
    skipLink,
    h(
      "div",
      { class: "govuk-generic-header__container govuk-width-container" },
      h(
        "div",
        { class: "govuk-generic-header__logo" },
        h(
          "a",
          {
            href: routeHash("start"),
            class: "govuk-generic-header__homepage-link st-header__home",
            onclick: onHome ? inPage(onHome) : null,
          },
          config.logo ? h("img", { class: "st-header__logo", src: config.logo, alt: "" }) : null,
          h("span", { class: "st-header__service" }, "Stocktake"),
        ),
        config.authority ? h("span", { class: "st-header__authority" }, config.authority) : null,
      ),
    ),
  );
}

/**
 * The pages of what the answers mean, in the service navigation (govuk-frontend 6) shown above
 * each of them: [page, link text].
 */
export const SERVICE_PAGES = [
  ["results", "Results"],
  ["timeline", "Timeline"],
  ["actions", "Action plan"],
  ["report", "Report"],
];

/**
 * govuk-frontend 6's service navigation for the page `current`, without its menu button (four short
 * links fit a phone; the button needs govuk-frontend's JavaScript, which cannot see into a shadow
 * root): the current page's link has aria-current="page" and, for users who override colours, a
 * <strong> around its text. `go` opens a page.
 */
export function serviceNavigation(current, go) {
  return h(
    "div",
    { class: "govuk-service-navigation st-no-print", id: "service-navigation" },
    h(
      "div",
      { class: "govuk-width-container" },
      h(
        "div",
        { class: "govuk-service-navigation__container" },
        h(
          "nav",
          { "aria-label": "Your results", class: "govuk-service-navigation__wrapper" },
          h(
            "ul",
            { class: "govuk-service-navigation__list" },
            SERVICE_PAGES.map(([name, text]) =>
              h(
                "li",
                {
                  class:
                    name === current
                      ? "govuk-service-navigation__item govuk-service-navigation__item--active"
                      : "govuk-service-navigation__item",
                },
                h(
                  "a",
                  {
                    class: "govuk-service-navigation__link",
                    href: routeHash(name),
                    id: `service-nav-${name}`,
                    "aria-current": name === current ? "page" : null,
                    onclick: inPage(() => go(name)),
                  },
                  name === current ? h("strong", { class: "govuk-service-navigation__active-fallback" }, text) : text,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
