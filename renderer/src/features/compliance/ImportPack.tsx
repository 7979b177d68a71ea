import { Alert, App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage, validationDetails } from '../../lib/errors';
import { useComplianceLabels } from './labels';

/** 导入标准文件: a rule pack from a JSON file; a refused one lists each problem with its item and reason. */
export function ImportPack({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useComplianceLabels();
  const [problems, setProblems] = useState<string[]>([]);
  const load = async (file: File) => {
    setProblems([]);
    try {
      const pack = await api.compliance.importPack({ json: await file.text() });
      void message.success(t('compliance.pack.imported_ok', { title: labels.text(pack.title) }));
      onImported();
    } catch (err) {
      const details = validationDetails(err);
      if (details.length === 0) return void message.error(errorMessage(err));
      setProblems(details.map((d) => t('compliance.pack.problem', { item: typeof d.item === 'string' ? d.item : (d.path ?? ''), reason: t(d.reason ?? 'errors.validation') })));
    }
  };
  return (
    <>
      <Upload
        accept="application/json,.json"
        showUploadList={false}
        beforeUpload={(file) => {
          void load(file);
          return false;
        }}
      >
        <Button>{t('compliance.pack.import')}</Button>
      </Upload>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8, width: '100%' }}
          title={problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
    </>
  );
}
