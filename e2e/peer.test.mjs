// Peer challenge and the regional picture (issue 19), end to end: an authority exports a
// passphrase-protected pack by keyboard, a reviewer opens it in another browser context, challenges
// and saves a response, the authority opens the response over its own self-evaluation, answers a
// challenge, and after a reload the exchange is still there (and survives the saved-file format).
// A regional lead loads packs including a duplicate and an unreadable file. axe on every new page,
// every request recorded, screenshots at 390 and 1280 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ARTIFACTS,
  DIST,
  axe,
  cspViolations,
  foreignRequests,
  openPage,
  screenshot,
  useSite,
  waitReady,
} from "./harness.mjs";
import { fillAllAreas, focusedId, follow, onPage, shadowText, tabTo } from "./steps.mjs";
import { odsTypesOf, readDocx, readXlsx, removeWork } from "./office.mjs";
import { makePack, makeResponse, peerFileText } from "../www/domain/peer.mjs";

const site = useSite();
const PASS = "correct horse battery staple";

/** Runs axe, then forgets the CSP violation and console error axe's own inline style causes. */
async function axeClean(page, errors, where) {
  assert.deepEqual(errors, [], `errors before axe on ${where}`);
  assert.deepEqual(await cspViolations(page), [], `CSP violations before axe on ${where}`);
  assert.deepEqual(await axe(page), [], where);
  errors.length = 0;
  await page.evaluate(() => {
    window.__cspViolations = [];
  });
}

