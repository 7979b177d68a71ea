import { contract, METHOD_NAMES, type CounselClient, type CounselTransport, type MethodName } from './contract';
import { CounselError } from './errors';

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
      const result = await transport(name, input ?? {});
      if (result.ok) return result.value;
      throw new CounselError(result.error.code, result.error.messageKey, result.error.details);
    };
  }
  return client as unknown as CounselClient;
}

export function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

export { contract };
