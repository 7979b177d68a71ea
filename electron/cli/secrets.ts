import { createInterface } from 'node:readline';

/**
 * Secrets come from an environment variable or standard input, never from
 * argv (visible to every user in the process list).
 */
export class StdinReader {
  private lines: AsyncIterator<string> | null = null;
  private rest: string[] = [];

  private iterator(): AsyncIterator<string> {
    this.lines ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
    return this.lines;
  }

  async line(): Promise<string> {
    const next = await this.iterator().next();
    if (next.done) throw new Error('standard input ended');
    return next.value;
  }

  /** Everything that is left on standard input. */
  async all(): Promise<string> {
    const it = this.iterator();
    for (let n = await it.next(); !n.done; n = await it.next()) this.rest.push(n.value);
    return this.rest.join('\n');
  }
}

export async function secret(stdin: StdinReader, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(`${envName === 'COUNSELROOM_RECOVERY_KEY' ? 'Recovery key' : 'Passphrase'}: `);
  return (await stdin.line()).replace(/\r$/, '');
}