/** Presses the button `id` by keyboard and returns the file it downloads. */
async function downloadBy(page, id) {
  await tabTo(page, id);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("two authorities exchange a challenge and a response by keyboard; the exchange is kept", async () => {
  // The authority.
  const dcs = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const { page } = dcs;
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  await page.evaluate(() => document.querySelector("stocktake-app").app.set("authority", "Dorset"));
  await fillAllAreas(page);
  const [first, second] = await page.evaluate(() =>
    document
      .querySelector("stocktake-app")
      .app.fw()
      .areas[0].statements.slice(0, 2)
      .map((s) => ({ id: s.id, text: s.text })),
  );
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("tasks"));
  await onPage(page, "tasks");
  await follow(page, "link-peer", "peer");
  await axeClean(page, dcs.errors, "peer, empty");
  await follow(page, "peer-prepare", "peer-pack");
  // Errors first: no reviewer, passphrases that differ.
  await tabTo(page, "peer-passphrase");
  await page.keyboard.type(PASS);
  await tabTo(page, "save-pack");
  await page.keyboard.press("Enter");
  await page.locator("#peer-errors").waitFor();
  assert.match(await shadowText(page, "#peer-errors"), /Enter the name of the peer reviewer/);
  assert.equal(await focusedId(page), "peer-errors");
  await axeClean(page, dcs.errors, "peer-pack with errors");
  await tabTo(page, "peer-reviewer");
  await page.keyboard.type("Sam Peer, DCS Wiltshire");
  await tabTo(page, "peer-passphrase");
  await page.keyboard.type(PASS);
  await tabTo(page, "peer-passphrase-confirm");
  await page.keyboard.type(PASS);
  const pack = await downloadBy(page, "save-pack");
  await onPage(page, "peer");
  assert.match(pack.name, /^stocktake-peer-pack-dorset-\d{4}-\d{2}-\d{2}-protected\.json$/);
  assert.ok(!pack.text.includes("Dorset"), "the protected pack is not readable");
  assert.match(await shadowText(page, "#exchange-1"), /Pack prepared for Sam Peer, DCS Wiltshire/);

  // The reviewer, in a browser context of their own, with no self-evaluation.
  const rev = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 390, height: 900 } });
  const r = rev.page;
  await r.goto(site.url);
  await waitReady(r);
  await follow(r, "link-peer-review", "peer-review");
  await axeClean(r, rev.errors, "peer-review, empty");
  await r
    .locator("#pack-file")
    .setInputFiles({ name: pack.name, mimeType: "application/json", buffer: Buffer.from(pack.text) });
  await r.locator("#pack-passphrase").waitFor();
  await tabTo(r, "pack-passphrase");
  await r.keyboard.type("wrong passphrase here");
  await tabTo(r, "pack-open");
  await r.keyboard.press("Enter");
  await r.locator("#peer-errors").waitFor();
  assert.match(await shadowText(r, "#peer-errors"), /passphrase is wrong/);
  await tabTo(r, "pack-passphrase");
  await r.keyboard.type(PASS);
  await tabTo(r, "pack-open");
  await r.keyboard.press("Enter");
  await r.locator("#pack-notice").waitFor();
  assert.match(
    await shadowText(r, "#pack-notice"),
    /^Confidential\. Prepared by Dorset for Sam Peer, DCS Wiltshire only, for peer challenge\. It holds the authority's candid view of its own services \(its notes are left out\)/,
  );
  assert.ok(!(await shadowText(r, "main")).includes("Their notes"), "notes were left out");
  assert.ok((await r.locator("#pack-projection tbody tr").count()) >= 4);
  await screenshot(r, "peer-review-390");
  await r.screenshot({ path: join(ARTIFACTS, "peer-review-390-top.png") });
  await axeClean(r, rev.errors, "peer-review, pack open");
  // Agree with the first statement; question the second.
  await tabTo(r, `challenge-${first.id}-stance`);
  await r.keyboard.press("Space");
  await tabTo(r, `challenge-${second.id}-stance`);
  await r.keyboard.press("ArrowDown"); // moves to and selects "Question it"
  await tabTo(r, `challenge-${second.id}-question`);
  await r.keyboard.type("Where is the audit that shows this?");
  await tabTo(r, `challenge-${second.id}-rating`);
  await r.locator(`#challenge-${second.id}-rating`).selectOption("inadequate");
  await tabTo(r, `challenge-${second.id}-note`);
  await r.keyboard.type("Front-line visits found drift.");
  await tabTo(r, "review-letter");
  await r.keyboard.type("Dear Dorset,\nThank you for an open self-evaluation.");
  const response = await downloadBy(r, "save-response");
  assert.match(response.name, /^stocktake-peer-response-dorset-/);
  assert.ok(!response.text.includes("audit"), "the response is protected with the pack's passphrase");
  assert.match(await shadowText(r, "#notice-heading"), /Your response has been saved/);
  await r.setViewportSize({ width: 1280, height: 900 });
  await screenshot(r, "peer-review-1280");
  assert.deepEqual(foreignRequests(rev.requests, site.url), []);

  // The authority opens the response over its own self-evaluation.
  await page.locator("#response-file").setInputFiles({
    name: response.name,
    mimeType: "application/json",
    buffer: Buffer.from(response.text),
  });
  await page.locator("#response-passphrase").waitFor();
  await tabTo(page, "response-passphrase");
  await page.keyboard.type(PASS);
  await tabTo(page, "response-open");
  await page.keyboard.press("Enter");
  await page.locator("#notice-heading").waitFor();
  assert.match(await shadowText(page, "#notice-heading"), /Sam Peer, DCS Wiltshire's response has been opened/);
  assert.match(await shadowText(page, "#exchange-1-summary"), /1 agreed, 1 questioned, 1 still to reply to/);
  assert.match(await shadowText(page, "#exchange-1-letter"), /Thank you for an open self-evaluation/);
  const row = await shadowText(page, `#challenge-1-${second.id}`);
  assert.match(row, /Your ratingGood|Your rating[A-Z]/);
  assert.match(row, /Sam Peer, DCS Wiltshire's viewQuestions it/);
  assert.match(row, /Rating they would giveInadequate/);
  assert.match(row, /Where is the audit that shows this\?/);
  assert.match(row, /Front-line visits found drift\./);
  // Accept it and take the reviewer's rating in one click; change it back in one more.
  const level = () =>
    page.evaluate((id) => document.querySelector("stocktake-app").app.a.answers[id]?.level, second.id);
  const own = await level();
  assert.notEqual(own, "inadequate");
  await tabTo(page, `reply-1-${second.id}`);
  await page.keyboard.press("Space");
  assert.match(await shadowText(page, `#challenge-1-${second.id}-rating`), /would rate it inadequate/);
  await page.click(`#challenge-1-${second.id}-take`);
  assert.equal(await level(), "inadequate", "accepting took the reviewer's rating");
  assert.match(
    await shadowText(page, `#challenge-1-${second.id}`),
    /Your ratingInadequate \(changed from .+ on accepting this challenge\)/,
  );
  assert.match(await shadowText(page, "#exchange-1-summary"), /0 still to reply to/);
  assert.equal(
    await page.evaluate(
      (id) => document.querySelector("stocktake-app").app.a.peer.exchanges[0].replies[id].ratingTo,
      second.id,
    ),
    "inadequate",
  );
  await screenshot(page, "peer-accepted-1280");
  await page.click(`#challenge-1-${second.id}-undo`);
  assert.equal(await level(), own, "changed back");
  // Answer it.
  await tabTo(page, `reply-1-${second.id}`);
  await page.keyboard.press("ArrowDown");
  await tabTo(page, `reply-1-${second.id}-answer`);
  await page.keyboard.type("Audit of 40 cases in October, attached to the pack.");
  await page.keyboard.press("Tab");
  assert.match(await shadowText(page, "#exchange-1-summary"), /0 still to reply to/, "the count follows the replies");
  await screenshot(page, "peer-1280");
  await page.setViewportSize({ width: 390, height: 900 });
  await screenshot(page, "peer-390");
  await axeClean(page, dcs.errors, "peer with a response");

  // Reload: the exchange is kept on the device, and through the saved-file format.
  await page.reload();
  await waitReady(page);
  await onPage(page, "peer");
  assert.match(await shadowText(page, "#exchange-1-summary"), /1 agreed, 1 questioned, 0 still to reply to/);
  assert.equal(
    await page.locator(`#reply-1-${second.id}-answer`).inputValue(),
    "Audit of 40 cases in October, attached to the pack.",
  );
  const reopened = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    const parsed = app.core.parseAssessmentText(JSON.stringify(app.a));
    return { peer: parsed.assessment.peer, original: app.a.peer, problems: parsed.problems };
  });
  assert.deepEqual(reopened.problems, []);
  assert.deepEqual(reopened.peer, reopened.original);
  assert.equal(reopened.peer.exchanges[0].replies[second.id].status, "answered");
  assert.deepEqual(foreignRequests(dcs.requests, site.url), []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(dcs.errors, []);
});

