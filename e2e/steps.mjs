// Helpers for driving Stocktake in tests: keyboard navigation through the shadow root, reading
// the app's state for assertions, and filling answers programmatically where the keyboard is not
// the point of the test.

/** The id of the focused element, looking inside <stocktake-app>'s shadow root. */
export function focusedId(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.id || a?.tagName || "";
  });
}

/** Presses Tab (or Shift+Tab) until the element with `id` has focus; fails after `max` presses. */
export async function tabTo(page, id, { max = 400, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await focusedId(page)) === id) return i;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach #${id} with the keyboard (focus is on ${await focusedId(page)})`);
}

/** Types a GOV.UK date input by keyboard: Tab to its day field `id`, then day, month and year. */
export async function typeDate(page, id, day, month, year) {
  await tabTo(page, id);
  await page.keyboard.type(String(day));
  await page.keyboard.press("Tab");
  await page.keyboard.type(String(month));
  await page.keyboard.press("Tab");
  await page.keyboard.type(String(year));
}

/**
 * Rates every statement of area `areaId` by keyboard: Space selects the first level
 * (Outstanding), then ArrowDown moves `down(i)` levels lower for the i-th statement.
 * Returns the statement ids.
 */
export async function rateAreaByKeyboard(page, areaId, down) {
  const ids = await page.evaluate(
    (area) =>
      document
        .querySelector("stocktake-app")
        .app.fw()
        .areas.find((a) => a.id === area)
        .statements.map((s) => s.id),
    areaId,
  );
  for (const [i, id] of ids.entries()) {
    await tabTo(page, `answers-${id}-level`);
    await page.keyboard.press("Space");
    for (let k = 0; k < down(i); k++) await page.keyboard.press("ArrowDown");
  }
  return ids;
}

/** Tabs to the link or button `id`, presses Enter, and waits until the app shows page `name`. */
export async function follow(page, id, name) {
  await tabTo(page, id);
  await page.keyboard.press("Enter");
  await onPage(page, name);
}

/** Waits until the app shows page `name` (the host's data-page attribute). */
export function onPage(page, name) {
  return page.waitForSelector(`stocktake-app[data-page="${name}"]`, { timeout: 10000 });
}

/** Fills every statement of every area with a level pattern, programmatically (no keyboard). */
export function fillAllAreas(page) {
  return page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    const levels = ["good", "requires_improvement", "good", "outstanding", "inadequate", "not_known", "good"];
    let i = 0;
    for (const area of app.fw().areas)
      for (const s of area.statements) app.set(`answers.${s.id}.level`, levels[i++ % levels.length]);
    for (const ind of app.fw().indicators)
      app.set(`indicators.${ind.id}`, Math.round((ind.national.value + 1) * 10) / 10);
    app.saveNow();
  });
}

/** The text of an element in the shadow root. */
export function shadowText(page, selector) {
  return page.evaluate(
    (sel) => document.querySelector("stocktake-app").shadowRoot.querySelector(sel)?.textContent ?? null,
    selector,
  );
}

/** Requests other than the page's own start-up files, after `since`. */
export function requestsAfter(requests, since) {
  return requests.slice(since).filter((u) => !u.startsWith("blob:") && !u.startsWith("data:"));
}
