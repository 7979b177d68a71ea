import { afterEach, expect, test } from 'vitest';
import { finished } from '../helpers/backup';
import { STUDENT } from '../helpers/counseling';
import { rejection, setupSchool, startTestCore, type TestCore } from '../helpers/inproc';
import { openRoom, SPRING, newRoom } from '../helpers/schedule';

let t: TestCore;
afterEach(() => t?.cleanup());

const ticks = async () => Object.fromEntries((await t.client.app.gettingStarted({})).steps.map((s) => [s.id, [s.done, s.count]]));

test('each step ticks from what the archive holds, in the order the home lists them', async () => {
  t = await startTestCore();
  await setupSchool(t.client);
  const fresh = await t.client.app.gettingStarted({});
  expect(fresh).toEqual({
    dismissed: false,
    steps: ['calendar', 'rooms', 'roster', 'principal', 'backup'].map((id) => ({ id, done: false, count: 0 })),
  });

  // A room without weekly openings is not yet the step done.
  await newRoom(t.client, { name: '团体辅导室', zoneType: 'group' });
  expect(await ticks()).toMatchObject({ rooms: [false, 0] });
  await openRoom(t.client);
  await t.client.students.create(STUDENT);
  expect(await ticks()).toEqual({ calendar: [true, 1], rooms: [true, 1], roster: [true, 1], principal: [false, 0], backup: [false, 0] });

  // A disabled principal account is no principal account.
  const principal = await t.client.users.create({ username: 'xiaozhang', displayName: '李校长', role: 'principal', passphrase: 'principal-pass-1' });
  expect(await ticks()).toMatchObject({ principal: [true, 1] });
  await t.client.users.update({ id: principal.id, disabled: true });
  expect(await ticks()).toMatchObject({ principal: [false, 0] });

  // The backup step counts the backup files in the backup folder, so a started job that has not finished is no backup yet.
  const job = await finished(t.client, await t.client.backup.start({}));
  expect(job.state).toBe('done');
  expect(await ticks()).toMatchObject({ backup: [true, 1] });

  await t.client.calendar.removeTerm({ id: (await t.client.calendar.get({})).terms.find((x) => x.name === SPRING.name)!.id });
  expect(await ticks()).toMatchObject({ calendar: [false, 0] });
});

test('hidden and shown again, audited; a principal is refused the list', async () => {
  t = await startTestCore();
  await setupSchool(t.client);
  expect((await t.client.app.dismissGettingStarted({ dismissed: true })).dismissed).toBe(true);
  expect((await t.client.app.gettingStarted({})).dismissed).toBe(true);
  expect((await t.client.app.dismissGettingStarted({ dismissed: false })).dismissed).toBe(false);
  const rows = await t.client.audit.list({ action: 'app.dismissGettingStarted' });
  expect(rows.items.map((r) => r.details)).toEqual([expect.objectContaining({ dismissed: false }), expect.objectContaining({ dismissed: true })]);

  await t.client.users.create({ username: 'xiaozhang', displayName: '李校长', role: 'principal', passphrase: 'principal-pass-1' });
  const other = t.connect();
  await other.client.auth.login({ username: 'xiaozhang', passphrase: 'principal-pass-1' });
  await other.client.auth.changePassphrase({ current: 'principal-pass-1', next: 'principal-own-pass' });
  expect((await rejection(other.client.app.gettingStarted({}))).code).toBe('FORBIDDEN');
  expect((await rejection(other.client.app.dismissGettingStarted({ dismissed: true }))).code).toBe('FORBIDDEN');
});
