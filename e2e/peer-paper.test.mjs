// The peer challenge exchange on paper, for both sides (issue 29.3). The authority's side: a
// self-evaluation holding an exchange (built with www/domain/peer.mjs's helpers: a pack sent, the
// reviewer's response with a letter, an agreement and two questions, one accepted with the rating
// taken and one answered) is opened; the report page has a "Peer challenge" section, and the Word
// document and the workbook its page's buttons make, read back by LibreOffice, carry the letter,
// each challenged statement by its text (never its id) and each reply. The reviewer's side: a pack
// is opened on the review page, a challenge and a letter written and the response saved; the
// "Download your review as a Word document" file carries the protective marking, the letter, the
// statement's text and the question. Page images go to e2e-artifacts/ for people to look at.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, openPage, screenshot, useSite, waitReady } from "./harness.mjs";
import { follow, onPage, shadowText } from "./steps.mjs";
import { readDocx, readXlsx, removeWork, work } from "./office.mjs";
import { applyResponse, makePack, makeResponse, recordSent, reply, takeRating } from "../www/domain/peer.mjs";

const site = useSite();
after(removeWork);

const squash = (s) => String(s).replace(/\s+/g, "");
const contains = (hay, needle) => squash(hay).includes(squash(needle));

const LETTER = "Dear Anyshire, thank you for a candid self-evaluation. Your front door is stronger than you say.";
const QUESTION = "Which audit shows that thresholds are applied consistently across teams?";
const ANSWER = "Our March audit of 40 contacts found thresholds applied consistently in 38.";
const ACCEPTED_QUESTION = "Is early help really good when waiting lists doubled this year?";

async function golden() {
  return JSON.parse(await readFile(join(ROOT, "tests", "golden", "v2", "full-2026-with-audits.json"), "utf8"));
}

/** Saves the download the button `id` starts into `dir`; returns its path. */
async function save(page, id, dir) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

/** The statements' texts by id, from the framework the page loaded. */
async function statementTexts(page, framework, ids) {
  return page.evaluate(
    ([fwId, wanted]) => {
      const fw = document.querySelector("stocktake-app").app.fw(fwId);
      const all = fw.areas.flatMap((a) => a.statements);
      return Object.fromEntries(wanted.map((id) => [id, all.find((s) => s.id === id).text]));
    },
    [framework, ids],
  );
}

test("the authority's report, Word document and workbook carry the exchange: letter, challenges by statement, replies", async () => {
  const a = await golden();
  const [agreed, answered, accepted] = ["hp_front_door", "hp_thresholds", "hp_early_help"];
  assert.ok(a.answers[agreed] && a.answers[answered] && a.answers[accepted], "the golden file answers them");
  const pack = makePack(a, {
    preparedFor: "Sam Peer, DCS Wiltshire",
    includeNotes: true,
    today: "2026-05-01",
    id: "p1",
  });
  recordSent(a, pack);
  const response = makeResponse(pack, {
    reviewer: "Sam Peer, DCS Wiltshire",
    letter: LETTER,
    today: "2026-05-20",
    challenges: {
      [agreed]: { stance: "agree", note: "Well evidenced." },
      [answered]: { stance: "question", question: QUESTION, rating: "requires_improvement" },
      [accepted]: { stance: "question", question: ACCEPTED_QUESTION, rating: "requires_improvement" },
    },
  });
  const { exchange } = applyResponse(a, response);
  reply(exchange, answered, "answered", ANSWER, "2026-05-25");
  reply(exchange, accepted, "accepted", "", "2026-05-25");
  a.answers[accepted].level = takeRating(exchange, accepted, a.answers[accepted].level, "requires_improvement");

  const { page, errors } = await openPage(site.browser, {
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(site.url);
  await waitReady(page);
  const texts = await statementTexts(page, a.framework, [agreed, answered, accepted]);
  await page.evaluate((text) => {
    const app = document.querySelector("stocktake-app").app;
    const parsed = app.core.parseAssessmentText(text).assessment;
    app.load(parsed);
    app.saveNow();
    app.go("report");
  }, JSON.stringify(a));
  await onPage(page, "report");
  const section = await page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const s = [...root.querySelectorAll(".st-report-section")].find(
      (x) => x.querySelector("h2").textContent === "Peer challenge",
    );
    return s ? s.textContent.replace(/\s+/g, " ") : null;
  });
  assert.ok(section, "the report page has a Peer challenge section");
  const acceptedReply = "Accepted on 25 May 2026; rating changed from good to requires improvement to be good";
  const answeredReply = `Answered on 25 May 2026: ${ANSWER}`;
  for (const said of [
    "Challenge from Sam Peer, DCS Wiltshire, 20 May 2026",
    "1 agreed, 2 questioned, 0 still to reply to.",
    LETTER,
    texts[answered],
    texts[accepted],
    texts[agreed],
    QUESTION,
    answeredReply,
    acceptedReply,
  ])
    assert.ok(contains(section, said), `the report page says: ${said}`);
  for (const id of [agreed, answered, accepted]) assert.ok(!section.includes(id), `no statement id (${id})`);
  assert.equal(await shadowText(page, "#report-marking"), "OFFICIAL-SENSITIVE. Draft — private");
  await page.locator("#report-section-0").waitFor();
  await screenshot(page, "peer-paper-report");

  const dir = join(await work(), "peer-paper-authority");
  await mkdir(dir, { recursive: true });
  const docx = await save(page, "export-docx", dir);
  const xlsx = await save(page, "export-xlsx", dir);

  const { text, pdfText } = await readDocx(docx, "peer-paper-docx");
  const doc = `${text}\n${pdfText}`;
  assert.ok(contains(doc, "Peer challenge"), "the Word document's section");
  assert.ok(contains(doc, "OFFICIAL-SENSITIVE. Draft — private"), "the protective marking");
  for (const said of [LETTER, texts[answered], texts[accepted], QUESTION, ACCEPTED_QUESTION, ANSWER, acceptedReply])
    assert.ok(contains(doc, said), `the Word document says: ${said}`);
  const peerPart = doc.slice(doc.lastIndexOf("Challenge from Sam Peer"));
  for (const id of [agreed, answered, accepted]) assert.ok(!peerPart.includes(id), `no statement id in Word (${id})`);

  const { sheets } = await readXlsx(xlsx, "peer-paper-xlsx");
  const sheet = sheets["Peer challenge"];
  assert.ok(sheet, "a Peer challenge sheet");
  const head = sheet[0];
  const col = (name) => {
    const i = head.indexOf(name);
    assert.ok(i >= 0, `column ${name}`);
    return i;
  };
  const letterRow = sheet.find((r) => r[col("What")] === "Letter");
  assert.equal(letterRow?.[col("Question or letter")], LETTER);
  assert.equal(letterRow?.[col("Responded on")], "20/05/2026");
  const rowOf = (statement) => sheet.find((r) => r[col("Statement")] === statement);
  assert.equal(rowOf(texts[answered])?.[col("Question or letter")], QUESTION);
  assert.equal(rowOf(texts[answered])?.[col("Our reply")], answeredReply);
  assert.equal(rowOf(texts[answered])?.[col("Rating they would give")], "Requires improvement to be good");
  assert.equal(rowOf(texts[accepted])?.[col("Our reply")], acceptedReply);
  assert.equal(rowOf(texts[agreed])?.[col("Reviewer's view")], "Agrees with the rating");
  assert.equal(rowOf(texts[agreed])?.[col("Note")], "Well evidenced.");
  for (const id of [agreed, answered, accepted])
    assert.ok(!sheet.flat().some((c) => c.includes(id)), `no statement id in the sheet (${id})`);
  assert.deepEqual(errors, []);
});