test("a response protected with another passphrase is refused, changes nothing, and opens with the right one", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  const { statement, fw } = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.begin();
    app.set("authority", "Dorset");
    app.saveNow();
    return { statement: app.fw().areas[0].statements[0].id, fw: app.a.framework };
  });
  const pack = makePack(
    { format: "stocktake-assessment", version: 1, framework: fw, authority: "Dorset", answers: {}, indicators: {} },
    { preparedFor: "Sam Peer", includeNotes: false, today: "2026-12-01", id: "pack-1" },
  );
  const response = makeResponse(pack, {
    reviewer: "Sam Peer",
    letter: "Dear Dorset",
    challenges: { [statement]: { stance: "question", question: "Where is the audit?", rating: "inadequate" } },
    today: "2026-12-05",
  });
  const text = await peerFileText(response, PASS);
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("peer"));
  await onPage(page, "peer");
  const peerOf = () => page.evaluate(() => JSON.stringify(document.querySelector("stocktake-app").app.a.peer ?? null));
  const before = await peerOf();
  await page
    .locator("#response-file")
    .setInputFiles({ name: "response.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.locator("#response-passphrase").waitFor();
  for (const wrong of ["not the passphrase at all", ""]) {
    await page.locator("#response-passphrase").fill(wrong);
    await page.locator("#response-open").click();
    await page.locator("#peer-errors").waitFor();
    assert.match(
      await shadowText(page, "#peer-errors"),
      wrong ? /The passphrase is wrong for this response/ : /Enter the passphrase/,
    );
    assert.match(
      await shadowText(page, "#response-passphrase-error"),
      wrong ? /passphrase is wrong/ : /Enter the passphrase/,
    );
    assert.equal(await focusedId(page), "peer-errors", "focus on the error summary");
    assert.match(await page.title(), /^Error: /);
    assert.equal(await peerOf(), before, "nothing was added to the self-evaluation");
    assert.equal(await page.locator("#exchange-1").count(), 0);
    assert.equal(await page.locator("#response-passphrase").inputValue(), "", "the field is empty to try again");
  }
  await axeClean(page, errors, "peer, wrong passphrase on a response");
  await page.locator("#response-passphrase").fill(PASS);
  await page.locator("#response-open").click();
  await page.locator("#exchange-1-summary").waitFor();
  assert.match(await shadowText(page, "#exchange-1-summary"), /0 agreed, 1 questioned, 1 still to reply to/);
  assert.equal(await page.locator("#peer-errors").count(), 0);
  assert.deepEqual(errors, []);
});

