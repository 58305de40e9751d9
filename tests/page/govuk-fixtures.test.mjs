// www/ui/govuk.mjs against govuk-frontend's own fixtures (issue 31). For every component
// Stocktake renders, every fixture in node_modules/govuk-frontend/dist/govuk/components/<name>/
// fixtures.json (the options given to the Nunjucks macro and the HTML it renders) is rendered with
// our component and the two DOMs are compared, normalised only for what HTML does not mean:
// whitespace between and around text, attribute order, and how a boolean attribute is written.
// A fixture with an option we do not support (our component throws a GovukOptionError naming it,
// html options among them) is skipped with that reason, and counted apart, never as a match. Where
// Stocktake must differ, EXCEPTIONS below says how and why. A bump of govuk-frontend that changes
// its markup shows here as failing fixtures. Runs in Node with jsdom: no build, no browser.
//
//   node --test tests/page/govuk-fixtures.test.mjs
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.document = window.document;
globalThis.Node = window.Node;
const govuk = await import("../../www/ui/govuk.mjs");

/** govuk-frontend component name → our component. */
const COMPONENTS = {
  button: govuk.govButton,
  "character-count": govuk.govCharacterCount,
  checkboxes: govuk.govCheckboxes,
  "date-input": govuk.govDateInput,
  "error-message": govuk.govErrorMessage,
  "error-summary": govuk.govErrorSummary,
  input: govuk.govInput,
  "notification-banner": govuk.govBanner,
  radios: govuk.govRadios,
  select: govuk.govSelect,
  "summary-list": govuk.govSummaryList,
  table: govuk.govTable,
  tag: govuk.govTag,
  "warning-text": govuk.govWarning,
};

/**
 * Where Stocktake's markup must differ from the macro's: each changes our DOM (`ours`) or the
 * fixture's (`theirs`) in place before they are compared, and says why.
 */
const EXCEPTIONS = {
  "error-summary": [
    {
      why:
        'tabindex="-1" is in our markup: govuk-frontend\'s JS adds it when it focuses the summary, but that JS ' +
        "cannot reach into our shadow root, so the page focuses the summary itself",
      ours: (root) => root.querySelector(".govuk-error-summary")?.removeAttribute("tabindex"),
    },
  ],
  "character-count": [
    {
      why:
        "the count is rendered as govuk-frontend's JS leaves it once started (that JS cannot reach into our " +
        "shadow root, so govCharacterCount does its work): the visible and the spoken status elements, the " +
        "field's description visually hidden, and the error style when the text is over the limit",
      ours: (root, options) => {
        for (const el of root.querySelectorAll(".govuk-character-count__status, .govuk-character-count__sr-status"))
          el.remove();
        root.querySelector(".govuk-character-count__message")?.classList.remove("govuk-visually-hidden");
        if (!options.errorMessage) root.querySelector("textarea")?.classList.remove("govuk-textarea--error");
      },
    },
  ],
  "date-input": [
    {
      why:
        "the first field takes the component's id (the macro gives it <id>-day) and the .govuk-date-input " +
        "wrapper takes <id>-group (the macro gives it <id>), so that an error summary link to a date's id, " +
        "as Stocktake's checks name it, lands on a field that takes focus",
      theirs: (root, options) => {
        const wrapper = root.querySelector(".govuk-date-input");
        if (!wrapper || !options.id) return;
        wrapper.id = `${options.id}-group`;
        const first = wrapper.querySelector("input");
        const items = options.items?.length ? options.items : [options.day ?? {}];
        if (!first || items.find(Boolean)?.id) return;
        const label = wrapper.querySelector(`label[for="${first.id}"]`);
        first.id = options.id;
        label?.setAttribute("for", options.id);
      },
    },
  ],
};

const dir = new URL("../../node_modules/govuk-frontend/dist/govuk/components/", import.meta.url);
const version = JSON.parse(readFileSync(new URL("../../../package.json", dir), "utf8")).version;

