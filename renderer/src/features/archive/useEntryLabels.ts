import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api/archive';
import { useCodeLabels } from '../../lib/codeLabels';
import { useScales } from '../assessments/scaleLabels';
import { useTagLabels } from './timelineTags';

/**
 * An archive entry's name and labels, the same on screen and on the printed copy: the kind, then
 * for assessments and alerts the scale, score and neutral band, then the entry's own tags.
 */
export function useEntryLabels(): (entry: TimelineEntry) => { kind: string; labels: string[] } {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const tags = useTagLabels();
  const { title } = useScales();
  return useCallback(
    (e) => ({
      kind: codes.label('timeline', e.kind),
      labels: [
        ...(e.scaleId ? [title(e.scaleId)] : []),
        ...(e.score !== null ? [t('counseling.archive.score', { score: e.score })] : []),
        ...(e.bandLabel ? [t(e.bandLabel)] : []),
        ...tags(e),
      ],
    }),
    [t, codes, tags, title],
  );
}
