import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { scoreForm, type ScaleDefinition } from '../../../../../shared/domain/scales';

/**
 * The live scores of one row, from the answers as shown: the same pure engine the core scores
 * with, so the figure the counselor sees while typing is the one finishing will store. A scale
 * still short of answers (by its missing policy) shows a dash. Counselor-facing, neutral labels.
 */
export function RowScores({ definition, answers }: { definition: ScaleDefinition; answers: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  const result = Object.keys(answers).length > 0 ? scoreForm(definition, answers) : null;
  return (
    <>
      {definition.scales.map((scale) => {
        const r = result?.scales[scale.id];
        return (
          <td key={scale.id} data-scale={scale.id}>
            {r?.score ?? '—'}
            {r?.band ? (
              <Tag style={{ marginInlineStart: 6 }} color={r.band.flag ? 'orange' : undefined}>
                {t(r.band.labelKey)}
              </Tag>
            ) : null}
          </td>
        );
      })}
    </>
  );
}
