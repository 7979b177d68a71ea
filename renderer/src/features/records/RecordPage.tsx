import { Alert, Spin } from 'antd';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { RecordForm } from './RecordForm';
import { SignedRecord } from './SignedRecord';

const getRecord = ({ id }: { id: string }) => api.records.get({ id });

/** One session record (opening it is audited): the autosaving form, or the signed view. */
export function RecordPage({ id }: { id: string }) {
  const call = useCall(getRecord, { id });
  const record = call.data;
  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!record) return <Spin />;
  if (record.signedAt !== null) return <SignedRecord record={record} onChanged={call.reload} />;
  // A reload after a stale save brings a newer revision: a fresh form starts from it.
  return <RecordForm key={record.revision} record={record} onReload={call.reload} />;
}
