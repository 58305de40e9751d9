// Stands in for wasm-bindgen's www/pkg/stocktake_workshop.d.ts (build output, absent before a build) when
// type-checking (tsconfig.json's rootDirs): the same functions, typed by types/api.d.ts.
import type { WorkshopCore } from "../api";

/** Instantiates the wasm (wasm-bindgen's `init`). */
export default function init(options?: { module_or_path?: unknown }): Promise<unknown>;
export declare const version: WorkshopCore["version"];
export declare const frameworks: WorkshopCore["frameworks"];
export declare const framework: WorkshopCore["framework"];
export declare const score: WorkshopCore["score"];
export declare const overallEffectiveness: WorkshopCore["overallEffectiveness"];
export declare const validateAssessment: WorkshopCore["validateAssessment"];
export declare const parseAssessmentText: WorkshopCore["parseAssessmentText"];
export declare const fileLimits: WorkshopCore["fileLimits"];
export declare const auditEvidence: WorkshopCore["auditEvidence"];
export declare const auditCriteria: WorkshopCore["auditCriteria"];
export declare const simulate: WorkshopCore["simulate"];
export declare const bankHolidays: WorkshopCore["bankHolidays"];
export declare const addWorkingDays: WorkshopCore["addWorkingDays"];
export declare const workingDaysBetween: WorkshopCore["workingDaysBetween"];
export declare const pathway: WorkshopCore["pathway"];
export declare const baseRates: WorkshopCore["baseRates"];
export declare const scenarios: WorkshopCore["scenarios"];
export declare const scenario: WorkshopCore["scenario"];
export declare const compareParticipants: WorkshopCore["compareParticipants"];
