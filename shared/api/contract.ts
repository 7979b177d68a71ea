import type { z } from 'zod';
import type { ApiResult } from './errors';
import { appointmentsApi } from './appointments';
import { archiveApi } from './archive';
import { assessmentsApi } from './assessments';
import { auditApi } from './audit';
import { backupApi } from './backup';
import { campaignsApi } from './campaigns';
import { casesApi } from './cases';
import { complianceApi } from './compliance';
import { consentsApi, contactsApi } from './contacts';
import { crisisApi } from './crisis';
import { districtApi } from './district';
import { gettingStartedApi } from './getting-started';
import { groupsApi } from './groups';
import { openingsApi } from './openings';
import { recordsApi } from './records';
import { roomsApi } from './rooms';
import { scheduleApi } from './schedule';
import { calendarApi } from './school-calendar';
import { searchApi } from './search';
import { sessionApi } from './session';
import { settingsApi } from './settings';
import { statisticsApi } from './statistics';
import { studentsApi } from './students';
import { trainingApi } from './training';
import { trashApi } from './trash';
import { usersApi } from './users';

/** Every method of CounselRoom, declared once. Each door is derived from this object. */
export const contract = {
  ...sessionApi,
  ...usersApi,
  ...settingsApi,
  ...gettingStartedApi,
  ...auditApi,
  ...studentsApi,
  ...casesApi,
  ...recordsApi,
  ...contactsApi,
  ...consentsApi,
  ...archiveApi,
  ...searchApi,
  ...trashApi,
  ...roomsApi,
  ...calendarApi,
  ...openingsApi,
  ...appointmentsApi,
  ...scheduleApi,
  ...groupsApi,
  ...trainingApi,
  ...assessmentsApi,
  ...campaignsApi,
  ...statisticsApi,
  ...backupApi,
  ...crisisApi,
  ...districtApi,
  ...complianceApi,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type InputOf<N extends MethodName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends MethodName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends MethodName> = z.output<Contract[N]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

type AreaOf<N extends string> = N extends `${infer A}.${string}` ? A : never;
export type Area = AreaOf<MethodName>;

/** The client shape every door presents: counsel.students.create(input) → Promise<output>. */
export type CounselClient = {
  [A in Area]: {
    [N in MethodName as N extends `${A}.${infer V}` ? V : never]: (input: InputOf<N>) => Promise<OutputOf<N>>;
  };
};

/** The same shape, but each call resolves to an ApiResult (what crosses IPC and HTTP). */
export type CounselTransport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;
