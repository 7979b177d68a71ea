import { archiveHandlers } from './archive';
import { caseHandlers } from './cases';
import { contactHandlers } from './contacts';
import { recordHandlers } from './records';
import { searchHandlers } from './search';
import { trashHandlers } from './trash';

/** Counseling: cases, session records, contacts and consents, the student archive, search and the trash. */
export const counselingArea = {
  ...caseHandlers,
  ...recordHandlers,
  ...contactHandlers,
  ...archiveHandlers,
  ...searchHandlers,
  ...trashHandlers,
};
