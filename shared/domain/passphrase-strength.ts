import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { LIMITS } from '../api/fields';
import { pinyinKeys } from './pinyin';

/**
 * How guessable a new passphrase is, judged by zxcvbn (common passwords, keyboard walks,
 * repeats, dates) with the words of its context as a dictionary of its own: the account's
 * name and the school's, in characters and in pinyin. The same verdict runs live under the
 * form and in the core, which refuses what it calls weak: the passphrase is what encrypts
 * the whole archive, so "the meter said 弱" must not be the only thing standing in the way.
 */

export const PASSPHRASE_WEAKNESSES = ['tooShort', 'common', 'containsUsername', 'containsSchool', 'keyboardPattern', 'repeated', 'date', 'guessable'] as const;
export type PassphraseWeakness = (typeof PASSPHRASE_WEAKNESSES)[number];

/** zxcvbn's score runs 0–4; 3 means "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSPHRASE_SCORE = 3;

/** Shorter context words (a two-letter username, 王芳) would flag half of all passphrases. */
const MIN_CONTEXT_WORD = 3;

export interface PassphraseContext {
  username?: string;
  displayName?: string;
  schoolName?: string;
}

export interface PassphraseVerdict {
  ok: boolean;
  score: number;
  /** Empty when ok; otherwise at least one, in the order of PASSPHRASE_WEAKNESSES. */
  reasons: PassphraseWeakness[];
}

let factory: ZxcvbnFactory | null = null;
// Building the ranked dictionaries takes a moment: once, on first use.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

/** A name as the words someone might type for it: as written, and its pinyin run together and as initials. */
function wordsOf(name: string | undefined): string[] {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') return [];
  const { full, initials } = pinyinKeys(trimmed);
  return [trimmed, full.replace(/ /g, ''), initials].map((w) => w.toLowerCase()).filter((w) => Array.from(w).length >= MIN_CONTEXT_WORD);
}

function contextWords(context: PassphraseContext): Map<string, PassphraseWeakness> {
  const owner = new Map<string, PassphraseWeakness>();
  for (const w of [...wordsOf(context.username), ...wordsOf(context.displayName)]) owner.set(w, 'containsUsername');
  for (const w of wordsOf(context.schoolName)) if (!owner.has(w)) owner.set(w, 'containsSchool');
  return owner;
}

function weaknessOf(match: MatchExtended, owner: Map<string, PassphraseWeakness>): PassphraseWeakness | null {
  switch (match.pattern) {
    case 'dictionary':
      return match.dictionaryName === 'userInputs' ? (owner.get(String(match.matchedWord)) ?? 'containsUsername') : 'common';
    case 'spatial':
      return 'keyboardPattern';
    case 'repeat':
    case 'sequence':
      return 'repeated';
    case 'date':
    case 'regex':
      return 'date';
    default:
      return null;
  }
}

export function passphraseStrength(passphrase: string, context: PassphraseContext = {}): PassphraseVerdict {
  if (passphrase === '') return { ok: false, score: 0, reasons: ['tooShort'] };
  const owner = contextWords(context);
  const result = estimator().check(passphrase, [...owner.keys()]);
  const found = new Set<PassphraseWeakness>();
  if (Array.from(passphrase).length < LIMITS.passphraseMin) found.add('tooShort');
  const patterns = result.sequence.map((m) => weaknessOf(m, owner));
  // A name in the passphrase is refused however strong the rest is: it is the first thing tried.
  for (const w of patterns) if (w === 'containsUsername' || w === 'containsSchool') found.add(w);
  // What made the score low is named only when the score is what fails.
  if (result.score < MIN_PASSPHRASE_SCORE) {
    for (const w of patterns) if (w) found.add(w);
    if (found.size === 0) found.add('guessable');
  }
  const ok = found.size === 0;
  return { ok, score: result.score, reasons: PASSPHRASE_WEAKNESSES.filter((w) => found.has(w)) };
}
