import { z } from 'zod';
import { defineMethod } from './define';
import { empty } from './fields';

/**
 * The first steps of a new archive, in the order the home lists them. A step added here needs its
 * count in the getting-started service and its page and text on the home (the compiler asks for both).
 */
export const GETTING_STARTED_STEPS = ['calendar', 'rooms', 'roster', 'principal', 'backup'] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

export const gettingStartedView = z.object({
  /** The counselor chose to hide the list; 设置 shows it again. */
  dismissed: z.boolean(),
  /** Each step with what the archive holds for it now (terms, rooms with weekly openings, students, principals, backup files in the backup folder); done when above zero. */
  steps: z.array(z.object({ id: z.enum(GETTING_STARTED_STEPS), count: z.number().int(), done: z.boolean() })),
});
export type GettingStartedView = z.output<typeof gettingStartedView>;

export const gettingStartedApi = {
  'app.gettingStarted': defineMethod({
    summary: 'The getting-started list of a new archive, each step ticked from what the archive holds now.',
    input: empty,
    output: gettingStartedView,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'app.dismissGettingStarted': defineMethod({
    summary: 'Hide the getting-started list from the home (dismissed: true), or show it again (false).',
    input: z.object({ dismissed: z.boolean() }).strict(),
    output: gettingStartedView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
