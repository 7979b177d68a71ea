import { App, Button, Flex, Image, Modal, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MIMES, type EvidenceView } from '../../../../shared/api/compliance';
import { api } from '../../api/client';
import { fileToBase64 } from '../../lib/base64';
import { errorMessage } from '../../lib/errors';
import { shrinkImage } from './resize';

type Mime = (typeof EVIDENCE_MIMES)[number];
const isMime = (m: string): m is Mime => (EVIDENCE_MIMES as readonly string[]).includes(m);

/** 上传证明: a photo (shrunk first) or a PDF sent into the archive; never kept at a path. */
export function AddEvidence({ runId, itemId, onAdded }: { runId: string; itemId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (file: File) => {
    if (!isMime(file.type)) return void message.error(t('compliance.evidenceFile.wrongType'));
    setBusy(true);
    try {
      const { blob, mime } = await shrinkImage(file);
      if (blob.size > EVIDENCE_MAX_BYTES) return void message.error(t('compliance.evidenceFile.tooBig'));
      const added = await api.compliance.addEvidence({ runId, itemId, fileName: file.name, mime: mime as Mime, dataBase64: await fileToBase64(blob) });
      void message.success(t('compliance.evidenceFile.added', { name: added.fileName }));
      onAdded();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept={EVIDENCE_MIMES.join(',')}
      showUploadList={false}
      beforeUpload={(file) => {
        void add(file);
        return false;
      }}
    >
      <Button size="small" loading={busy} aria-label={`${t('compliance.evidenceFile.add')} ${itemId}`}>
        {t('compliance.evidenceFile.add')}
      </Button>
    </Upload>
  );
}

/** The files on an item: a photo opens in a preview; while the run is open each can be taken off. */
export function EvidenceList({ items, editable, onChanged }: { items: readonly EvidenceView[]; editable: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [shown, setShown] = useState<{ name: string; src: string } | null>(null);
  const view = async (e: EvidenceView) => {
    const full = await api.compliance.evidence({ id: e.id });
    setShown({ name: e.fileName, src: `data:${full.mime};base64,${full.dataBase64}` });
  };
  const remove = async (e: EvidenceView) => {
    await api.compliance.removeEvidence({ id: e.id }).catch((err: unknown) => void message.error(errorMessage(err)));
    void message.success(t('compliance.evidenceFile.removed'));
    onChanged();
  };
  if (items.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {items.map((e) => (
        <Tag
          key={e.id}
          closable={editable}
          onClose={(ev) => {
            ev.preventDefault();
            void remove(e);
          }}
        >
          {e.mime.startsWith('image/') ? (
            <a onClick={() => void view(e)} role="button">
              {e.fileName}
            </a>
          ) : (
            e.fileName
          )}
        </Tag>
      ))}
      <Modal open={shown !== null} title={shown?.name} footer={null} onCancel={() => setShown(null)} destroyOnHidden>
        {shown && <Image src={shown.src} alt={shown.name} preview={false} />}
      </Modal>
    </Flex>
  );
}
