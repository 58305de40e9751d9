// Stands in for wasm-bindgen's www/pkg/stocktake.d.ts (build output, absent before a build) when
// type-checking (tsconfig.json's rootDirs): the same functions, typed by types/api.d.ts.
import type { Core } from "../api";

/** Instantiates the wasm (wasm-bindgen's `init`). */
export default function init(options?: { module_or_path?: unknown }): Promise<unknown>;
export declare const version: Core["version"];
export declare const frameworks: Core["frameworks"];
export declare const framework: Core["framework"];
export declare const score: Core["score"];
export declare const overallEffectiveness: Core["overallEffectiveness"];
export declare const validateAssessment: Core["validateAssessment"];
export declare const parseAssessmentText: Core["parseAssessmentText"];
export declare const fileLimits: Core["fileLimits"];
export declare const auditEvidence: Core["auditEvidence"];
export declare const auditCriteria: Core["auditCriteria"];
export declare const simulate: Core["simulate"];
export declare const bankHolidays: Core["bankHolidays"];
export declare const addWorkingDays: Core["addWorkingDays"];
export declare const workingDaysBetween: Core["workingDaysBetween"];
export declare const pathway: Core["pathway"];
export declare const baseRates: Core["baseRates"];
export declare const scenarios: Core["scenarios"];
