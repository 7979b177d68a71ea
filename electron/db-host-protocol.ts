import type { ApiResult } from '../shared/api/errors';

/** Messages from main to the database host (a utilityProcess); plain data, structured-cloned. */
export type DbHostRequest =
  | { type: 'call'; id: number; connectionId: string; method: string; input: unknown }
  | { type: 'disconnect'; connectionId: string }
  /** Closes every connection and the database, then the host exits. */
  | { type: 'shutdown' };

export interface DbHostReply {
  id: number;
  result: ApiResult<unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The host trusts nothing about its port: anything not exactly one of our requests is dropped. */
export function parseDbHostRequest(message: unknown): DbHostRequest | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'call':
      return Number.isSafeInteger(message.id) &&
        typeof message.connectionId === 'string' &&
        typeof message.method === 'string'
        ? {
            type: 'call',
            id: message.id as number,
            connectionId: message.connectionId,
            method: message.method,
            input: message.input,
          }
        : null;
    case 'disconnect':
      return typeof message.connectionId === 'string' ? { type: 'disconnect', connectionId: message.connectionId } : null;
    case 'shutdown':
      return { type: 'shutdown' };
    default:
      return null;
  }
}

export function parseDbHostReply(message: unknown): DbHostReply | null {
  if (!isRecord(message) || !Number.isSafeInteger(message.id) || !isRecord(message.result)) return null;
  if (typeof message.result.ok !== 'boolean') return null;
  return { id: message.id as number, result: message.result as ApiResult<unknown> };
}

export function internalError(messageKey: string): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', messageKey } };
}
