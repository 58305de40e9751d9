// Focus not obscured (WCAG 2.2 2.4.11, issue 20): on an area's page the "likely judgement so far"
// bar sticks to the top of the screen; a field reached from the error summary, or by Tab and
// Shift+Tab, must never sit under it. And a page's heading, which takes focus when the page opens,
// gets no focus box drawn across its own text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, axe, openPage, waitReady, useSite } from "./harness.mjs";
import { fillAllAreas, follow, onPage } from "./steps.mjs";

const site = useSite();

/** The focused element (inside the shadow root) and the sticky bar, as viewport rectangles. */
const rects = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const f = root.activeElement;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) };
    };
    return { id: f?.id || f?.tagName, focused: f ? box(f) : null, bar: box(root.getElementById("live-judgement")) };
  });

function assertClear({ id, focused, bar }, where) {
  assert.ok(focused, `${where}: something has focus`);
  assert.ok(
    focused.top >= bar.bottom || focused.bottom <= bar.top,
    `${where}: #${id} (${focused.top}–${focused.bottom}) is under the sticky bar (${bar.top}–${bar.bottom})`,
  );
}

for (const [width, height] of [
  [390, 800],
  [1280, 900],
  [1920, 1080],
]) {
  test(`at ${width} px, a field reached from the error summary, by Tab or by Shift+Tab is never under the sticky bar`, async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width, height } });
    await page.goto(site.url);
    await waitReady(page);
    await follow(page, "start-new", "about");
    await fillAllAreas(page);
    const area = await page.evaluate(() => {
      const app = document.querySelector("stocktake-app").app;
      const a = app.fw().areas[0];
      // Due dates that do not exist, on statements far down the page.
      for (const s of a.statements.slice(-3))
        app.set(`answers.${s.id}.action`, { text: "Audit", owner: "", due: "2026-02-30" });
      app.saveNow();
      app.go("area", { id: a.id, showErrors: true }, { focusId: "error-summary" });
      return a.id;
    });
    await onPage(page, "area");
    await page.waitForSelector("#error-summary");
    const links = page.locator("stocktake-app .govuk-error-summary__list a");
    assert.equal(await links.count(), 3);
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => scrollTo(0, 0));
      await links.nth(i).focus();
      await page.keyboard.press("Enter");
      const r = await rects(page);
      assert.match(r.id, /action-due/, "the link moved focus to the date");
      assert.ok(r.focused.top >= 0 && r.focused.bottom <= height, `#${r.id} is on screen`);
      assertClear(r, `from error ${i + 1}`);
      const bar = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector("stocktake-app").shadowRoot.getElementById("live-judgement"))
            .position,
      );
      assert.equal(bar, "sticky", "the bar is still sticky: the test is not vacuous");
      assert.ok(r.bar.top <= 1, "the bar is stuck to the top of the screen");
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Shift+Tab");
      const r = await rects(page);
      if (r.id === "live-judgement" || r.focused?.height === 0) continue;
      assertClear(r, `Shift+Tab ${i + 1}`);
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      assertClear(await rects(page), `Tab ${i + 1}`);
    }
    await page.screenshot({ path: join(ARTIFACTS, `focus-not-obscured-${width}.png`) });
    assert.ok(area);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), []);
  });
}

test("a page's heading takes focus when the page opens, with no focus box across its text", async () => {
  const { page } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  const h1 = await page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const s = getComputedStyle(root.activeElement);
    return { tag: root.activeElement.tagName, outline: s.outlineStyle };
  });
  assert.deepEqual(h1, { tag: "H1", outline: "none" });
  // Controls keep govuk-frontend's focus style.
  await page.keyboard.press("Tab");
  const control = await page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const s = getComputedStyle(root.activeElement);
    return { tag: root.activeElement.tagName, outline: s.outlineStyle, shadow: s.boxShadow };
  });
  assert.ok(control.outline !== "none" || control.shadow !== "none", `a ${control.tag} shows focus`);
});
