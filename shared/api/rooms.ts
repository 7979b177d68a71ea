import { z } from 'zod';
import { defineMethod } from './define';
import { id, LIMITS, requiredText, text } from './fields';

/** The guide's zones (ZONE-01/02): 个别辅导室, 团体活动室, 办公接待区, 心理测量区, 放松室, 自主自助区, 沙盘室, 其他. */
export const ZONE_TYPES = ['individual', 'group', 'office', 'assessment', 'relaxation', 'selfHelp', 'sandplay', 'other'] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

/** Square metres with at most two decimals: the compliance checklist compares them with 10–15 and 20. */
export const areaM2 = z
  .number()
  .min(0.01)
  .max(10_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'errors.field.twoDecimals' });

const roomShape = {
  name: requiredText(LIMITS.name),
  zoneType: z.enum(ZONE_TYPES),
  areaM2,
  capacity: z.number().int().min(1).max(500),
  notes: text(LIMITS.note, { multiline: true }),
  active: z.boolean(),
};

export const roomView = z.object({
  id,
  name: z.string(),
  zoneType: z.enum(ZONE_TYPES),
  areaM2: z.number(),
  capacity: z.number().int(),
  notes: z.string(),
  active: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type RoomView = z.output<typeof roomView>;

export const roomsApi = {
  'rooms.list': defineMethod({
    summary: 'The rooms of the counseling centre, by name; inactive ones only when asked.',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(roomView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'rooms.create': defineMethod({
    summary: 'Add a room with its zone type, area (m², two decimals) and capacity. Names are unique (CONFLICT errors.room.duplicate).',
    input: z
      .object({ ...roomShape, notes: roomShape.notes.default(''), active: roomShape.active.default(true) })
      .strict(),
    output: roomView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'rooms.update': defineMethod({
    summary: 'Change a room; deactivating keeps its history, and new bookings in it are refused.',
    input: z.object(roomShape).partial().extend({ id }).strict(),
    output: roomView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
