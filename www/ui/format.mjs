// Formatting only: dates as people read them, numbers, and "today" in Europe/London. No date
// arithmetic lives here (the wasm core does that); these functions only turn values into text.

// No Intl object is made until one is needed: the first one a page makes costs 20–130 ms while
// ICU loads its data, which used to delay the start page. Dates (always UTC) are written in English
// directly, exactly as Intl's en-GB writes them; only the clock and "today" in Europe/London (which
// need the time zone rules) and number grouping use Intl, made on first use and kept.
/** The months' names, January first. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const intl = {};
const made = (key, make) => (intl[key] ??= make());
const fmtLongDate = () =>
  made(
    "long",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }),
  );
const fmtShortDate = () =>
  made(
    "short",
    () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  );
const fmtClock = () =>
  made(
    "clock",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
        timeZone: "Europe/London",
      }),
  );
const fmtIsoLondon = () =>
  made(
    "iso",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        timeZone: "Europe/London",
      }),
  );
const fmtNumber = () => made("number", () => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }));
const fmtCount = () => made("count", () => new Intl.NumberFormat("en-GB"));

/** Makes the Intl objects now (called when the page is idle, so that the first save does not wait). */
export function warmFormats() {
  fmtClock();
  fmtIsoLondon();
  fmtNumber();
  fmtCount();
}

/** Splits `YYYY-MM-DD` into a UTC Date, or null when it is not a well-formed date string. */
function isoToUtc(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

function partsText(fmt, date, withWeekday) {
  const year = date.getUTCFullYear();
  // The Gregorian calendar from 1583: earlier dates are left to Intl (ICU switches to the Julian
  // calendar before October 1582), so the text is always what Intl would write.
  if (year >= 1583)
    return `${withWeekday ? `${WEEKDAYS[date.getUTCDay()]} ` : ""}${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${year}`;
  const p = Object.fromEntries(
    fmt()
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${withWeekday ? `${p.weekday} ` : ""}${p.day} ${p.month} ${p.year}`;
}

/** "Monday 7 September 2026"; returns the input unchanged if it is not a date. */
export function formatDateLong(iso) {
  const d = isoToUtc(iso);
  return d ? partsText(fmtLongDate, d, true) : String(iso ?? "");
}

/** "7 September 2026". */
export function formatDateShort(iso) {
  const d = isoToUtc(iso);
  return d ? partsText(fmtShortDate, d, false) : String(iso ?? "");
}

/** A text from the core with each `YYYY-MM-DD` date in it written as people read it ("10 June 2025"). */
export function datesInText(text) {
  return text == null
    ? text
    : String(text).replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso, y, m, d) => {
        const t = new Date(Date.UTC(+y, +m - 1, +d));
        return t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d ? formatDateShort(iso) : iso;
      });
}

/** "14:05" in Europe/London. */
export function formatClock(date = new Date()) {
  return fmtClock().format(date);
}

/** Today's date in Europe/London as `YYYY-MM-DD`. */
export function todayLondon(date = new Date()) {
  const p = Object.fromEntries(
    fmtIsoLondon()
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** Splits a stored date string (possibly incomplete, e.g. "2026--05") into its three fields. */
export function dateParts(value) {
  const [year = "", month = "", day = ""] = String(value ?? "").split("-");
  return { day, month, year };
}

/** Joins three typed fields into the stored form; "" when all are empty. */
export function dateJoin({ day, month, year }) {
  const t = (s) => String(s ?? "").trim();
  if (!t(day) && !t(month) && !t(year)) return "";
  const pad = (s) => (t(s) && t(s).length < 2 ? t(s).padStart(2, "0") : t(s));
  return `${t(year)}-${pad(month)}-${pad(day)}`;
}

/** A percentage for display: 0.4567 → "46%". */
export function formatPercent(p) {
  return `${Math.round((p ?? 0) * 100)}%`;
}

/** A number as typed by people in England (no grouping for small values). */
export function formatNumber(n) {
  return n == null || n === "" ? "" : fmtNumber().format(n);
}

/** A whole number with grouping, as a character count says it: 2000 → "2,000". */
export function formatCount(n) {
  return fmtCount().format(n);
}

/**
 * How far a fact or rule can be trusted, in words, by its tag: V verified, D from official data,
 * S a secondary source, U unverified (reported, no official text found), R our assumption.
 * `short` is the tag's label; `note` one sentence for hints (empty for V and D).
 */
export const TRUST = {
  V: { short: "Verified", note: "" },
  D: { short: "From official data", note: "" },
  S: { short: "Secondary source", note: "This rests on a secondary source, not on a page Ofsted has published. " },
  U: { short: "Unverified", note: "Unverified: we found no official text for this rule. " },
  R: { short: "Assumption", note: "This is our assumption. " },
};

/** "2025-03-21" → "March 2025". */
export function monthYear(iso) {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? "");
  return m ? `${MONTHS[+m[2] - 1]} ${m[1]}` : "";
}
