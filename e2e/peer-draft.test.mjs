// A peer review that survives a day's work (issue 29.1, 29.2, 29.4), end to end: the reviewer sees
// what the pack holds (each statement once, with its evidence, notes, action; the judgements with
// their chances; indicators; history; a contents list), is refused an empty question and an empty
// letter, reloads mid-review (the browser asks first) and carries on when the same pack is opened
// again, saves a draft to a file and reopens it, is asked before closing with unsaved work, and
// gets plain messages for a truncated pack and a response under another passphrase. The authority
// cannot open a draft. axe on each new state; screenshots in e2e-artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, axe, cspViolations, openPage, screenshot, useSite, waitReady } from "./harness.mjs";
import { focusedId, onPage, shadowText } from "./steps.mjs";
import { makePack, makeResponse, peerFileText } from "../www/domain/peer.mjs";

const site = useSite();
const PASS = "correct horse battery staple";

async function axeClean(page, errors, where) {
  assert.deepEqual(errors, [], `errors before axe on ${where}`);
  assert.deepEqual(await cspViolations(page), [], `CSP violations before axe on ${where}`);
  assert.deepEqual(await axe(page), [], where);
  errors.length = 0;
  await page.evaluate(() => {
    window.__cspViolations = [];
  });
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), "utf8") };
}

/** Waits until the shadow root's `selector` has text matching `re` (a page re-rendered after a passphrase). */
function waitText(page, selector, re) {
  return page.waitForFunction(
    ([sel, source]) =>
      new RegExp(source).test(document.querySelector("stocktake-app").shadowRoot.querySelector(sel)?.textContent ?? ""),
    [selector, re.source],
    { timeout: 20000 },
  );
}

const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/** A pack made in Node from the page's own framework: three statements answered in full. */
async function packFor(page, frameworkId, authority) {
  const fw = await page.evaluate((id) => {
    const app = document.querySelector("stocktake-app").app;
    const f = app.fw(id ?? app.defaultFrameworkId());
    return {
      id: f.id,
      statements: f.areas.flatMap((a) => a.statements.map((s) => ({ id: s.id, text: s.text }))),
      evidence: f.evidenceSources.map((e) => ({ id: e.id, label: e.label })),
      indicators: (f.indicators ?? []).map((i) => ({ id: i.id, value: i.national?.value })),
      kinds: f.inspectionKinds ?? [],
    };
  }, frameworkId ?? null);
  const levels = ["good", "requires_improvement", "inadequate", "good", "outstanding"];
  const answers = Object.fromEntries(
    fw.statements.map((s, i) => [
      s.id,
      i < 3
        ? {
            level: levels[i],
            evidence: [fw.evidence[0].id],
            notes: `Candid note ${i + 1}`,
            action: { text: `Action ${i + 1}`, owner: "Head of service", due: "2027-03-31" },
          }
        : { level: levels[i % levels.length], evidence: [] },
    ]),
  );
  const assessment = {
    format: "stocktake-assessment",
    version: 1,
    framework: fw.id,
    authority,
    assessedOn: "2026-11-30",
    answers,
    indicators: fw.indicators[0]?.value != null ? { [fw.indicators[0].id]: fw.indicators[0].value + 2 } : {},
    history: {
      lastInspection: {
        kind: fw.kinds[0]?.id ?? fw.kinds[0] ?? "standard",
        startedOn: "2024-01-08",
        endedOn: "2024-01-19",
        grades: {},
      },
      focusedVisits: [],
      monitoring: null,
      interventions: [],
    },
  };
  const pack = makePack(assessment, {
    preparedFor: "Sam Peer, DCS Wiltshire",
    includeNotes: true,
    today: "2026-12-01",
    id: `pack-${authority}`,
  });
  return { fw, pack };
}

