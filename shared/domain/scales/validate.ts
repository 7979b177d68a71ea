/*
 * Semantic checks zod cannot express. Every problem names the JSON path of the offending value.
 * messageKeys used here:
 *   errors.scale.duplicateId                — an id (or option code, band code, case name) is used twice in its list
 *   errors.scale.unknownOptionSet           — an item names an option set that does not exist
 *   errors.scale.unknownItem                — a scale, rule or golden case names an item that does not exist
 *   errors.scale.unknownScale               — a rule, norm profile or golden case names a scale that does not exist
 *   errors.scale.unknownOptionCode          — a rule or golden case uses a code that is not in the item's option set
 *   errors.scale.unknownReference           — a cut-off source names a reference that is not listed
 *   errors.scale.unknownNormProfile         — a golden case names a norm profile that does not exist
 *   errors.scale.unknownAlert               — a golden case expects an alert that does not exist
 *   errors.scale.unknownFollowUp            — a golden case expects a follow-up that does not exist
 *   errors.scale.reverseNeedsNumericOptions — a reversed item's options are not all scored
 *   errors.scale.itemNotScorable            — a scale uses an item whose options carry no score
 *   errors.scale.bandInverted               — a band's min is above its max
 *   errors.scale.bandOffStep                — a band bound is finer than the scale's decimals
 *   errors.scale.bandOutOfRange             — a band reaches outside the scores the scale can produce
 *   errors.scale.bandGap                    — some score the scale can produce falls in no band
 *   errors.scale.bandOverlap                — some score falls in two bands
 *   errors.scale.criticalAlertSuppressible  — a critical alert is not `suppressible: false`
 *   errors.scale.criticalAlertNotOnAnswer   — a critical alert waits for the end of the form
 *   errors.scale.answerAlertReadsItemsOnly  — an on-answer alert reads a scale score or a blank
 *   errors.scale.missingText                — a text lacks a declared language, or bundled wording is absent
 */
import type { Problem } from '../problems';
import { type Band, type Localized, type Rule, type ScaleDefinition } from './definition';
import { itemTable } from './items';
import { leaves } from './rules';
import { decimalsOf, roundAt, scaleRange } from './scale-math';

type Path = (string | number)[];

function duplicates<T>(list: readonly T[], keyOf: (t: T) => string, pathOf: (i: number) => Path): Problem[] {
  const seen = new Set<string>();
  return list.flatMap((t, i): Problem[] => {
    const key = keyOf(t);
    if (seen.has(key)) return [{ path: pathOf(i), messageKey: 'errors.scale.duplicateId', params: { id: key } }];
    seen.add(key);
    return [];
  });
}

function idProblems(def: ScaleDefinition): Problem[] {
  const byId = <T extends { id: string }>(list: readonly T[] | undefined, key: string) =>
    duplicates(list ?? [], (t) => t.id, (i) => [key, i, 'id']);
  return [
    ...byId(def.items, 'items'),
    ...byId(def.scales, 'scales'),
    ...byId(def.references, 'references'),
    ...byId(def.normProfiles, 'normProfiles'),
    ...byId(def.validity, 'validity'),
    ...byId(def.alerts, 'alerts'),
    ...byId(def.followUps, 'followUps'),
    ...duplicates(def.goldenCases, (c) => c.name, (i) => ['goldenCases', i, 'name']),
    ...Object.entries(def.optionSets).flatMap(([set, options]) => duplicates(options, (o) => o.code, (i) => ['optionSets', set, i, 'code'])),
    ...def.scales.flatMap((s, si) => duplicates(s.items, (id) => id, (i) => ['scales', si, 'items', i])),
  ];
}

function itemProblems(def: ScaleDefinition): Problem[] {
  return def.items.flatMap((item, i): Problem[] => {
    const options = def.optionSets[item.optionSet];
    if (!options) return [{ path: ['items', i, 'optionSet'], messageKey: 'errors.scale.unknownOptionSet', params: { id: item.optionSet } }];
    return item.reverse && options.some((o) => o.score === null)
      ? [{ path: ['items', i, 'reverse'], messageKey: 'errors.scale.reverseNeedsNumericOptions' }]
      : [];
  });
}

/**
 * Bands must cover exactly the scores the scale can produce, at its resolution: no score may fall
 * in no band (a student left unclassified) or in two. Checked in ascending order of `min` so the
 * file may list them in any order; paths point at the band as written.
 */
