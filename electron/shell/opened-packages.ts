import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMain } from 'electron';
import { PACKAGE_EXTENSION } from '../../shared/domain/district-package';
import { isTrustedSender } from '../ipc';
import { OPENED_PACKAGE_ACTIONS, OPENED_PACKAGES_CHANNEL, type OpenedPackageAction } from './package-channel';

/** How a path reached the app: logged with every refusal, so a report says which door it came by. */
export type PackageSource = 'command line' | 'second instance' | 'open-file';

export interface OpenedPackage {
  name: string;
  base64: string;
}

/**
 * Why a path is not taken, or null for an existing .crpkg file. Only the reason is logged, never
 * the path: a file's name or folder can name a student or a colleague.
 */
export function packageRefusal(file: string): string | null {
  if (path.extname(file).toLowerCase() !== PACKAGE_EXTENSION) return `not a ${PACKAGE_EXTENSION} file`;
  try {
    return statSync(file).isFile() ? null : 'not a regular file';
  } catch {
    return 'no such file';
  }
}

/**
 * The path a command-line argument names. Linux desktop entries pass files as %U, so a file manager
 * may hand over a file:// URL (percent-encoded, as Chinese names are) instead of a path; any other
 * URL names no local file (null).
 */
function argumentPath(arg: string, cwd: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return path.resolve(cwd, arg);
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * District packages handed over by the system, held until the page asks for them: at first launch
 * the page does not exist yet, and nobody may be logged in. Nothing is read until `take`, which the
 * page calls only for a district officer; everyone else gets `dismiss`, which reads nothing.
 */
export class OpenedPackages {
  private readonly queue: string[] = [];

  constructor(private readonly log: (message: string) => void = (message) => console.warn(message)) {}

  /** Queues `file` if it is an existing package; anything else is ignored with the reason logged. */
  offer(file: string, source: PackageSource): boolean {
    const refusal = packageRefusal(file);
    if (refusal) {
      this.log(`[main] an opened file was ignored (${source}): ${refusal}`);
      return false;
    }
    const absolute = path.resolve(file);
    if (!this.queue.includes(absolute)) this.queue.push(absolute);
    return true;
  }

  /**
   * The file arguments of a command line: after the executable (and, run unpackaged, the app's
   * path), switches left out (Chromium adds its own to a second instance's line), relative paths
   * taken from the folder the command ran in. Whether any was queued.
   */
  offerArguments(argv: readonly string[], skip: number, cwd: string, source: PackageSource): boolean {
    let queued = false;
    for (const arg of argv.slice(skip)) {
      if (arg.startsWith('-')) continue;
      const file = argumentPath(arg, cwd);
      if (file === null) this.log(`[main] an opened file was ignored (${source}): not a local file`);
      else if (this.offer(file, source)) queued = true;
    }
    return queued;
  }

  pending(): string[] {
    return this.queue.map((file) => path.basename(file));
  }

  take(): OpenedPackage[] {
    const taken: OpenedPackage[] = [];
    for (const file of this.queue.splice(0)) {
      try {
        taken.push({ name: path.basename(file), base64: readFileSync(file).toString('base64') });
      } catch {
        // Moved or unplugged (a USB stick) since it was opened.
        this.log('[main] an opened package could not be read: it is gone or unreadable');
      }
    }
    return taken;
  }

  dismiss(): string[] {
    return this.queue.splice(0).map((file) => path.basename(file));
  }
}

/** The page's door onto the queue: only our own page may ask, with one of the known actions. */
export function registerOpenedPackages(ipcMain: Pick<IpcMain, 'handle'>, packages: OpenedPackages, log: (message: string) => void = (m) => console.warn(m)): void {
  ipcMain.handle(OPENED_PACKAGES_CHANNEL, (event, action: unknown) => {
    if (!isTrustedSender(event)) {
      log('[main] a request for opened packages was refused: the sender is not the app page');
      return [];
    }
    if (!OPENED_PACKAGE_ACTIONS.includes(action as OpenedPackageAction)) return [];
    switch (action as OpenedPackageAction) {
      case 'pending':
        return packages.pending();
      case 'take':
        return packages.take();
      case 'dismiss':
        return packages.dismiss();
    }
  });
}