test("a review survives a reload, a draft file and a close, with what the pack holds on the page", async () => {
  const rev = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const { page, errors } = rev;
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    d.accept();
  });
  await page.goto(`${site.url}#stocktake/peer-review`);
  await waitReady(page);
  await onPage(page, "peer-review");
  const { fw, pack } = await packFor(page, null, "Dorset");
  const packText = await peerFileText(pack, PASS);
  const [s0, s1] = fw.statements;

  // A truncated pack says so: not "not a Stocktake file".
  await page.locator("#pack-file").setInputFiles(file("cut.json", packText.slice(0, packText.length / 2)));
  await page.locator("#peer-errors").waitFor();
  assert.match(await shadowText(page, "#peer-errors"), /damaged or incomplete/);

  const openPack = async () => {
    await page.locator("#pack-file").setInputFiles(file("stocktake-peer-pack-dorset-protected.json", packText));
    await page.locator("#pack-passphrase").fill(PASS);
    await page.click("#pack-open");
    await page.locator("#pack-notice").waitFor();
  };
  await openPack();
  // The marking, top and foot; what the pack holds; each statement once; the contents list.
  assert.equal(await shadowText(page, "#pack-marking"), "OFFICIAL-SENSITIVE");
  assert.equal(await shadowText(page, "#pack-marking-foot"), "OFFICIAL-SENSITIVE");
  const holds = await shadowText(page, `#review-${s0.id}-holds`);
  assert.match(holds, new RegExp(`How they know${fw.evidence[0].label.replace(/[()]/g, ".")}`));
  assert.match(holds, /Their notesCandid note 1/);
  assert.match(holds, /Planned actionAction 1 \(owner: Head of service\), due 31 Mar(ch)? 2027/);
  assert.match(await shadowText(page, "#pack-judgements"), /\d+% /, "the chances, in words");
  assert.match(await shadowText(page, "#pack-history"), /Last inspection/);
  assert.match(await shadowText(page, "#pack-indicators"), /Their indicators/);
  const main = await shadowText(page, "main");
  assert.equal(main.split(s0.text).length - 1, 1, "each statement is printed once");
  assert.ok((await page.locator("#pack-contents a").count()) >= 5);
  await page.click("#pack-contents a >> nth=-1");
  assert.equal(await focusedId(page), "review-letter-section");
  assert.match(await shadowText(page, "#review-status"), /Not yet saved to a file/);
  await page.locator(`#review-${s0.id}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "peer-draft-statement-1280.png") });
  await page.locator("#pack-judgements").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "peer-draft-judgements-1280.png") });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, "peer-draft-review-top-1280.png") });
  await axeClean(page, errors, "review, pack open");

  // An empty question and an empty letter are refused, each linked to its field.
  await page.click(`#challenge-${s1.id}-stance-2`);
  await page.click("#save-response");
  await page.locator("#peer-errors").waitFor();
  const summary = await shadowText(page, "#peer-errors");
  assert.match(summary, /Enter your question on “/);
  assert.match(summary, /Enter your letter to the authority/);
  assert.equal(await page.locator(`#challenge-${s1.id}-question-error`).count(), 1);
  await page.screenshot({ path: join(ARTIFACTS, "peer-draft-errors-1280.png") });
  await axeClean(page, errors, "review with errors");
  await page.click("#peer-errors a >> nth=0");
  assert.equal(await focusedId(page), `challenge-${s1.id}-question`);
  await page.keyboard.type("Where is the audit that shows this?");
  await page.locator(`#challenge-${s0.id}-stance`).check();
  await page.locator("#review-letter").fill("Dear Dorset,\nA first paragraph.");
  await page.waitForFunction(() =>
    /last kept at/.test(document.querySelector("stocktake-app").shadowRoot.querySelector("#review-status").textContent),
  );

  // A real reload mid-review: the browser asks first; the draft comes back with the same pack.
  await page.locator("#review-letter").press("End");
  await page.keyboard.type(" Typed just before the reload.");
  await page.reload();
  await waitReady(page);
  await onPage(page, "peer-review");
  assert.ok(dialogs.includes("beforeunload"), "leaving with unsaved review work asks first");
  assert.match(await shadowText(page, "#drafts-in-progress"), /Dorset's pack prepared for Sam Peer, DCS Wiltshire/);
  await page.screenshot({ path: join(ARTIFACTS, "peer-draft-after-reload-1280.png") });
  await openPack();
  assert.match(await shadowText(page, "#notice-heading"), /Your review in progress has been reopened/);
  assert.equal(await page.locator(`#challenge-${s1.id}-question`).inputValue(), "Where is the audit that shows this?");
  assert.equal(
    await page.locator("#review-letter").inputValue(),
    "Dear Dorset,\nA first paragraph. Typed just before the reload.",
  );
  assert.ok(await page.locator(`#challenge-${s0.id}-stance`).isChecked());

  // A draft saved to a file (protected with the pack's passphrase), then reopened over later typing.
  const draft = await download(page, "#save-draft");
  assert.match(draft.name, /^stocktake-peer-draft-dorset-\d{4}-\d{2}-\d{2}\.json$/);
  assert.ok(!draft.text.includes("Where is the audit"), "the draft is protected");
  assert.match(await shadowText(page, "#notice-heading"), /Your draft has been saved to a file at \d\d:\d\d/);
  assert.match(await shadowText(page, "#review-status"), /Saved to a file at \d\d:\d\d \(stocktake-peer-draft-/);
  await page.locator("#review-letter").fill("Something I will throw away.");
  await page.locator("#own-response-file").setInputFiles(file(draft.name, draft.text));
  await waitText(page, "#notice-heading", /Your draft has been reopened/);
  assert.match(await shadowText(page, "#notice-heading"), /Your draft has been reopened/);
  assert.match(await page.locator("#review-letter").inputValue(), /Typed just before the reload/);

  // A response under another passphrase has its own message.
  const other = await peerFileText(
    makeResponse(pack, { reviewer: "X", letter: "x", challenges: {}, today: "2026-12-02" }),
    "another passphrase entirely",
  );
  await page.locator("#own-response-file").setInputFiles(file("other.json", other));
  await page.locator("#peer-errors").waitFor();
  assert.match(await shadowText(page, "#peer-errors"), /passphrase is wrong for this response/);

  // Closing with unsaved work asks first; "Keep reviewing" keeps it.
  await page.locator("#review-letter").fill("Dear Dorset,\nChanged after the draft.");
  await page.click("#close-pack");
  await page.locator("#close-confirm").waitFor();
  assert.equal(await focusedId(page), "close-confirm");
  await page.screenshot({ path: join(ARTIFACTS, "peer-draft-close-confirm-1280.png") });
  await axeClean(page, errors, "close confirmation");
  await page.click("#close-cancel");
  assert.equal(await page.locator("#review-letter").inputValue(), "Dear Dorset,\nChanged after the draft.");

  // The response, then close (nothing unsaved: no question asked).
  const response = await download(page, "#save-response");
  assert.match(response.name, /^stocktake-peer-response-dorset-/);
  assert.match(await shadowText(page, "#notice-heading"), /Your response has been saved to a file at/);
  await page.click("#close-pack");
  await page.locator("#pack-file").waitFor();
  await screenshot(page, "peer-draft-closed-1280");

  // The authority: a draft is refused; a wrong passphrase on a response has its own message.
  await page.goto(`${site.url}#stocktake/peer`);
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.begin();
    app.set("authority", "Dorset");
    app.go("peer");
  });
  await onPage(page, "peer");
  assert.equal(await shadowText(page, "#peer-marking"), "OFFICIAL-SENSITIVE");
  await page.locator("#response-file").setInputFiles(file(draft.name, draft.text));
  await page.locator("#response-passphrase").fill(PASS);
  await page.click("#response-open");
  await page.locator("#peer-errors").waitFor();
  assert.match(await shadowText(page, "#peer-errors"), /draft, not their response/);
  await page.locator("#response-file").setInputFiles(file(response.name, response.text));
  await page.locator("#response-passphrase").fill("not the right passphrase");
  await page.click("#response-open");
  await page.locator("#peer-errors").waitFor();
  assert.match(
    await shadowText(page, "#peer-errors"),
    /passphrase is wrong for this response: enter the passphrase you gave the pack/,
  );
  await rev.context.close();
});

test("a children's home pack speaks of the home, not the authority", async () => {
  const rev = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const { page } = rev;
  await page.goto(`${site.url}#stocktake/peer-review`);
  await waitReady(page);
  await onPage(page, "peer-review");
  const id = await page.evaluate(
    () => document.querySelector("stocktake-app").app.frameworks.find((f) => f.family === "sccif").id,
  );
  const { pack } = await packFor(page, id, "Oak House");
  pack.notice = "ignored: the page words its own";
  await page.locator("#pack-file").setInputFiles(file("home.json", await peerFileText(pack, null)));
  await page.locator("#pack-notice").waitFor();
  assert.match(await shadowText(page, "#pack-notice"), /the home or agency's candid view of its own care/);
  assert.match(await shadowText(page, "#review-letter-section"), /Overall letter to the home or agency/);
  await rev.context.close();
});
