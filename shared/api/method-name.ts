import type { MethodName } from './contract';

/** 'area.verb' as its two parts: the namespace on the client and the method in it. */
export function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