/** One line per element, attribute and run of text, indented by depth: what is compared. */
function canonical(parent) {
  const lines = [];
  const walk = (node, depth) => {
    let text = "";
    const flush = () => {
      const t = text.replace(/\s+/g, " ").trim();
      if (t) lines.push(`${"  ".repeat(depth)}"${t}"`);
      text = "";
    };
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) {
        text += c.data;
        continue;
      }
      if (c.nodeType !== Node.ELEMENT_NODE) continue;
      flush();
      const attrs = [...c.attributes]
        .map((a) => [a.name, a.name === "class" ? a.value.split(/\s+/).filter(Boolean).join(" ") : a.value])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([n, v]) => ` ${n}="${v}"`)
        .join("");
      lines.push(`${"  ".repeat(depth)}<${c.localName}${attrs}>`);
      walk(c.localName === "template" ? c.content : c, depth + 1);
    }
    flush();
  };
  walk(parent, 0);
  return lines.join("\n");
}

const counts = {};

for (const [name, component] of Object.entries(COMPONENTS)) {
  const { fixtures } = JSON.parse(readFileSync(new URL(`${name}/fixtures.json`, dir), "utf8"));
  const count = { fixtures: fixtures.length, run: 0, matched: 0, skipped: 0, skips: [] };
  counts[name] = count;
  describe(`govuk-frontend ${version} ${name}`, () => {
    for (const fixture of fixtures) {
      test(fixture.name, (t) => {
        let rendered;
        try {
          rendered = component(structuredClone(fixture.options));
        } catch (e) {
          if (!(e instanceof govuk.GovukOptionError)) throw e;
          count.skipped++;
          count.skips.push(`${fixture.name}: ${e.message}`);
          t.skip(e.message);
          return;
        }
        count.run++;
        const ours = document.createElement("div");
        ours.append(rendered);
        const theirs = document.createElement("div");
        theirs.innerHTML = fixture.html; // govuk-frontend's own fixture, parsed only to compare
        for (const x of EXCEPTIONS[name] ?? []) {
          x.ours?.(ours, fixture.options);
          x.theirs?.(theirs, fixture.options);
        }
        assert.equal(canonical(ours), canonical(theirs));
        count.matched++;
      });
    }
  });
}

describe("options govuk.mjs does not take", () => {
  test("an html option throws, naming it", () => {
    assert.throws(() => govuk.govTag({ html: "<b>Done</b>" }), /govTag: "html" is not supported/);
    assert.throws(
      () => govuk.govRadios({ name: "r", items: [{ value: "a", text: "A", conditional: { html: "<p>x</p>" } }] }),
      /govRadios: "items\[\]\.conditional\.html" is not supported/,
    );
  });
  test("an option no macro takes throws, naming it", () => {
    assert.throws(
      () => govuk.govButton({ text: "Save", secondary: true }),
      /govButton: option "secondary" is not supported/,
    );
    assert.throws(() => govuk.govSummaryList({ rows: [], footer: { text: "x" } }), /option "footer" is not supported/);
  });
  test("nodes go in as the elements they are, never parsed", () => {
    const strong = document.createElement("strong");
    strong.textContent = "<i>not markup</i>";
    const tag = govuk.govTag({ nodes: [strong, " <b>text</b>"] });
    assert.equal(tag.firstChild, strong);
    assert.equal(tag.querySelector("i, b"), null);
    assert.equal(tag.textContent, "<i>not markup</i> <b>text</b>");
  });
});

after(() => {
  const rows = Object.entries(counts).map(
    ([name, c]) => `| ${name} | ${c.fixtures} | ${c.run} | ${c.matched} | ${c.skipped} |`,
  );
  const total = Object.values(counts).reduce(
    (s, c) => ({
      fixtures: s.fixtures + c.fixtures,
      run: s.run + c.run,
      matched: s.matched + c.matched,
      skipped: s.skipped + c.skipped,
    }),
    { fixtures: 0, run: 0, matched: 0, skipped: 0 },
  );
  console.log(
    [
      `govuk-frontend ${version} fixtures, per component:`,
      "| component | fixtures | run | matched | skipped |",
      "| --- | --- | --- | --- | --- |",
      ...rows,
      `| all | ${total.fixtures} | ${total.run} | ${total.matched} | ${total.skipped} |`,
    ].join("\n"),
  );
  if (process.env.GOVUK_FIXTURES_SKIPS)
    for (const [name, c] of Object.entries(counts)) for (const s of c.skips) console.log(`skipped ${name} / ${s}`);
});
