/**
 * Entry of the database host: an Electron utilityProcess that owns the core, so a long
 * import or backup never blocks the window. It must not import 'electron'; the main
 * process reaches it only through process.parentPort messages (see db-host-protocol).
 */
import { createCore } from './core/core';
import type { Connection, Core } from './core/types';
import { internalError, parseDbHostRequest, type DbHostReply } from './db-host-protocol';

export interface DbHostHandler {
  /** Handles one message from main; resolves to the reply to post back, if any. */
  handle(message: unknown): Promise<DbHostReply | null>;
}

export function createDbHostHandler(core: Core, afterShutdown: () => void = () => {}): DbHostHandler {
  // One Connection (and so one session) per window; created on its first call.
  const connections = new Map<string, Connection>();
  let stopped = false;

  function connectionFor(connectionId: string): Connection {
    let connection = connections.get(connectionId);
    if (!connection) {
      connection = core.connect('ipc');
      connections.set(connectionId, connection);
    }
    return connection;
  }

  return {
    async handle(message) {
      const request = parseDbHostRequest(message);
      if (!request) return null;
      switch (request.type) {
        case 'call': {
          if (stopped) return { id: request.id, result: internalError('errors.dbHostStopped') };
          try {
            return { id: request.id, result: await connectionFor(request.connectionId).call(request.method, request.input) };
          } catch (error) {
            // Connections answer with ApiResults; a throw is a bug. Log its kind, never the input.
            console.error(`[db-host] ${request.method} threw ${error instanceof Error ? error.name : typeof error}`);
            return { id: request.id, result: internalError('errors.internal') };
          }
        }
        case 'disconnect': {
          const connection = connections.get(request.connectionId);
          connections.delete(request.connectionId);
          await connection?.close().catch(() => console.error('[db-host] closing a connection failed'));
          return null;
        }
        case 'shutdown': {
          if (!stopped) {
            stopped = true;
            connections.clear();
            await core.shutdown().catch(() => console.error('[db-host] shutdown failed'));
            afterShutdown();
          }
          return null;
        }
      }
    },
  };
}

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function startDbHost(port: ParentPortLike): void {
  const dataDir = process.env.COUNSELROOM_DATA_DIR;
  if (!dataDir) {
    console.error('[db-host] COUNSELROOM_DATA_DIR is not set');
    process.exit(1);
  }
  let core: Core;
  try {
    core = createCore({ dataDir, nativeBinding: process.env.COUNSELROOM_NATIVE_BINDING || undefined });
  } catch (error) {
    console.error('[db-host] could not start the core:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const handler = createDbHostHandler(core, () => process.exit(0));
  port.on('message', (event) => {
    void handler.handle(event.data).then((reply) => {
      if (reply) port.postMessage(reply);
    });
  });
}

// Only a utilityProcess has a parent port; importing this module anywhere else starts nothing.
const { parentPort } = process as NodeJS.Process & { parentPort?: ParentPortLike | null };
if (parentPort) startDbHost(parentPort);
