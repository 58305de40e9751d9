// What the case-file audit pages share: the grades' words, the most audits a file holds, the
// criteria and areas of the assessment's framework, and the warning about audits dated after the
// self-evaluation.
import { govWarning } from "../../ui/govuk.mjs";
import { formatCount, formatDateShort } from "../../ui/format.mjs";

export const GRADES = [
  ["outstanding", "Outstanding"],
  ["good", "Good"],
  ["requires_improvement", "Requires improvement to be good"],
  ["inadequate", "Inadequate"],
];
export const GRADE_TEXT = Object.fromEntries(GRADES);
export const LEVEL_TEXT = { ...GRADE_TEXT, not_known: "Not known" };
/** The most audits a self-evaluation holds (the core's MAX_AUDITS). */
export const MAX_AUDITS = 2000;
export const FULL = `A self-evaluation holds at most ${formatCount(MAX_AUDITS)} audits`;

export function criteriaOf(app) {
  return app.core.auditCriteria(app.a.framework)?.criterion ?? [];
}

export function areasOf(app, criteria) {
  const ids = new Set(criteria.map((c) => c.area));
  return (app.fw()?.areas ?? []).filter((a) => ids.has(a.id));
}

/** Whether the challenge `e` names the audit criterion `s`'s statement. */
export function challenged(e, s) {
  return e.challenges.some((c) => c.statements.includes(s.statement));
}

/** A warning naming the audits dated after the self-evaluation: they do not count, and why. */
export function futureAudits(audits, e) {
  if (!e.to) return null;
  const later = audits.filter((a) => a.date && a.date > e.to);
  if (!later.length) return null;
  return govWarning({
    text: `${later.length === 1 ? "1 audit is" : `${later.length} audits are`} dated after the date of this self-evaluation (${formatDateShort(e.to)}) and ${later.length === 1 ? "does" : "do"} not count: ${later.map((a) => `${a.caseRef}, ${formatDateShort(a.date)}`).join("; ")}. Correct ${later.length === 1 ? "its date" : "their dates"} or the date of the self-evaluation.`,
  });
}