test("protected packs in the regional picture: each opens with its own passphrase, and a wrong one says so", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  const fw = await page.evaluate(() => document.querySelector("stocktake-app").app.defaultFrameworkId());
  const OTHER = "another passphrase, for Poole";
  const pack = (authority) =>
    makePack(
      {
        format: "stocktake-assessment",
        version: 1,
        framework: fw,
        authority,
        answers: {},
        indicators: { sw_turnover: 11 },
      },
      { preparedFor: "Regional lead", includeNotes: false, today: "2026-12-01", id: authority },
    );
  const file = async (name, authority, pass) => ({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(await peerFileText(pack(authority), pass)),
  });
  const files = [
    await file("barnet.json", "Barnet", null),
    await file("dorset-protected.json", "Dorset", PASS),
    await file("poole-protected.json", "Poole", OTHER),
  ];
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("regional"));
  await onPage(page, "regional");
  const unreadable = () =>
    page.evaluate(() =>
      [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#regional-unreadable li")].map(
        (li) => li.textContent,
      ),
    );
  // No passphrase: the protected packs are named, the open one counted.
  await page.locator("#regional-files").setInputFiles(files);
  await page.locator("#regional-count").waitFor();
  assert.equal(await shadowText(page, "#regional-count"), "1 authority: Barnet.");
  assert.deepEqual(await unreadable(), [
    "dorset-protected.json could not be read: it is protected with a passphrase. Enter the passphrase above and load it again.",
    "poole-protected.json could not be read: it is protected with a passphrase. Enter the passphrase above and load it again.",
  ]);
  // Dorset's passphrase: Dorset opens; for Poole's pack it is the wrong one, and the page says so.
  await page.locator("#regional-passphrase").fill(PASS);
  await page.locator("#regional-files").setInputFiles(files.slice(1));
  await page.waitForFunction(() =>
    /Dorset/.test(document.querySelector("stocktake-app").shadowRoot.querySelector("#regional-count")?.textContent),
  );
  assert.equal(await shadowText(page, "#regional-count"), "2 authorities: Barnet, Dorset.");
  assert.deepEqual(await unreadable(), [
    "poole-protected.json could not be read: the passphrase is wrong, or the file has been changed since it was protected. Check the passphrase above and load the file again.",
  ]);
  // Poole's own passphrase: all three counted, once each, and no file left listed as unread.
  await page.locator("#regional-passphrase").fill(OTHER);
  await page.locator("#regional-files").setInputFiles(files.slice(2));
  await page.waitForFunction(() =>
    /Poole/.test(document.querySelector("stocktake-app").shadowRoot.querySelector("#regional-count")?.textContent),
  );
  assert.equal(await shadowText(page, "#regional-count"), "3 authorities: Barnet, Dorset, Poole.");
  assert.deepEqual(await unreadable(), [], "a file read in the end is no longer listed as unread");
  assert.equal(await page.locator("#regional-duplicates").count(), 0);
  assert.match(await shadowText(page, "#regional-workforce"), /Poole11/);
  await axeClean(page, errors, "regional, protected packs");
});

test("the regional picture knows an authority by its code: one pack with a URN and one without are one authority, and names find the record", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const fw = await page.evaluate(() => document.querySelector("stocktake-app").app.defaultFrameworkId());
  const pack = (authority, today, urn) =>
    JSON.stringify(
      makePack(
        { format: "stocktake-assessment", version: 1, framework: fw, authority, answers: {}, indicators: {} },
        { preparedFor: "Lead", includeNotes: false, today, id: `${authority}-${today}`, urn },
      ),
    );
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("regional"));
  await onPage(page, "regional");
  await page.locator("#regional-files").setInputFiles(
    [
      ["dorset-urn.json", pack("Dorset", "2026-11-01", 2532283)],
      ["dorset-name.json", pack("Dorset", "2026-12-01", null)],
      ["st-helens.json", pack("St Helens", "2026-12-01", null)],
    ].map(([name, text]) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) })),
  );
  await page.locator("#regional-count").waitFor();
  assert.equal(await shadowText(page, "#regional-count"), "2 authorities: Dorset, St Helens.");
  assert.doesNotMatch(await shadowText(page, "#regional-judgements"), /St HelensNo ILACS inspection in the record/);
});

