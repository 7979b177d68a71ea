import { evidenceHandlers } from './evidence';
import { runHandlers } from './runs';
import { taskHandlers } from './tasks';

/** Compliance: rule packs, checklist runs with their evidence and sign-off, and the fix list. */
export const complianceArea = { ...runHandlers, ...evidenceHandlers, ...taskHandlers };
