// Who answered what in a workshop comparison: each compared participant's level for each statement.
// The core's comparison (compareParticipants) gives the group's counts and each participant's
// projected grades, not their answers, so these are read from the participants' own files with the
// core's parser (parseAssessmentText): the file the comparison took for each participant is the
// first one with the participant's file name and name that opens with no problem, for the
// comparison's scenario and framework (the core skips a later file with the same name). Nothing here
// scores or counts: agreement and spread stay the core's.

/**
 * @param {{ parseAssessmentText(text: string): any }} core
 * @param {{ name: string, text: string }[]} files the files as given to compareParticipants
 * @param {{ scenario?: string | null, framework?: string | null, participants: { name: string, participant?: string | null }[] }} result
 * @returns {{ label: string, levels: Record<string, string> | null }[]} one per compared participant,
 *   in the comparison's order; `levels` by statement id (absent: not answered), null if the file was not found
 */
export function participantAnswers(core, files, result) {
  const used = new Set();
  return result.participants.map((x) => {
    const label = x.participant?.trim() || x.name.trim();
    for (const [i, f] of files.entries()) {
      if (used.has(i) || f.name !== x.name) continue;
      let opened;
      try {
        opened = core.parseAssessmentText(f.text);
      } catch {
        continue;
      }
      const a = opened?.assessment;
      if (!a || opened.fatal || opened.problems?.length) continue;
      if ((a.participant ?? null) !== (x.participant ?? null)) continue;
      if ((a.scenario ?? null) !== (result.scenario ?? null) || a.framework !== result.framework) continue;
      used.add(i);
      const levels = {};
      for (const [id, answer] of Object.entries(a.answers ?? {})) if (answer?.level) levels[id] = answer.level;
      return { label, levels };
    }
    return { label, levels: null };
  });
}
