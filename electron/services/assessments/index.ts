import { alertHandlers } from './alerts';
import { answerImportHandlers } from './answer-import';
import { assessmentHandlers } from './assessments';
import { campaignHandlers } from './campaigns';
import { scaleHandlers } from './scales';

/** Assessments: scales, forms, alerts, the answer import and screening campaigns. */
export const assessmentsArea = {
  ...scaleHandlers,
  ...assessmentHandlers,
  ...answerImportHandlers,
  ...alertHandlers,
  ...campaignHandlers,
};
