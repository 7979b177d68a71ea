/**
 * One thing wrong with input a domain module validated (a calendar, a scale definition…);
 * `path` is relative to the argument that was validated. Services turn these into VALIDATION
 * details (electron/services/common/validation.ts).
 */
export interface Problem {
  path: (string | number)[];
  messageKey: string;
  params?: Record<string, unknown>;
}
