import { Button, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureView } from '../../../../shared/api/records';
import { useCodeLabels } from '../../lib/codeLabels';
import { useFormatInstant } from '../../lib/time';
import { DisclosureModal } from './DisclosureModal';
import { SectionTitle } from '../../components/SectionTitle';

/** The documented disclosures of a record; `onAdd` present offers 登记告知 (unsigned records). */
export function DisclosureList({ recordId, disclosures, onAdded }: { recordId: string; disclosures: readonly DisclosureView[]; onAdded?(d: DisclosureView): void }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const format = useFormatInstant();
  const [adding, setAdding] = useState(false);
  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center">
        <SectionTitle>{t('counseling.records.disclosures')}</SectionTitle>
        {onAdded && <Button onClick={() => setAdding(true)}>{t('counseling.disclosure.add')}</Button>}
      </Flex>
      <List
        size="small"
        bordered
        dataSource={[...disclosures]}
        locale={{ emptyText: t('common.none') }}
        renderItem={(d) => (
          <List.Item>
            {t('counseling.disclosure.item', {
              party: codes.label('party', d.informedKind),
              label: d.informedLabel,
              channel: codes.label('disclosureChannel', d.channel),
              time: format(d.informedAt, 'YYYY-MM-DD HH:mm'),
            })}
            {d.note && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.note}</Typography.Paragraph>}
          </List.Item>
        )}
      />
      {onAdded && (
        <DisclosureModal
          recordId={recordId}
          open={adding}
          gate={false}
          onClose={() => setAdding(false)}
          onAdded={(d) => {
            setAdding(false);
            onAdded(d);
          }}
        />
      )}
    </Flex>
  );
}
