import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/records';
import { useCodeLabels } from '../../lib/codeLabels';
import { RECORD_TEXT_FIELDS } from './recordFields';

const PARTICIPANTS = ['student', 'guardian', 'teacher'] as const;

/** A record's fields read-only (signed view and the printed archive); note text as pre-wrapped text nodes. */
export function RecordDetails({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const none = t('common.none');
  const text = (value: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{value || none}</span>;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        { key: 'sessionDate', label: t('counseling.records.sessionDate'), children: [record.sessionDate, record.startTime].filter(Boolean).join(' ') },
        { key: 'durationMinutes', label: t('counseling.records.durationMinutes'), children: record.durationMinutes ?? none },
        { key: 'mode', label: t('counseling.records.mode'), children: codes.label('mode', record.mode) },
        { key: 'kind', label: t('counseling.records.kind'), children: codes.label('kind', record.kind) },
        {
          key: 'participants',
          label: t('counseling.records.participants'),
          children: PARTICIPANTS.filter((p) => record.participants[p]).map((p) => t(`counseling.participants.${p}`)).join(t('common.listSeparator')) || none,
        },
        { key: 'riskOfHarm', label: t('counseling.records.riskOfHarm'), children: codes.label('risk', record.riskOfHarm) },
        ...RECORD_TEXT_FIELDS.map((name) => ({ key: name, label: t(`counseling.records.${name}`), span: 2, children: text(record[name]) })),
        { key: 'nextAppointmentDate', label: t('counseling.records.nextAppointmentDate'), span: 2, children: record.nextAppointmentDate ?? none },
      ]}
    />
  );
}
