// Workshop scenarios: ready-made assessments for training sessions. Each entry is
// { id, title, description, assessment } where `assessment` is in the saved-file format.
// The start page hides the "Try a workshop scenario" option while this list is empty.
export const scenarioList = [];