test("a regional lead loads packs with a duplicate and an unreadable file; the figures match the files", async () => {
  const { page, requests, errors } = await openPage(site.browser, {
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(site.url);
  await waitReady(page);
  const areas = await page.evaluate(() =>
    document
      .querySelector("stocktake-app")
      .app.fw()
      .areas.map((a) => ({ name: a.name, statements: a.statements.map((s) => ({ id: s.id, text: s.text })) })),
  );
  const fw = await page.evaluate(() => document.querySelector("stocktake-app").app.defaultFrameworkId());
  const [s0, s1, s2] = areas[0].statements;
  const a = (authority, levels, indicators = {}) => ({
    format: "stocktake-assessment",
    version: 1,
    framework: fw,
    authority,
    assessedOn: "2026-11-30",
    answers: Object.fromEntries(
      Object.entries(levels).map(([id, level]) => [id, { level, evidence: [], notes: "secret" }]),
    ),
    indicators,
    history: null,
  });
  const pack = (x, preparedOn, urn) =>
    JSON.stringify(
      makePack(x, {
        preparedFor: "Regional lead",
        includeNotes: false,
        today: preparedOn,
        id: `${x.authority}-${preparedOn}`,
        urn,
      }),
    );
  const files = [
    {
      name: "dorset-november.json",
      text: pack(a("Dorset", { [s0.id]: "good", [s1.id]: "good" }), "2026-11-01", 2532283),
    },
    {
      name: "barnet.json",
      text: pack(
        a("Barnet", { [s0.id]: "inadequate", [s2.id]: "requires_improvement" }, { sw_turnover: 17.2 }),
        "2026-11-20",
      ),
    },
    {
      name: "dorset-december.json",
      text: pack(
        a(
          "Dorset",
          { [s0.id]: "requires_improvement", [s1.id]: "requires_improvement" },
          { sw_turnover: 12.5, agency_rate: 9 },
        ),
        "2026-12-01",
        2532283,
      ),
    },
    {
      name: "evil.json",
      text: pack(a("=HYPERLINK(1)", { [s1.id]: "inadequate", [s2.id]: "inadequate" }), "2026-11-25"),
    },
    { name: "broken.json", text: "{ this is not a pack" },
    { name: "poole-self-evaluation.json", text: JSON.stringify(a("Poole", { [s0.id]: "good" })) },
    {
      name: "poole-protected.json",
      text: await peerFileText(JSON.parse(pack(a("Poole", { [s0.id]: "good" }), "2026-11-28")), PASS),
    },
    {
      name: "sunny-hill.json",
      text: pack({ ...a("Sunny Hill", {}), framework: "sccif-childrens-homes" }, "2026-11-29"),
    },
    { name: "future.json", text: pack({ ...a("Future", {}), framework: "ilacs-2099-01" }, "2026-11-29") },
  ];
  await follow(page, "link-regional", "regional");
  await axeClean(page, errors, "regional, empty");
  await page
    .locator("#regional-files")
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: "application/json", buffer: Buffer.from(f.text) })));
  await page.locator("#regional-count").waitFor();
  assert.equal(await shadowText(page, "#regional-count"), "3 authorities: Dorset, Barnet, =HYPERLINK(1).");
  // Each file that could not be read is one sentence: what is wrong, then what to do.
  const unreadable = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#regional-unreadable li")].map(
      (li) => li.textContent,
    ),
  );
  assert.deepEqual(unreadable, [
    "broken.json could not be read: it is not a Stocktake file. Choose the peer challenge pack the authority saved for you.",
    "poole-self-evaluation.json could not be read: it is a self-evaluation, not a peer challenge pack. Choose the peer challenge pack the authority saved for you.",
    "poole-protected.json could not be read: it is protected with a passphrase. Enter the passphrase above and load it again.",
    "sunny-hill.json was not counted: it is a self-evaluation against SCCIF: children's homes (updated October 2024). The regional picture compares local authorities' ILACS self-evaluations.",
    "future.json could not be read: its self-evaluation follows a framework this version of Stocktake does not know. Open it in the newest version of Stocktake.",
  ]);
  assert.match(await shadowText(page, "#regional-unreadable"), /5 files were not loaded:/);
  assert.match(
    await shadowText(page, "#regional-duplicates"),
    /dorset-november\.json is another pack from Dorset, so only the later one, dorset-december\.json, is counted\./,
  );
  // Projection and the last real inspection (Dorset's from the record: 21 March 2025).
  const judgements = await shadowText(page, "#regional-judgements");
  assert.match(judgements, /DorsetLast inspection \(ended 21 March 2025\)OutstandingOutstanding/);
  assert.match(judgements, /=HYPERLINK\(1\)Not joined to the record \(see the packs counted\)/);
  // Priorities: s0 (Dorset, Barnet), s1 (Dorset, =HYPERLINK), s2 (Barnet, =HYPERLINK): the November
  // Dorset pack (s0, s1 good) is not counted.
  const priorities = page.locator("#regional-priorities tbody tr");
  assert.equal(await priorities.count(), 3);
  const texts = await priorities.allTextContents();
  assert.ok(texts.includes(`${s0.text}2Dorset, Barnet`), texts.join(" | "));
  assert.ok(texts.includes(`${s1.text}2Dorset, =HYPERLINK(1)`), texts.join(" | "));
  assert.match(await page.locator("#regional-priorities caption").first().textContent(), new RegExp(areas[0].name));
  const workforce = await shadowText(page, "#regional-workforce");
  assert.match(workforce, /Dorset12\.59Not givenNot given/);
  assert.match(workforce, /Barnet17\.2Not given/);
  assert.ok(!(await shadowText(page, "main")).includes("secret"), "notes left out of the packs are nowhere");
  await screenshot(page, "regional-1280");
  await axeClean(page, errors, "regional, loaded");
  const csv = await downloadBy(page, "regional-csv");
  assert.match(csv.text, /"'=HYPERLINK\(1\)","Projection"/);
  assert.ok(!/(^|,)"=/m.test(csv.text), "no cell starts with = unescaped");
  assert.match(csv.text, new RegExp(`"${areas[0].name}","${s0.text.replace(/[()]/g, "\\$&")}","2","Dorset; Barnet"`));
  assert.match(csv.text, /"Every authority in South West"/);
  assert.match(csv.text, /"Dorset","Sent \(dorset-december\.json\)","Outstanding overall, ended 21 March 2025"/);
  // The same picture as a Word document and a workbook, opened in LibreOffice.
  const saved = async (id) => {
    await tabTo(page, id);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const path = join(ARTIFACTS, `regional-${dl.suggestedFilename()}`);
    await dl.saveAs(path);
    return path;
  };
  const doc = await readDocx(await saved("export-docx"), "regional-docx", false);
  for (const t of [
    "Regional picture",
    "Candidate regional priorities",
    "Workforce indicators",
    "Candidate priorities, ranked",
    "Every authority in South West",
    "Dorset",
    "Barnet",
  ])
    assert.ok(doc.text.includes(t), `the Word file has ${t}`);
  assert.ok(doc.text.includes("=HYPERLINK(1)"), "an authority's name comes out as typed");
  assert.ok(doc.text.includes(s0.text), "a priority statement is in the Word file");
  const book = await readXlsx(await saved("export-xlsx"), "regional-xlsx");
  assert.deepEqual(Object.keys(book.sheets).sort(), ["Judgements", "Priorities", "Ranked", "Region", "Workforce"]);
  assert.ok(
    book.sheets.Ranked.some(
      (r) =>
        r[1] === s0.text && r[4].startsWith("2 authorities: 1 inadequate (Barnet), 1 requires improvement (Dorset);"),
    ),
    "the ranked priorities, with the reason",
  );
  assert.ok(
    book.sheets.Region.some((r) => r[0] === "Dorset" && r[1] === "Sent (dorset-december.json)"),
    "every authority of the region, Dorset's pack marked",
  );
  assert.ok(book.sheets.Priorities.some((r) => r[1] === s0.text && r[2] === "2" && r[3] === "Dorset; Barnet"));
  assert.ok(
    book.sheets.Judgements.some((r) => r[0] === "=HYPERLINK(1)"),
    "the name is text, not a formula",
  );
  assert.ok(!book.fods.includes("table:formula"), "no formula anywhere");
  assert.deepEqual([...new Set(odsTypesOf(book.fods, "12.5"))], ["float"], "workforce figures are numbers");
  await removeWork();
  await page.setViewportSize({ width: 390, height: 900 });
  await screenshot(page, "regional-390");
  assert.deepEqual(foreignRequests(requests, site.url), []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
});

