import { Alert, Descriptions, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { useCodeLabels } from '../../lib/codeLabels';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { BackHeader } from '../shell/BackButton';
import { RemoveToTrashButton } from '../trash/RemoveToTrashButton';

const getContact = ({ id }: { id: string }) => api.contacts.get({ id });

/** One home-school contact in full (opening it is audited). */
export function ContactPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const call = useCall(getContact, { id });
  const c = call.data;
  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!c) return <Spin />;
  const text = (value: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{value || t('common.none')}</span>;
  return (
    <Flex vertical gap="middle">
      <BackHeader
        title={
          <>
            {t('counseling.contacts.viewTitle')} · <PersonName name={c.studentName} />
          </>
        }
      >
        <RemoveToTrashButton kind="contact" id={c.id} />
      </BackHeader>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'date', label: t('counseling.contacts.contactDate'), children: c.contactDate },
          { key: 'channel', label: t('counseling.contacts.channel'), children: codes.label('contactChannel', c.channel) },
          { key: 'with', label: t('counseling.contacts.withKind'), children: [codes.label('contactWith', c.withKind), c.withLabel].filter(Boolean).join(' · ') },
          { key: 'author', label: t('counseling.archive.actor'), children: c.authorName },
          { key: 'summary', label: t('counseling.contacts.summary'), span: 2, children: text(c.summary) },
          { key: 'agreedActions', label: t('counseling.contacts.agreedActions'), span: 2, children: text(c.agreedActions) },
        ]}
      />
    </Flex>
  );
}
