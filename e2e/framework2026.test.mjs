// The April 2026 framework as its own version, in headless Chromium: the start page says Ofsted plans
// a new framework for 2027 (unverified), and the SCCIF frameworks that single-word grades may go; the
// help and protection page asks about young carers, labelled as new in April 2026; the indicators
// page groups the figures under the National Framework's outcomes and enablers with the year of each
// England figure, and flags turnover 2 points worse than England's 2025 figure; the results page
// names the framework with its notice. axe on every page shown, at 1280 px and 390 px; no request
// after load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, foreignRequests, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { onPage, tabTo, requestsAfter, follow } from "./steps.mjs";

const site = useSite();

const inApp = (page, fn, arg) => page.evaluate(fn, arg);
const text = (page, id) =>
  inApp(page, (i) => document.querySelector("stocktake-app").shadowRoot.getElementById(i)?.textContent ?? null, id);
const go = (page, name, params = {}) =>
  inApp(page, ([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);

/** axe's own checks apply inline styles the CSP blocks and reports: those console errors are axe's. */
async function axeOnly(page, errors) {
  const before = errors.length;
  const violations = await axe(page);
  const during = errors.splice(before);
  assert.ok(
    during.every((e) => /inline style/.test(e)),
    `errors while axe ran: ${during.join("; ")}`,
  );
  return violations;
}

for (const width of [1280, 390]) {
  test(`the April 2026 framework's own statements, its 2027 notice and the National Framework indicators (${width} px)`, async () => {
    const { page, requests, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await page.goto(site.url);
    await waitReady(page);
    const loaded = requests.length;
    assert.deepEqual(foreignRequests(requests, site.url), []);

    // Start: the current framework carries the 2027 notice, marked unverified, with its source.
    const notice = await text(page, "framework-notices");
    assert.match(notice, /new children and families services framework for 2027/);
    assert.match(notice, /Unverified/);
    assert.match(notice, /localgovernmentlawyer\.co\.uk/);
    // The Children's Wellbeing and Schools Act 2026: staying close not yet in force; the rest to check.
    assert.match(notice, /staying close support[\s\S]*not yet in force/);
    assert.match(notice, /kinship carers[\s\S]*unique identifier[\s\S]*check legislation\.gov\.uk/);
    assert.deepEqual(await axeOnly(page, errors), [], "axe on the start page");
    await screenshot(page, `framework2026-start-${width}`);
    // Choosing a children's home framework shows its caveat about single-word grades instead.
    await tabTo(page, "framework");
    await page.locator("#framework").selectOption("sccif-childrens-homes");
    assert.match(await text(page, "framework-notices"), /replace single-word grades for social care providers/);
    await page.locator("#framework").selectOption("ilacs-2026-04");
    assert.match(await text(page, "framework-notices"), /2027/);
    await follow(page, "start-new", "about");

    // Help and protection: the 2026 statements are there, labelled; the softened ones say "rare".
    await go(page, "area", { id: "help_and_protection" });
    await onPage(page, "area");
    const young = await text(page, "hp_young_carers-heading");
    assert.equal(
      young,
      "Young carers are identified, their needs assessed, and they get help that lets them be children.",
    );
    const legend = await inApp(
      page,
      () =>
        document.querySelector("stocktake-app").shadowRoot.getElementById("hp_young_carers-heading").closest("legend")
          .textContent,
    );
    assert.match(legend, /New or reworded: April 2026/);
    assert.match(await text(page, "hp_homeless_16_17-heading"), /rare, brief and escalated/);
    const count = await inApp(
      page,
      () => document.querySelector("stocktake-app").shadowRoot.querySelectorAll("section.st-statement").length,
    );
    assert.equal(count, 22, "12 shared statements and 10 from April 2026");
    assert.match(await text(page, "hp_exploitation_missing-heading"), /National Referral Mechanism/);
    assert.match(await text(page, "hp_csa_in_family-heading"), /Child sexual abuse within the family/);
    assert.deepEqual(await axeOnly(page, errors), [], "axe on help and protection");
    await screenshot(page, `framework2026-help-${width}`);

    // Indicators: grouped under the outcomes and enablers, each with the year of England's figure.
    await go(page, "indicators");
    await onPage(page, "indicators");
    const headings = await inApp(page, () =>
      [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-indicator-group h2")].map(
        (x) => x.textContent,
      ),
    );
    assert.deepEqual(headings, [
      "Outcome 1: children, young people and families stay together and get the help they need",
      "Outcome 3: children and young people are safe in and outside of their homes",
      "Outcome 4: children in care and care leavers have stable, loving homes",
      "Enabler: the workforce is equipped and effective",
    ]);
    const workforce = await text(page, "indicator-group-enabler_workforce");
    assert.match(workforce, /England: 11\.8% \(Year to 30 September 2025\)/);
    assert.match(workforce, /Social worker sickness absence/);
    assert.match(await text(page, "indicator-group-o1_help"), /Children in need per 10,000 children/);
    await tabTo(page, "indicators-sw_turnover");
    await page.keyboard.type("13.8");
    await page.waitForFunction(() =>
      /Worse than England/.test(
        document.querySelector("stocktake-app").shadowRoot.getElementById("indicators-sw_turnover-comparison")
          ?.textContent ?? "",
      ),
    );
    assert.match(await text(page, "indicators-sw_turnover-comparison"), /Inspectors likely to ask/);
    assert.deepEqual(await axeOnly(page, errors), [], "axe on the indicators page");
    await screenshot(page, `framework2026-indicators-${width}`);

    // Results: the framework is named, with its notice.
    await go(page, "results");
    await onPage(page, "results");
    await page.waitForSelector("stocktake-app >> #framework-notices");
    assert.match(await text(page, "results-framework"), /ILACS from April 2026/);
    assert.match(await text(page, "framework-notices"), /2027/);
    assert.deepEqual(await axeOnly(page, errors), [], "axe on the results page");

    assert.deepEqual(requestsAfter(requests, loaded), []);
    assert.deepEqual(errors, []);
  });
}
