import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliRun } from '../helpers/cli';

const PASS = 'correct horse battery';
let data: string;

const as = (user: string) => ['--data', data, '--user', user];

let recoveryKey = '';
beforeAll(() => {
  data = mkdtempSync(join(tmpdir(), 'counselroom-cli-'));
  const r = runCli(['init', '--data', data, '--school', '示例市第一中学', '--user', 'wang', '--stages', 'junior,senior', '--json'], { env: { COUNSELROOM_PASSPHRASE: PASS } });
  expect(r.code, r.err).toBe(0);
  recoveryKey = (r.json() as { recoveryKey: string }).recoveryKey;
});
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('counselroom CLI', () => {
  it('lists every method with JSON Schemas', () => {
    const r = runCli(['methods', '--json']);
    expect(r.code).toBe(0);
    const methods = r.json() as { name: string; roles: string[]; input: { type?: string; properties?: object } }[];
    const names = methods.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['students.create', 'students.list', 'users.create', 'audit.verify', 'audit.list']));
    const create = methods.find((m) => m.name === 'students.create')!;
    expect(create.roles).toEqual(['counselor']);
    expect(create.input).toMatchObject({ type: 'object', properties: { name: { type: 'string', maxLength: 50 } } });
  });

  it('writes a student read from stdin after the passphrase line, and keeps the name off the disk in plaintext', () => {
    const input = JSON.stringify({ studentNo: '20240101', name: '张三明', sex: 'M', grade: 7, className: '1班' });
    const r = runCli(['call', 'students.create', ...as('wang'), '--input', '-'], { stdin: `${PASS}\n${input}\n` });
    expect(r.code, r.err).toBe(0);
    const list = runCli(['call', 'students.list', ...as('wang'), '--input', '{"query":"张三"}'], { env: { COUNSELROOM_PASSPHRASE: PASS } });
    expect((list.json() as { items: { name: string }[] }).items.map((s) => s.name)).toEqual(['张三明']);
    for (const f of readdirSync(data)) {
      const bytes = readFileSync(join(data, f));
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from('张三明'))).toBe(false);
    }
  });

  it('exits 3 with FORBIDDEN when a principal calls a counselor-only method', () => {
    const create = runCli(['call', 'users.create', ...as('wang'), '--input', JSON.stringify({ username: 'xiaozhang', displayName: '李校长', role: 'principal', passphrase: 'principal-pass-1' })], {
      env: { COUNSELROOM_PASSPHRASE: PASS },
    });
    expect(create.code, create.err).toBe(0);
    const r = runCli(['call', 'students.list', ...as('xiaozhang')], { env: { COUNSELROOM_PASSPHRASE: 'principal-pass-1' } });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.err)).toEqual({ error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
  });

  it('exits 2 on bad input, 3 on a wrong passphrase, 4 on a conflict', () => {
    const env = { COUNSELROOM_PASSPHRASE: PASS };
    expect(runCli(['call', 'students.create', ...as('wang'), '--input', '{"name":""}'], { env }).code).toBe(2);
    expect(runCli(['call', 'students.list', ...as('wang')], { env: { COUNSELROOM_PASSPHRASE: 'wrong-passphrase' } }).code).toBe(3);
    const dup = JSON.stringify({ studentNo: '20240101', name: '李四', sex: 'F', grade: 7, className: '1班' });
    const r = runCli(['call', 'students.create', ...as('wang'), '--input', dup], { env });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.err)).toMatchObject({ error: { code: 'CONFLICT', messageKey: 'errors.student.duplicateNo' } });
  });

  it('imports a roster: the dry run lists the bad row, the commit refuses it, a good file goes in', () => {
    const env = { COUNSELROOM_PASSPHRASE: PASS };
    const dry = runCli(['roster', 'import', 'tests/fixtures/roster/roster-one-bad-row.xlsx', ...as('wang'), '--dry-run'], { env });
    expect(dry.code, dry.err).toBe(0);
    expect((dry.json() as { issues: { row: number }[] }).issues.map((i) => i.row)).toEqual([7, 7]);
    expect(runCli(['roster', 'import', 'tests/fixtures/roster/roster-one-bad-row.xlsx', ...as('wang')], { env }).code).toBe(2);
    const ok = runCli(['roster', 'import', 'tests/fixtures/roster/roster-ok.xlsx', ...as('wang')], { env });
    expect(ok.json()).toEqual({ created: 10, updated: 0 });
  });

  it('exports the raw key for the recovery key only, and the chain verifies', () => {
    expect(runCli(['key', 'export-raw', '--data', data], { env: { COUNSELROOM_RECOVERY_KEY: 'AAAA-BBBB-CCCC' } }).code).toBe(3);
    const r = runCli(['key', 'export-raw', '--data', data], { stdin: `${recoveryKey}\n` });
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ rawKeyHex: expect.stringMatching(/^[0-9a-f]{64}$/), cipher: 'sqlcipher', legacy: 4 });
    const verify = runCli(['call', 'audit.verify', ...as('wang')], { env: { COUNSELROOM_PASSPHRASE: PASS } });
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('never takes a passphrase from the arguments', () => {
    const r = runCli(['call', 'students.list', ...as('wang'), '--passphrase', PASS]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('USAGE');
  });
});

