// The one CSV module (www/domain/csv.mjs, papaparse): what the record, audits, exports, scripts and
// tests read and write.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvText, readCsv, readCsvGrid, readCsvObjects } from "../../www/domain/csv.mjs";

test("cells may be quoted, hold commas, doubled quotes and line breaks; a BOM is dropped", () => {
  const { rows, problems } = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(
    rows.map((r) => [...r]),
    [
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["two\nlines", "z"],
    ],
  );
  assert.deepEqual(
    rows.map((r) => r.number),
    [1, 2, 3],
  );
});

test("LF, CRLF and CR line ends, mixed in one file, all end rows", () => {
  const { rows } = readCsv("a,b\r\nc,d\ne,f\rg,h");
  assert.deepEqual(
    rows.map((r) => r.join("")),
    ["ab", "cd", "ef", "gh"],
  );
});

test("blank rows are left out, and the rows after them keep their spreadsheet numbers", () => {
  const text = 'head\n\n"one\nline"\n\n\nlast\n';
  const { rows } = readCsv(text);
  assert.deepEqual(
    rows.map((r) => [r[0], r.number]),
    [
      ["head", 1],
      ["one\nline", 3],
      ["last", 6],
    ],
  );
  const { grid } = readCsvGrid(text);
  assert.equal(grid.length, 6);
  assert.deepEqual(grid[1], [""]);
  assert.deepEqual(grid[5], ["last"]);
});

test("ragged rows keep the cells they have; empty text has no rows", () => {
  assert.deepEqual(
    readCsv("a,b,c\n1\n1,2,3,4").rows.map((r) => r.length),
    [3, 1, 4],
  );
  assert.deepEqual(readCsv("").rows, []);
  assert.deepEqual(readCsv("\uFEFF\r\n").rows, []);
});

test("a quote that is never closed is a problem on its row, not a silently merged file", () => {
  const { problems } = readCsv('urn,name\n1,"Derby\n2,Leeds\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].row, 2);
  assert.match(problems[0].message, /^Row 2: a quotation mark \(".*never closed/);
  const after = readCsv('a,b\n"x"y,z\n').problems;
  assert.equal(after[0]?.row, 2);
  assert.match(after[0].message, /more text after its closing quotation mark/);
});

test("objects by column name; a shipped file with unpaired quotes throws", () => {
  assert.deepEqual(readCsvObjects(" urn ,name\n1,Derby\n2\n"), [
    { urn: "1", name: "Derby" },
    { urn: "2", name: "" },
  ]);
  assert.throws(() => readCsvObjects('a\n"b\n'), /never closed/);
});

test("written CSV has a BOM, CRLF, every cell quoted, formulas defused, and reads back the same", () => {
  const rows = [
    ["Statement", "Note", "Count"],
    ["=SUM(A1:A2)", 'say "hi", then\nmore', 3],
    ["-1 or +1", "@home", null],
    ["-2 cases\nsecond line", "\tx", "plain"],
  ];
  const text = csvText(rows);
  assert.ok(text.startsWith('\uFEFF"Statement","Note","Count"\r\n'));
  assert.ok(text.endsWith("\r\n"));
  assert.ok(text.includes(`"'=SUM(A1:A2)"`), text);
  assert.ok(text.includes(`"'-1 or +1","'@home",""`), text);
  // A formula on the first of several lines is defused too (papaparse's own pattern misses it).
  assert.ok(text.includes(`"'-2 cases\nsecond line","'\tx","plain"`), text);
  const back = readCsv(text).rows.map((r) => [...r]);
  assert.deepEqual(back, [
    ["Statement", "Note", "Count"],
    ["'=SUM(A1:A2)", 'say "hi", then\nmore', "3"],
    ["'-1 or +1", "'@home", ""],
    ["'-2 cases\nsecond line", "'\tx", "plain"],
  ]);
});
