import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { CounselError } from '../../shared/api/errors';
import { uuidv7 } from '../../shared/ids';
import { writeFileAtomic } from '../fs/atomic-write';
import { deriveKek, newKdfParams, unwrapKey, wrapKey, type KdfParams } from './wrap';

/**
 * The key-slot file: the only plaintext beside the database. It holds the data
 * key wrapped once per user (scrypt of the passphrase) and once under the
 * printed recovery key, plus login throttling and failed-login events that
 * happened while the archive was closed (audited at the next unlock).
 */
const kdfSchema = z.object({ name: z.literal('scrypt'), logN: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() });
const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().nullable(),
  lookup: z.string().nullable(),
  kdf: kdfSchema,
  iv: z.string(),
  ct: z.string(),
  tag: z.string(),
  createdAt: z.number(),
});
const fileSchema = z.object({
  format: z.literal('counselroom-keyslots'),
  version: z.literal(1),
  db: z.object({ file: z.string(), salt: z.string() }),
  lookupSalt: z.string(),
  slots: z.array(slotSchema),
  throttle: z.record(z.string(), z.object({ failures: z.number().int(), until: z.number() })),
  pendingAudit: z.array(z.object({ at: z.number(), action: z.string(), lookup: z.string().nullable() })),
});
type VaultFile = z.infer<typeof fileSchema>;
type Slot = z.infer<typeof slotSchema>;

export const RECOVERY_LOG_N = 15;
const MAX_PENDING = 500;

function slotAad(s: Pick<Slot, 'id' | 'kind' | 'userId' | 'lookup'>): string {
  return `counselroom-slot/v1|${s.id}|${s.kind}|${s.userId ?? ''}|${s.lookup ?? ''}`;
}

export class Vault {
  private constructor(
    readonly file: string,
    private data: VaultFile,
  ) {}

  static exists(file: string): boolean {
    return existsSync(file);
  }

  static load(file: string): Vault {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CounselError('CONFLICT', 'errors.vault.unreadable');
    }
    return Vault.parse(file, text);
  }

  /** A key-slot file's text from elsewhere (a backup carries the one it was made with); `file` is where save() would write. */
  static parse(file: string, text: string): Vault {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CounselError('CONFLICT', 'errors.vault.unreadable');
    }
    const r = fileSchema.safeParse(parsed);
    if (!r.success) throw new CounselError('CONFLICT', 'errors.vault.unreadable');
    return new Vault(file, r.data);
  }

  static create(file: string, dbFile: string, dbSalt: string): Vault {
    if (existsSync(file)) throw new CounselError('CONFLICT', 'errors.setup.alreadyDone');
    return new Vault(file, {
      format: 'counselroom-keyslots',
      version: 1,
      db: { file: dbFile, salt: dbSalt },
      lookupSalt: randomBytes(16).toString('base64'),
      slots: [],
      throttle: {},
      pendingAudit: [],
    });
  }

  get dbSalt(): string {
    return this.data.db.salt;
  }

  /** Usernames are not stored here in the clear, only a salted hash to find the slot. */
  lookupOf(username: string): string {
    return createHash('sha256').update(this.data.lookupSalt).update('\0').update(username.trim().toLowerCase()).digest('hex');
  }

  save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 1));
  }

  async setUserSlot(userId: string, username: string, passphrase: string, dataKey: Buffer, logN: number, now: number): Promise<void> {
    const slot = await this.makeSlot('user', userId, this.lookupOf(username), passphrase, dataKey, logN, now);
    this.data.slots = this.data.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)).concat(slot);
  }

  async setRecoverySlot(recoveryKey: Buffer, dataKey: Buffer, now: number): Promise<void> {
    const slot = await this.makeSlot('recovery', null, null, recoveryKey, dataKey, RECOVERY_LOG_N, now);
    this.data.slots = this.data.slots.filter((s) => s.kind !== 'recovery').concat(slot);
  }

  private async makeSlot(
    kind: Slot['kind'],
    userId: string | null,
    lookup: string | null,
    secret: string | Buffer,
    dataKey: Buffer,
    logN: number,
    now: number,
  ): Promise<Slot> {
    const kdf: KdfParams = newKdfParams(logN);
    const head = { id: uuidv7(now), kind, userId, lookup };
    const kek = await deriveKek(secret, kdf);
    return { ...head, kdf, ...wrapKey(kek, dataKey, slotAad(head)), createdAt: now };
  }

  /** The data key and whose slot opened it, or null; a missing user costs the same scrypt as a wrong passphrase. */
  async unlockUser(username: string, passphrase: string): Promise<{ userId: string; dataKey: Buffer } | null> {
    const lookup = this.lookupOf(username);
    const slot = this.data.slots.find((s) => s.kind === 'user' && s.lookup === lookup);
    if (!slot) {
      await deriveKek(passphrase, { ...newKdfParams(this.typicalLogN()) });
      return null;
    }
    const dataKey = unwrapKey(await deriveKek(passphrase, slot.kdf), slot, slotAad(slot));
    return dataKey && slot.userId ? { userId: slot.userId, dataKey } : null;
  }

  async unlockRecovery(recoveryKey: Buffer): Promise<Buffer | null> {
    const slot = this.data.slots.find((s) => s.kind === 'recovery');
    if (!slot) return null;
    return unwrapKey(await deriveKek(recoveryKey, slot.kdf), slot, slotAad(slot));
  }

  private typicalLogN(): number {
    return this.data.slots.find((s) => s.kind === 'user')?.kdf.logN ?? 12;
  }

  retryAfter(username: string, now: number): number {
    const t = this.data.throttle[this.lookupOf(username)];
    return t && t.until > now ? t.until - now : 0;
  }

  /** Exponential backoff: free tries 1–2, then 1 s, 2 s, 4 s … capped at 15 minutes. */
  recordFailure(username: string | null, now: number, action: string, pendingAudit: boolean): void {
    const lookup = username === null ? null : this.lookupOf(username);
    if (lookup !== null) {
      const failures = (this.data.throttle[lookup]?.failures ?? 0) + 1;
      const wait = failures < 3 ? 0 : Math.min(1000 * 2 ** (failures - 3), 15 * 60 * 1000);
      this.data.throttle[lookup] = { failures, until: now + wait };
    }
    if (pendingAudit) this.data.pendingAudit = this.data.pendingAudit.concat({ at: now, action, lookup }).slice(-MAX_PENDING);
    this.save();
  }

  clearFailures(username: string): void {
    const lookup = this.lookupOf(username);
    if (this.data.throttle[lookup]) {
      delete this.data.throttle[lookup];
      this.save();
    }
  }

  /** Failed attempts recorded while the archive was closed; the caller audits then calls clearPending. */
  pending(): { at: number; action: string; lookup: string | null }[] {
    return [...this.data.pendingAudit];
  }

  clearPending(): void {
    if (this.data.pendingAudit.length > 0) {
      this.data.pendingAudit = [];
      this.save();
    }
  }
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
