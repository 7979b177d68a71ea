import { Alert, App, Button, Empty, Flex, Form, Modal, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../shared/api/assessments';
import { PARTICIPANT_PAGE_MAX, type CampaignView, type ParticipantView } from '../../../../shared/api/campaigns';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/errors';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { PaperEntryGrid, type PaperStudent } from '../assessments/paper/PaperEntryGrid';
import { PAPER_DIALOG } from '../assessments/paper/paperDialog';
import { useAlertGuard } from '../assessments/useAlertGuard';
import { formsInProgress } from '../assessments/formsInProgress';
import { useScales } from '../assessments/scaleLabels';
import { useGroupLabels } from '../groups/labels';

type PinnedScale = CampaignView['scales'][number];

interface FormsQuery {
  campaignId: string;
  scale: PinnedScale;
  studentIds: string[];
}

/**
 * Each student's form of this campaign and scale still in progress (a kiosk left mid-way, a paper
 * form half typed), so the grid goes on with it instead of starting a second one. One audited read
 * per student: the grid does show those answers.
 */
async function campaignFormsInProgress({ campaignId, scale, studentIds }: FormsQuery): Promise<Record<string, FormView>> {
  const ofStudent = async (studentId: string) =>
    (await formsInProgress(studentId, scale.scaleId)).filter((f) => f.campaignId === campaignId && f.version === scale.version).at(-1);
  const found = await Promise.all(studentIds.map(async (id) => [id, await ofStudent(id)] as const));
  return Object.fromEntries(found.filter((e): e is readonly [string, FormView] => e[1] !== undefined));
}

const consented = (p: ParticipantView) => p.studentConsent === 'given' && p.guardianConsent === 'given';

export interface ClassPaperEntryProps {
  campaign: CampaignView;
  /** The class of the stack; none while the list shows several classes. */
  paperClass: { grade: number; className: string } | undefined;
  /** The grid was closed: rows finished there changed the list. */
  onClosed(): void;
}

/**
 * 纸笔录入 for one class of a screening: the returned paper stack typed in one grid. Only students
 * still to screen with this scale appear, and only with both consents on the list (guide ETH-05/06);
 * the grid's header says how many were left out for want of consent.
 */
export function ClassPaperEntry({ campaign, paperClass, onClosed }: ClassPaperEntryProps) {
  const { t } = useTranslation();
  const groupLabels = useGroupLabels();
  const className = paperClass && groupLabels.className(paperClass);
  const { message } = App.useApp();
  const scales = useScales();
  const [asking, setAsking] = useState(false);
  const [scale, setScale] = useState<PinnedScale | null>(null);
  // The whole class, read when the entry opens: the list beside it shows only a page.
  const [participants, setParticipants] = useState<readonly ParticipantView[]>([]);
  const only = campaign.scales.length === 1 ? campaign.scales[0] : undefined;
  const guard = useAlertGuard(
    participants.map((p) => p.studentId),
    'paper',
    () => {
      setScale(null);
      onClosed();
    },
  );

  const button = (
    <Button
      disabled={!paperClass}
      onClick={async () => {
        if (!paperClass) return;
        try {
          setParticipants((await api.campaigns.get({ id: campaign.id, class: paperClass, pageSize: PARTICIPANT_PAGE_MAX })).participants);
        } catch (err) {
          void message.error(errorMessage(err));
          return;
        }
        if (only) setScale(only);
        else setAsking(true);
      }}
    >
      {t('campaigns.paper.button')}
    </Button>
  );
  return (
    <>
      {button}
      {!paperClass && <Typography.Text type="secondary">{t('campaigns.paper.pickClass')}</Typography.Text>}
      <FormModal<{ scaleId: string }>
        open={asking}
        title={t('campaigns.paper.scaleTitle', { className })}
        okText={t('campaigns.paper.start')}
        // The first scale the class still has to take: the one done already is rarely the next stack.
        initialValues={{ scaleId: (campaign.scales.find((s) => participants.some((p) => p.missingScales.includes(s.scaleId))) ?? campaign.scales[0])?.scaleId }}
        onSubmit={async ({ scaleId }) => {
          setAsking(false);
          setScale(campaign.scales.find((s) => s.scaleId === scaleId) ?? null);
        }}
        onClose={() => setAsking(false)}
      >
        <Form.Item name="scaleId" label={t('administer.scale')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Select options={campaign.scales.map((s) => ({ value: s.scaleId, label: scales.title(s.scaleId) }))} />
        </Form.Item>
      </FormModal>
      {scale && className ? (
        <Modal
          open
          width={1200}
          {...PAPER_DIALOG}
          title={t('campaigns.paper.title', { className, scale: scales.title(scale.scaleId) })}
          footer={null}
          destroyOnHidden
          onCancel={guard.requestClose}
        >
          <ClassGrid campaign={campaign} scale={scale} participants={participants} />
          {guard.prompt}
        </Modal>
      ) : null}
    </>
  );
}

function ClassGrid({ campaign, scale, participants }: { campaign: CampaignView; scale: PinnedScale; participants: readonly ParticipantView[] }) {
  const { t } = useTranslation();
  const today = useSchoolToday();
  // Fixed when the grid opens: a row finished here must not drop out from under the typist.
  const [due] = useState(() => participants.filter((p) => p.outcome === 'pending' && p.missingScales.includes(scale.scaleId)));
  const ready = due.filter(consented);
  const forms = useCall(campaignFormsInProgress, { campaignId: campaign.id, scale, studentIds: ready.map((p) => p.studentId) });

  if (forms.error !== undefined) return <Alert type="error" showIcon title={errorMessage(forms.error)} />;
  if (!forms.data) return <Spin />;
  const inProgress = forms.data;
  const students: PaperStudent[] = ready.map((p) => {
    const form = inProgress[p.studentId];
    return { studentId: p.studentId, name: p.name, studentNo: p.studentNo, ...(form ? { form } : {}) };
  });
  const resumed = Object.keys(inProgress).length;
  const leftOut = due.length - ready.length;
  return (
    <Flex vertical gap="small">
      <Typography.Text>
        {t('campaigns.paper.listed', { count: ready.length })}
        {leftOut > 0 ? ` ${t('campaigns.paper.leftOut', { count: leftOut })}` : ''}
        {resumed > 0 ? ` ${t('campaigns.paper.resumed', { count: resumed })}` : ''}
      </Typography.Text>
      {students.length > 0 ? (
        <PaperEntryGrid students={students} scale={scale} campaignId={campaign.id} date={today} />
      ) : (
        <Empty description={t('campaigns.paper.none')} />
      )}
    </Flex>
  );
}