function bandProblems(bands: readonly Band[], range: { min: number; max: number } | null, decimals: number, path: Path): Problem[] {
  const step = 10 ** -decimals;
  const at = (i: number, field: 'min' | 'max'): Path => [...path, i, field];
  const problems: Problem[] = duplicates(bands, (b) => b.code, (i) => [...path, i, 'code']);
  bands.forEach((b, i) => {
    if (b.min > b.max) problems.push({ path: at(i, 'max'), messageKey: 'errors.scale.bandInverted' });
    for (const field of ['min', 'max'] as const) {
      if (roundAt(b[field], decimals) !== b[field]) problems.push({ path: at(i, field), messageKey: 'errors.scale.bandOffStep', params: { decimals } });
    }
    if (range && (b.min < range.min || b.max > range.max)) {
      problems.push({ path: at(i, b.min < range.min ? 'min' : 'max'), messageKey: 'errors.scale.bandOutOfRange', params: range });
    }
  });
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min || x.i - y.i);
  const first = order[0];
  const last = order[order.length - 1];
  if (!first || !last) return problems;
  if (range && first.b.min > range.min) problems.push({ path: at(first.i, 'min'), messageKey: 'errors.scale.bandGap', params: { from: range.min, to: first.b.min } });
  order.slice(1).forEach(({ b, i }, k) => {
    const prev = order[k]!.b;
    const next = roundAt(prev.max + step, decimals);
    if (b.min > next) problems.push({ path: at(i, 'min'), messageKey: 'errors.scale.bandGap', params: { from: prev.max, to: b.min } });
    if (b.min <= prev.max) problems.push({ path: at(i, 'min'), messageKey: 'errors.scale.bandOverlap', params: { with: prev.code } });
  });
  if (range && last.b.max < range.max) problems.push({ path: at(last.i, 'max'), messageKey: 'errors.scale.bandGap', params: { from: last.b.max, to: range.max } });
  return problems;
}

function scaleProblems(def: ScaleDefinition): Problem[] {
  const table = itemTable(def);
  const refs = new Set(def.references.map((r) => r.id));
  const unknownRef = (id: string | undefined, path: Path): Problem[] =>
    id !== undefined && !refs.has(id) ? [{ path, messageKey: 'errors.scale.unknownReference', params: { id } }] : [];
  const scaleById = new Map(def.scales.map((s) => [s.id, s]));

  const own = def.scales.flatMap((scale, s): Problem[] => [
    ...scale.items.flatMap((id, j): Problem[] => {
      const item = def.items.find((it) => it.id === id);
      if (!item) return [{ path: ['scales', s, 'items', j], messageKey: 'errors.scale.unknownItem', params: { id } }];
      const hasOptionSet = def.optionSets[item.optionSet] !== undefined;
      return hasOptionSet && !table.has(id) ? [{ path: ['scales', s, 'items', j], messageKey: 'errors.scale.itemNotScorable', params: { id } }] : [];
    }),
    ...unknownRef(scale.bandsSource, ['scales', s, 'bandsSource']),
    ...bandProblems(scale.bands ?? [], scaleRange(scale, table), decimalsOf(scale), ['scales', s, 'bands']),
  ]);

  const profiles = (def.normProfiles ?? []).flatMap((profile, p): Problem[] => [
    ...unknownRef(profile.source, ['normProfiles', p, 'source']),
    ...Object.entries(profile.bands).flatMap(([scaleId, bands]): Problem[] => {
      const scale = scaleById.get(scaleId);
      const path = ['normProfiles', p, 'bands', scaleId];
      if (!scale) return [{ path, messageKey: 'errors.scale.unknownScale', params: { id: scaleId } }];
      return bandProblems(bands, scaleRange(scale, table), decimalsOf(scale), path);
    }),
  ]);
  return [...own, ...profiles];
}

function ruleProblems(def: ScaleDefinition, rule: Rule, path: Path, answerTime: boolean): Problem[] {
  const items = new Map(def.items.map((i) => [i.id, i]));
  const scales = new Set(def.scales.map((s) => s.id));
  const unknownItem = (id: string, at: Path): Problem[] => (items.has(id) ? [] : [{ path: at, messageKey: 'errors.scale.unknownItem', params: { id } }]);
  return [...leaves(rule, path)].flatMap(({ leaf, path: at }): Problem[] => {
    if ('scale' in leaf || 'missing' in leaf) {
      const refs: Problem[] =
        'scale' in leaf
          ? scales.has(leaf.scale)
            ? []
            : [{ path: [...at, 'scale'], messageKey: 'errors.scale.unknownScale', params: { id: leaf.scale } }]
          : leaf.missing.flatMap((id, k) => unknownItem(id, [...at, 'missing', k]));
      return answerTime ? [...refs, { path: at, messageKey: 'errors.scale.answerAlertReadsItemsOnly' }] : refs;
    }
    const item = items.get(leaf.item);
    if (!item) return unknownItem(leaf.item, [...at, 'item']);
    if (!('in' in leaf)) return [];
    const codes = new Set((def.optionSets[item.optionSet] ?? []).map((o) => o.code));
    return leaf.in.flatMap((code, k): Problem[] => (codes.has(code) ? [] : [{ path: [...at, 'in', k], messageKey: 'errors.scale.unknownOptionCode', params: { code } }]));
  });
}

