// The inspection pathway of the assessment being edited, and the adjustable assumptions it rests
// on (the timeline page's "Change the assumptions" form). One per App (`app.pathway`): the about,
// area and timeline pages all read the pathway, and only the timeline page changes the assumptions,
// through `setAssumption` and `resetAssumptions`. The assumptions are kept in the store under
// "assumptions"; a new assessment starts from the defaults.
/** @import { Grade, PathwayResult, Problem } from "../types/api" */

/**
 * What `Pathway.run()` gives: the core's pathway, or only `problems` (and `error`, the core's
 * message, when it threw) without an assessment or when the core threw.
 * @typedef {Partial<PathwayResult> & { problems: Problem[], error?: string }} PathwayRun
 */

export class Pathway {
  /** `app` is the shell: the assessment (`a`, `scored`), `fw()`, `core`, `today()`, `store`, `saveExtra`. */
  constructor(app) {
    this.app = app;
    /** { <assumption id>: value } for each figure changed from its default. */
    this.assumptions = app.store.read("assumptions") ?? {};
  }

  /**
   * The projected grade per judgement from the latest score.
   * @returns {Record<string, Grade>}
   */
  projectedGrades() {
    const { app } = this;
    /** @type {Record<string, Grade>} */
    const out = {};
    for (const j of app.scored?.judgements ?? []) if (j.grade) out[j.id] = j.grade;
    // A derived overall judgement (ILACS overall effectiveness) is not among `judgements`.
    const derived = app.fw()?.judgements?.find((j) => j.derived);
    if (derived && app.scored?.overall?.grade) out[derived.id] = app.scored.overall.grade;
    return out;
  }

  /**
   * pathway(...) from the core for the current assessment and assumptions.
   * @returns {PathwayRun}
   */
  run() {
    const { app } = this;
    if (!app.a) return { problems: [] };
    try {
      return app.core.pathway({
        framework: app.a.framework,
        today: app.today(),
        history: app.a.history ?? null,
        projected: this.projectedGrades(),
        assumptions: this.assumptions,
      });
    } catch (err) {
      return { error: err.message, problems: [] };
    }
  }

  /** Changes one assumption (`undefined` goes back to its default) and keeps the set. */
  setAssumption(id, value) {
    if (value === undefined) delete this.assumptions[id];
    else this.assumptions[id] = value;
    this.app.saveExtra("assumptions", this.assumptions);
  }

  /** Every assumption back to its default, kept so. */
  resetAssumptions() {
    this.assumptions = {};
    this.app.saveExtra("assumptions", {});
  }

  /** Forgets the assumptions in memory (the store has been cleared). */
  forget() {
    this.assumptions = {};
  }
}
