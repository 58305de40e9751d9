// The generic header of govuk-frontend 6.3+ for a service not on GOV.UK (issue 20): the service
// name links home, the authority's name beside it, and no GOV.UK blue anywhere in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { follow, onPage } from "./steps.mjs";

const site = useSite();

for (const width of [390, 1280]) {
  test(`at ${width} px, the header is govuk-frontend's generic header with the authority's name and no GOV.UK blue`, async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await page.goto(new URL("embed-example.html", site.url).href);
    await waitReady(page);
    const header = page.locator("stocktake-app header.govuk-generic-header");
    assert.equal(await header.count(), 1);
    assert.match(await header.textContent(), /Stocktake\s*Anytown Borough Council/);
    const colours = await header.evaluate((el) =>
      [el, ...el.querySelectorAll("*")].flatMap((e) => {
        const s = getComputedStyle(e);
        return [s.color, s.backgroundColor, s.borderBottomColor, s.borderTopColor];
      }),
    );
    assert.ok(!colours.includes("rgb(29, 112, 184)"), "no GOV.UK blue (#1d70b8) in the header");
    await follow(page, "start-new", "about");
    await header.locator("a.govuk-generic-header__homepage-link").click();
    await onPage(page, "start");
    await screenshot(page, `header-generic-${width}`);
    assert.deepEqual(errors, []);
    // The embedding example is a deliberately hostile host page: axe checks Stocktake inside it.
    const result = await new AxeBuilder({ page })
      .include("stocktake-app")
      .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
      .analyze();
    assert.deepEqual(
      result.violations.map((v) => v.id),
      [],
    );
  });
}