test("without an exchange the report has no Peer challenge section or sheet", async () => {
  const a = await golden();
  const { page, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  await page.evaluate((text) => {
    const app = document.querySelector("stocktake-app").app;
    app.load(app.core.parseAssessmentText(text).assessment);
    app.go("report");
  }, JSON.stringify(a));
  await onPage(page, "report");
  const headings = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-report-section > h2")].map(
      (h) => h.textContent,
    ),
  );
  assert.ok(headings.length > 3);
  assert.ok(!headings.includes("Peer challenge"), headings.join(", "));
  assert.equal(await page.locator("#report-marking").count(), 0, "no protective marking without an exchange");
  assert.deepEqual(errors, []);
});

test("the reviewer downloads a readable copy of the response they saved, with the protective marking", async () => {
  const a = await golden();
  const pack = makePack(a, {
    preparedFor: "Sam Peer, DCS Wiltshire",
    includeNotes: false,
    today: "2026-05-01",
    id: "p2",
  });
  const { page, errors } = await openPage(site.browser, {
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(site.url);
  await waitReady(page);
  const statement = "hp_thresholds";
  const texts = await statementTexts(page, a.framework, [statement]);
  await follow(page, "link-peer-review", "peer-review");
  await page
    .locator("#pack-file")
    .setInputFiles({ name: "pack.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(pack)) });
  await page.locator("#pack-notice").waitFor();
  assert.equal(await page.locator("#review-docx").count(), 0, "no copy before a response is saved");
  await page.locator(`label[for="challenge-${statement}-stance-2"]`).click();
  await page.locator(`#challenge-${statement}-question`).fill(QUESTION);
  await page.locator(`#challenge-${statement}-rating`).selectOption("requires_improvement");
  await page.locator("#review-letter").fill(LETTER);
  const dir = join(await work(), "peer-paper-reviewer");
  await mkdir(dir, { recursive: true });
  const responseFile = await save(page, "save-response", dir);
  assert.match(responseFile, /stocktake-peer-response-anyshire-county-council-/);
  await page.locator("#review-docx").waitFor();
  assert.match(await shadowText(page, "#review-copy"), /marked OFFICIAL-SENSITIVE/);
  assert.equal(await page.locator("#review-print").count(), 1, "and print");
  await page.locator("#review-copy").scrollIntoViewIfNeeded();
  await screenshot(page, "peer-paper-review-copy");
  const docx = await save(page, "review-docx", dir);
  assert.match(docx, /stocktake-peer-review-anyshire-county-council-\d{4}-\d{2}-\d{2}\.docx$/);
  const { text, pdfText } = await readDocx(docx, "peer-paper-review-docx");
  const doc = `${text}\n${pdfText}`;
  for (const said of [
    "OFFICIAL-SENSITIVE",
    "Peer challenge response",
    "Your response to Anyshire County Council",
    LETTER,
    texts[statement],
    QUESTION,
    "Sam Peer",
  ])
    assert.ok(contains(doc, said), `the reviewer's copy says: ${said}`);
  assert.ok(!doc.includes(statement), "no statement id in the reviewer's copy");
  assert.deepEqual(errors, []);
});
