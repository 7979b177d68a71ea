import { z } from 'zod';
import { defineMethod } from './define';
import { empty, id, LIMITS, passphrase, requiredText } from './fields';
import { newAccount, userView } from './session';

export const usersApi = {
  'users.list': defineMethod({
    summary: 'Staff accounts.',
    input: empty,
    output: z.object({ items: z.array(userView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'users.create': defineMethod({
    summary: 'Add a staff account with an initial passphrase the user must change.',
    input: newAccount.extend({ role: z.enum(['counselor', 'principal']) }).strict(),
    output: userView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'users.update': defineMethod({
    summary: 'Rename, change role, disable or enable an account.',
    input: z
      .object({
        id,
        displayName: requiredText(LIMITS.name).optional(),
        role: z.enum(['counselor', 'principal']).optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    output: userView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'users.resetPassphrase': defineMethod({
    summary: 'Give a colleague a new initial passphrase (forgotten passphrase); they must replace it at their next login.',
    input: z.object({ id, passphrase }).strict(),
    output: userView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
