import { contract, METHOD_NAMES, type CounselClient, type CounselTransport } from './contract';
import { resultValue } from './errors';
import { splitMethod } from './method-name';

/**
 * Builds the typed client from the contract and any transport (IPC, HTTP bridge,
 * in-process). A failed call rejects with a CounselError carrying the typed code.
 */
export function createClient(transport: CounselTransport): CounselClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    const [area, verb] = splitMethod(name);
    client[area] ??= {};
    client[area][verb] = async (input: unknown) => {
      return resultValue(await transport(name, input ?? {}));
    };
  }
  return client as unknown as CounselClient;
}

export { splitMethod };

export { contract };
