import type { MethodName } from '../shared/api/contract';

/** The IPC channel of one contract method: the preload invokes it, ipc.ts handles it. */
export function channelOf(method: MethodName): string {
  return `counsel:${method}`;
}