function alertAndRuleProblems(def: ScaleDefinition): Problem[] {
  return [
    ...(def.validity ?? []).flatMap((v, i) => ruleProblems(def, v.when, ['validity', i, 'when'], false)),
    ...(def.followUps ?? []).flatMap((f, i) => ruleProblems(def, f.when, ['followUps', i, 'when'], false)),
    ...(def.alerts ?? []).flatMap((a, i): Problem[] => [
      ...ruleProblems(def, a.when, ['alerts', i, 'when'], a.on === 'answer'),
      ...(a.severity === 'critical' && a.suppressible ? [{ path: ['alerts', i, 'suppressible'], messageKey: 'errors.scale.criticalAlertSuppressible' }] : []),
      ...(a.severity === 'critical' && a.on !== 'answer' ? [{ path: ['alerts', i, 'on'], messageKey: 'errors.scale.criticalAlertNotOnAnswer' }] : []),
    ]),
  ];
}

function goldenReferenceProblems(def: ScaleDefinition): Problem[] {
  const optionCodes = new Map(def.items.map((i) => [i.id, new Set((def.optionSets[i.optionSet] ?? []).map((o) => o.code))]));
  const known = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id));
  const [scales, profiles, alerts, followUps] = [known(def.scales), known(def.normProfiles), known(def.alerts), known(def.followUps)];
  const missingFrom = (ids: Set<string>, id: string, path: Path, messageKey: string): Problem[] => (ids.has(id) ? [] : [{ path, messageKey, params: { id } }]);
  return def.goldenCases.flatMap((c, g): Problem[] => [
    ...Object.entries(c.answers).flatMap(([id, code]): Problem[] => {
      const codes = optionCodes.get(id);
      const path = ['goldenCases', g, 'answers', id];
      if (!codes) return [{ path, messageKey: 'errors.scale.unknownItem', params: { id } }];
      return code === '' || codes.has(code) ? [] : [{ path, messageKey: 'errors.scale.unknownOptionCode', params: { code } }];
    }),
    ...(c.normProfile === undefined ? [] : missingFrom(profiles, c.normProfile, ['goldenCases', g, 'normProfile'], 'errors.scale.unknownNormProfile')),
    ...c.expect.alerts.flatMap((id, k) => missingFrom(alerts, id, ['goldenCases', g, 'expect', 'alerts', k], 'errors.scale.unknownAlert')),
    ...c.expect.followUps.flatMap((id, k) => missingFrom(followUps, id, ['goldenCases', g, 'expect', 'followUps', k], 'errors.scale.unknownFollowUp')),
    ...Object.keys(c.expect.scales).flatMap((id) => missingFrom(scales, id, ['goldenCases', g, 'expect', 'scales', id], 'errors.scale.unknownScale')),
  ]);
}

/**
 * Every text exists in every declared language; when the wording is bundled, every item and
 * option has it too (a licensee-supplied definition carries none).
 */
function textProblems(def: ScaleDefinition): Problem[] {
  const locales = def.translations.en ? (['zh-CN', 'en'] as const) : (['zh-CN'] as const);
  const bundled = def.license.textDistribution === 'bundled';
  const check = (text: Localized | undefined, path: Path, required: boolean): Problem[] => {
    if (!text) return required ? [{ path, messageKey: 'errors.scale.missingText', params: { locale: 'zh-CN' } }] : [];
    return locales.filter((l) => !text[l]).map((locale) => ({ path: [...path, locale], messageKey: 'errors.scale.missingText', params: { locale } }));
  };
  return [
    ...check(def.names, ['names'], true),
    ...check(def.license.attribution, ['license', 'attribution'], true),
    ...check(def.recallPeriod, ['recallPeriod'], false),
    ...check(def.instructions, ['instructions'], false),
    ...def.items.flatMap((item, i) => check(item.text, ['items', i, 'text'], bundled)),
    ...Object.entries(def.optionSets).flatMap(([set, options]) => options.flatMap((o, k) => check(o.text, ['optionSets', set, k, 'text'], bundled))),
    ...def.scales.flatMap((s, i) => check(s.names, ['scales', i, 'names'], true)),
    ...(def.normProfiles ?? []).flatMap((p, i) => check(p.names, ['normProfiles', i, 'names'], true)),
    ...(def.validity ?? []).flatMap((v, i) => check(v.message, ['validity', i, 'message'], true)),
    ...(def.alerts ?? []).flatMap((a, i) => check(a.message, ['alerts', i, 'message'], true)),
  ];
}

/** All semantic problems of a schema-valid definition; empty when it can be scored as written. */
export function validateDefinition(def: ScaleDefinition): Problem[] {
  return [
    ...idProblems(def),
    ...itemProblems(def),
    ...scaleProblems(def),
    ...alertAndRuleProblems(def),
    ...goldenReferenceProblems(def),
    ...textProblems(def),
  ];
}