/**
 * Whether authority `k` (from 0) rates statement `i` (from 0, across every area) requires
 * improvement or worse: every (i mod 6 + 2)th authority does, so statements are weak for
 * 15, 10, 8, 6, 5 or 5 of 30 authorities, and the priorities' counts and order differ by statement.
 */
const weakFor = (i, k) => k % ((i % 6) + 2) === 0;

/** `n` packs of whole self-evaluations for the framework `fw` with statement ids `ids`. */
function packs(n, fw, ids) {
  return Array.from({ length: n }, (_, k) => {
    const level = (i) =>
      weakFor(i, k) ? (k % 4 === 0 ? "inadequate" : "requires_improvement") : (i + k) % 3 ? "good" : "outstanding";
    const a = {
      format: "stocktake-assessment",
      version: 1,
      framework: fw,
      authority: `Authority ${k + 1}`,
      assessedOn: "2026-11-30",
      answers: Object.fromEntries(ids.map((id, i) => [id, { level: level(i), evidence: [] }])),
      indicators: { sw_turnover: 10 + k, agency_rate: 5 + (k % 7) },
      history: null,
    };
    const pack = makePack(a, { preparedFor: "Lead", includeNotes: false, today: "2026-12-01", id: `p${k}` });
    return {
      name: `pack-${k + 1}.json`,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(pack)),
      assessment: a,
    };
  });
}

