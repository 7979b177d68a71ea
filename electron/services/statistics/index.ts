import { statisticsHandlers } from './statistics';

/** Statistics: period figures from every area, suppressed where they leave the counselor's screen. */
export const statisticsArea = { ...statisticsHandlers };
