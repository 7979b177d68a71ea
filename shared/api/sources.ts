import { z } from 'zod';

/**
 * Where a client came from (来源): one list for cases, appointments and the waitlist, so a case
 * opened from an appointment keeps the appointment's source and the screens never disagree.
 * 主动来访, 学生自约, 心理信箱来信, 班主任/教师转介, 家长转介, 筛查跟进, 危机跟进, 其他.
 * Migration 019 moved the cases' older list onto this one (docs/ARCHITECTURE.md, "One 来源 list").
 */
export const CLIENT_SOURCES = ['walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'guardianReferral', 'screening', 'crisis', 'other'] as const;
export type ClientSource = (typeof CLIENT_SOURCES)[number];

export const clientSource = z.enum(CLIENT_SOURCES);