/** The body rows of the table `id` in the shadow root, each as its cells' text. */
const tableRows = (page, id) =>
  page.evaluate(
    (i) =>
      [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(`#${i} tbody tr`)].map((tr) =>
        [...tr.children].map((c) => c.textContent.replace(/\s+/g, " ").trim()),
      ),
    id,
  );

// Speed is the benchmark's to judge, never a timed test's: this one prints the time and checks
// each authority's row, the priorities' counts and order (worked out here from the packs), and
// the workforce figures.
test("30 whole packs are read, scored and aggregated in the browser", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const { fw, areas } = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    return {
      fw: app.defaultFrameworkId(),
      areas: app.fw().areas.map((a) => ({
        id: a.id,
        name: a.name,
        statements: a.statements.map((s) => ({ id: s.id, text: s.text })),
      })),
    };
  });
  const ids = areas.flatMap((a) => a.statements.map((s) => s.id));
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("regional"));
  await onPage(page, "regional");
  const files = packs(30, fw, ids);
  const names = files.map((f) => f.assessment.authority);
  // Timed inside the page: from the change event to the tables in the document.
  await page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const input = root.getElementById("regional-files");
    input.addEventListener("change", () => (window.__t0 = performance.now()), { capture: true });
    new MutationObserver((_, obs) => {
      if (root.getElementById("regional-count")) {
        window.__ms = performance.now() - window.__t0;
        obs.disconnect();
      }
    }).observe(root, { childList: true, subtree: true });
  });
  await page.locator("#regional-files").setInputFiles(files.map(({ assessment, ...f }) => f));
  await page.locator("#regional-count").waitFor();
  const ms = await page.evaluate(() => window.__ms);
  console.log(`30 packs read, scored and aggregated in ${ms.toFixed(0)} ms`);
  assert.ok(Number.isFinite(ms), "the tables appeared after the files were chosen");
  assert.equal(await shadowText(page, "#regional-count"), `30 authorities: ${names.join(", ")}.`);
  assert.equal(await page.locator("#regional-unreadable").count(), 0, "every pack was read");

  // Each authority: its projection (the core's score of its own pack) and no inspection in the record.
  const judgements = await tableRows(page, "regional-judgements");
  assert.equal(judgements.length, 60, "two rows an authority");
  const head = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#regional-judgements thead th")].map((c) =>
      c.textContent.trim(),
    ),
  );
  assert.deepEqual(head, [
    "Authority",
    "Source",
    "Overall effectiveness",
    "Impact of leaders",
    "Help and protection",
    "Children in care",
    "Care leavers",
  ]);
  const expected = await page.evaluate(
    ([assessments, head]) => {
      const app = document.querySelector("stocktake-app").app;
      const byName = {
        "Overall effectiveness": "overall_effectiveness",
        "Impact of leaders": "impact_of_leaders",
        "Help and protection": "help_and_protection",
        "Children in care": "children_in_care",
        "Care leavers": "care_leavers",
      };
      return assessments.map((a) => {
        const scored = app.core.score(a);
        const grade = (id) => {
          const g =
            id === "overall_effectiveness" ? scored.overall?.grade : scored.judgements.find((j) => j.id === id)?.grade;
          return g ? app.levelLabel(g) : "Not projected";
        };
        return { name: a.authority, grade: head.slice(2).map((h) => grade(byName[h])) };
      });
    },
    [files.map((f) => f.assessment), head],
  );
  for (const [k, e] of expected.entries()) {
    const [projection, last] = [judgements[2 * k], judgements[2 * k + 1]];
    assert.equal(projection[0], e.name, `row ${2 * k}: ${e.name}`);
    assert.equal(projection[1], "Projection (self-evaluation of 30 November 2026)");
    assert.ok(
      projection.slice(2).some((g) => g !== "Not projected"),
      `${e.name}: projected`,
    );
    assert.deepEqual(projection.slice(2), e.grade, `${e.name}: the projection is its own pack's score`);
    assert.deepEqual(last.slice(0, 2), [e.name, "Not joined to the record (see the packs counted)"]);
  }
  // Two authorities whose answers differ are projected differently somewhere, or the test proves little.
  assert.ok(new Set(expected.map((e) => e.grade.join())).size > 1, "the projections differ between authorities");

  // Candidate priorities, worked out here: statements weak for two or more authorities, by area,
  // most authorities first, with who they are.
  let i = 0;
  const want = [];
  for (const area of areas) {
    const rows = area.statements
      .map((s) => {
        const n = i++;
        const who = names.filter((_, k) => weakFor(n, k));
        return { text: s.text, who };
      })
      .filter((r) => r.who.length >= 2)
      .sort((x, y) => y.who.length - x.who.length)
      .map((r) => [r.text, String(r.who.length), r.who.join(", ")]);
    if (rows.length) want.push({ id: area.id, rows });
  }
  assert.deepEqual(
    await page.evaluate(() =>
      [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#regional-priorities table")].map((t) =>
        t.id.replace("regional-priorities-", ""),
      ),
    ),
    want.map((a) => a.id),
    "one table an area, in the framework's order",
  );
  for (const a of want) assert.deepEqual(await tableRows(page, `regional-priorities-${a.id}`), a.rows, a.id);
  assert.ok(want.flatMap((a) => a.rows).some((r) => r[1] === "15"));

  // Workforce: each authority's own figures, in its own row.
  const workforce = await tableRows(page, "regional-workforce");
  assert.deepEqual(
    workforce.map((r) => r.slice(0, 3)),
    names.map((n, k) => [n, String(10 + k), String(5 + (k % 7))]),
  );
  assert.deepEqual(errors, []);
});

test("the regional picture works in the offline file, with the record inline and no request", async () => {
  const browser = site.browser;
  const { page, requests, errors } = await openPage(browser);
  const url = pathToFileURL(join(DIST, "stocktake-offline.html")).href;
  await page.goto(url);
  await waitReady(page);
  await follow(page, "link-regional", "regional");
  const fw = await page.evaluate(() => document.querySelector("stocktake-app").app.defaultFrameworkId());
  const a = {
    format: "stocktake-assessment",
    version: 1,
    framework: fw,
    authority: "Barnet",
    answers: {},
    indicators: {},
    history: null,
  };
  const pack = makePack(a, { preparedFor: "Lead", includeNotes: false, today: "2026-12-01", id: "b" });
  await page
    .locator("#regional-files")
    .setInputFiles({ name: "barnet.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(pack)) });
  await page.locator("#regional-count").waitFor();
  assert.match(await shadowText(page, "#regional-judgements"), /BarnetLast inspection \(ended 14 June 2024\)Good/);
  assert.deepEqual(
    requests.filter((u) => u !== url && !u.startsWith("data:") && !u.startsWith("blob:")),
    [],
  );
  assert.deepEqual(errors, []);
});
