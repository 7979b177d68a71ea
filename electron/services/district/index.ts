import { officeHandlers } from './office';
import { schoolExportHandlers } from './school-export';

/** District exchange: a school's signed, encrypted package; district mode's registry, import and dashboard. */
export const districtArea = { ...schoolExportHandlers, ...officeHandlers };