describe('the schedule from the command line', () => {
  it('books a room and exits 4 on a double booking, naming the appointment it clashes with', () => {
    const env = { COUNSELROOM_PASSPHRASE: PASS };
    const call = (method: string, input: object) => runCli(['call', method, ...as('wang'), '--input', JSON.stringify(input)], { env });
    const ok = <T>(r: CliRun) => {
      expect(r.code, r.err).toBe(0);
      return r.json() as T;
    };
    ok(call('calendar.saveTerm', { name: '2024—2025 学年第二学期', startDate: '2025-02-17', endDate: '2025-07-04' }));
    const room = ok<{ id: string }>(call('rooms.create', { name: '个别辅导室', zoneType: 'individual', areaM2: 12.5, capacity: 3 }));
    ok(call('openings.saveSlot', { roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=WE', validFrom: '2025-02-17', start: '14:00', end: '17:00' }));
    const student = ok<{ id: string }>(call('students.create', { studentNo: '20250901', name: '王小川', sex: 'M', grade: 8, className: '2班' }));
    const booking = { studentId: student.id, roomId: room.id, date: '2025-03-12', start: '14:00', end: '14:50', kind: 'individual', source: 'selfReferral' };
    const first = ok<{ items: { id: string }[] }>(call('appointments.create', booking)).items[0]!;

    const r = call('appointments.create', { ...booking, start: '14:30', end: '15:20' });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.err)).toMatchObject({
      error: {
        code: 'CONFLICT',
        messageKey: 'errors.appointment.conflict',
        details: [{ path: 'start', appointmentId: first.id, reasons: ['room', 'counselor', 'student'] }],
      },
    });
  });
});

describe('a killed import', () => {
  it('leaves either nothing or everything, never part of the file', async () => {
    const { rosterCsv, syntheticRoster } = await import('../../bench/dataset');
    const { writeFileSync } = await import('node:fs');
    const env = { COUNSELROOM_PASSPHRASE: PASS };
    const total = () => (runCli(['call', 'students.summary', ...as('wang')], { env }).json() as { total: number }).total;
    const file = join(data, '..', `roster-kill-${process.pid}.csv`);
    const rows = 20_000;
    writeFileSync(file, rosterCsv(syntheticRoster(rows, 7, [7, 8, 9]).map((s, i) => ({ ...s, studentNo: `K${i}` }))));
    // How long the whole run takes here and now, on a copy of the archive: the kills then land at
    // fractions of it, inside the run however fast or busy the machine is.
    const copy = join(data, '..', `roster-kill-${process.pid}-reference`);
    cpSync(data, copy, { recursive: true });
    const started = Date.now();
    expect(runCli(['roster', 'import', file, '--data', copy, '--user', 'wang'], { env }).code).toBe(0);
    const runMs = Date.now() - started;
    rmSync(copy, { recursive: true, force: true });
    let killedWhileRunning = 0;
    try {
      // Kill at several moments of the run; whichever phase it was in, no partial import may remain.
      for (const fraction of [0.6, 0.8, 0.4]) {
        const before = total();
        const child = spawnCli(['roster', 'import', file, ...as('wang')], { env });
        const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
        await new Promise((r) => setTimeout(r, runMs * fraction));
        child.kill('SIGKILL');
        if ((await exited) === 'SIGKILL') killedWhileRunning++;
        const after = total();
        expect(after === before || after === before + rows, `${before} → ${after}`).toBe(true);
      }
    } finally {
      rmSync(file);
    }
    expect(killedWhileRunning).toBeGreaterThan(0);
    expect(runCli(['call', 'audit.verify', ...as('wang')], { env }).json()).toMatchObject({ ok: true });
  });
});
