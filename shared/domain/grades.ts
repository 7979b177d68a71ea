import type { Stage } from '../api/session';

/** Grades are stored as 1..12: 小学 1–6, 初中 7–9, 高中 10–12. */
export const MIN_GRADE = 1;
export const MAX_GRADE = 12;

const STAGE_RANGES: Record<Stage, readonly [number, number]> = {
  primary: [1, 6],
  junior: [7, 9],
  senior: [10, 12],
};

export function stageOfGrade(grade: number): Stage {
  if (grade <= 6) return 'primary';
  if (grade <= 9) return 'junior';
  return 'senior';
}

export function gradesOfStages(stages: readonly Stage[]): number[] {
  return stages.flatMap((s) => {
    const [lo, hi] = STAGE_RANGES[s];
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  });
}

/** The last grade of a stage: students there graduate on roll-forward instead of moving up. */
export function isTopGradeOfStage(grade: number): boolean {
  return STAGE_RANGES[stageOfGrade(grade)][1] === grade;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/**
 * Reads the grade forms found in school spreadsheets: 7, 七年级, 7年级, 初一, 初一年级,
 * 初中一年级, 高1, 高二, 小学三年级, 一年级, G7, Grade 7. Returns null when the text is not a grade.
 */
export function parseGrade(raw: string): number | null {
  const t = raw
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/^(小学|初中|高中)(.+年级)$/, (_, stage: string, rest: string) => `${stage === '小学' ? '' : stage[0]}${rest}`)
    .replace(/^([初高].)年级$/, '$1')
    .replace(/^([初高])([123])$/, (_, s: string, n: string) => s + '一二三'[Number(n) - 1]);
  if (t === '') return null;
  const plain = /^(?:g|grade)?(\d{1,2})(?:年级)?$/.exec(t);
  if (plain) return inRange(Number(plain[1]));
  const cnYear = /^(十[一二]?|[一二三四五六七八九])年级$/.exec(t);
  if (cnYear) return inRange(CN_DIGITS[cnYear[1]!] ?? NaN);
  const stage = /^([初高])([一二三])$/.exec(t);
  if (stage) return (stage[1] === '初' ? 6 : 9) + CN_DIGITS[stage[2]!]!;
  return null;
}

function inRange(n: number): number | null {
  return Number.isInteger(n) && n >= MIN_GRADE && n <= MAX_GRADE ? n : null;
}
