import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { ScaleDefinitionSchema, type Localized, type ScaleDefinition } from '../../../../shared/domain/scales/definition';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';

export interface ScaleRef {
  scaleId: string;
  /** Latest when left out. */
  version?: string;
}

const fetchDefinition = async ({ scaleId, version }: ScaleRef): Promise<ScaleDefinition> =>
  ScaleDefinitionSchema.parse((await api.scales.get(version ? { id: scaleId, version } : { id: scaleId })).definition);

/** A scale's definition (items, options, instructions) as the core holds it. */
export function useScaleDefinition(ref: ScaleRef | null) {
  return useCall(fetchDefinition, ref);
}

/** A definition's own text in the current language, falling back to Chinese (always present). */
export function useLocalized(): (text: Localized | undefined) => string {
  const { i18n } = useTranslation();
  return useCallback((text) => (text ? (i18n.language === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN']) : ''), [i18n.language]);
}

/** The options of one item, in the order the form prints them. */
export function optionsOf(def: ScaleDefinition, itemId: string) {
  const item = def.items.find((i) => i.id === itemId);
  return item ? (def.optionSets[item.optionSet] ?? []) : [];
}

/** '9' or '3、9': the printed numbers of the items an alert names. */
export function itemNumbers(def: ScaleDefinition | undefined, itemIds: readonly string[]): string {
  return itemIds.map((id) => def?.items.find((i) => i.id === id)?.number ?? id).join(i18n.t('common.listSeparator'));
}
