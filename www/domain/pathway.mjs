// The inspection pathway of the assessment being edited, and the adjustable assumptions it rests
// on (the timeline page's "Change the assumptions" form). One per App (`app.pathway`): the about,
// area and timeline pages all read the pathway, and only the timeline page changes the assumptions,
// through `setAssumption` and `resetAssumptions`. The assumptions are kept in the store under
// "assumptions"; a new assessment starts from the defaults.
/** @import { PathwayResult, Problem } from "../types/api" */

/**
 * What `Pathway.run()` gives: the core's pathway, or only `problems` (and `error`, the core's
 * message, when it threw) without an assessment or when the core threw.
 * @typedef {Partial<PathwayResult> & { problems: Problem[], error?: string }} PathwayRun
 */

export class Pathway {
  /** `app` is the shell: the assessment (`a`), its latest review (`reviewed`), `store`, `saveExtra`, `rescore`. */
  constructor(app) {
    this.app = app;
    /** { <assumption id>: value } for each figure changed from its default. */
    this.assumptions = app.store.read("assumptions") ?? {};
  }

  /**
   * The pathway of the current assessment under the current assumptions: the one the core's
   * `review` gave with the latest score (shell/app.mjs, rescore), so reading it costs nothing.
   * @returns {PathwayRun}
   */
  run() {
    const { app } = this;
    if (!app.a) return { problems: [] };
    if (!app.reviewed) return { error: app.scoreError ?? "the answers have not been scored", problems: [] };
    return app.reviewed.pathway;
  }

  /** Changes one assumption (`undefined` goes back to its default) and keeps the set. */
  setAssumption(id, value) {
    if (value === undefined) delete this.assumptions[id];
    else this.assumptions[id] = value;
    this.app.saveExtra("assumptions", this.assumptions);
    this.app.rescore();
  }

  /** Every assumption back to its default, kept so. */
  resetAssumptions() {
    this.assumptions = {};
    this.app.saveExtra("assumptions", {});
    this.app.rescore();
  }

  /** Forgets the assumptions in memory (the store has been cleared). */
  forget() {
    this.assumptions = {};
  }
}
