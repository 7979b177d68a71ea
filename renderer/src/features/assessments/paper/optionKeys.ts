import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { optionsOf } from '../useScaleDefinition';

export interface OptionKeys {
  /** The keys a typist may press for this item, in the form's order. */
  allowed: string[];
  codeFor(key: string): string | undefined;
  keyFor(code: string): string;
}

/**
 * How a digit on the keyboard maps to an option: the printed code itself when every code of the
 * item is one character (PHQ-9's 0–3, WHO-5's 5–0), otherwise the option's 1-based position.
 */
export function optionKeys(def: ScaleDefinition, itemId: string): OptionKeys {
  const options = optionsOf(def, itemId);
  const byCode = options.every((o) => o.code.length === 1);
  const keys = options.map((o, i) => (byCode ? o.code : String(i + 1)));
  return {
    allowed: keys,
    codeFor: (key) => options[keys.indexOf(key)]?.code,
    keyFor: (code) => keys[options.findIndex((o) => o.code === code)] ?? code,
  };
}

/** Whether the whole scale is typed by code (then the help names the codes). */
export function typedByCode(def: ScaleDefinition): boolean {
  return Object.values(def.optionSets).every((set) => set.every((o) => o.code.length === 1));
}
