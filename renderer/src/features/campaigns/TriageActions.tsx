import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import type { TriageEntryView } from '../../../../shared/api/campaigns';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { CrisisCaseModal, CrisisHandOffModal } from '../assessments/CrisisHandOffModal';
import { BookTalkModal } from '../schedule/BookTalkModal';

/** The student's open critical or urgent alert to hand over, critical and oldest first (the core's order). */
async function openAlertOf(studentId: string): Promise<AlertView | null> {
  const { items } = await api.alerts.open({});
  return items.find((a) => a.studentId === studentId && a.severity !== 'followup') ?? null;
}

/**
 * 开危机个案 and 预约面谈 from a triage row, each done in one step: the crisis case takes over the
 * student's open alert when there is one (alerts.openCrisisCase), else it is opened for the student
 * and the entry moved to 已建个案; the talk is booked in the schedule's own dialog.
 */
export function TriageActions({ entry, onChanged, onCaseOpened }: { entry: TriageEntryView; onChanged(): void; onCaseOpened(caseId: string): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [crisis, setCrisis] = useState<{ alert: AlertView | null } | null>(null);
  const [booking, setBooking] = useState(false);
  const student = { id: entry.studentId, name: entry.name };

  const startCrisis = async () => {
    try {
      setCrisis({ alert: await openAlertOf(entry.studentId) });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const openCase = async (note: string) => {
    const opened = await api.cases.open({ studentId: entry.studentId, source: 'screening', categories: ['crisis'] });
    // An empty note keeps the one the entry has.
    await api.campaigns.setTriage({ id: entry.campaignId, studentId: entry.studentId, state: 'caseOpened', caseId: opened.id, note: note.trim() === '' ? entry.note : note });
    return opened.id;
  };
  const done = (caseId: string) => {
    setCrisis(null);
    onChanged();
    onCaseOpened(caseId);
  };

  return (
    <Flex gap={4} wrap>
      {entry.state !== 'caseOpened' && (
        <Button size="small" danger onClick={() => void startCrisis()}>
          {t('campaigns.triage.crisisCase')}
        </Button>
      )}
      <Button size="small" onClick={() => setBooking(true)}>
        {t('campaigns.triage.bookTalk')}
      </Button>
      <CrisisHandOffModal alert={crisis?.alert ?? null} onClose={() => setCrisis(null)} onDone={done} />
      <CrisisCaseModal
        studentName={crisis && !crisis.alert ? entry.name : null}
        explain={t('campaigns.triage.crisisExplain')}
        open={openCase}
        onClose={() => setCrisis(null)}
        onDone={done}
      />
      {/* One per row: mounted only when wanted, since the booking dialog reads rooms and counselors. */}
      {booking && (
        <BookTalkModal
          student={student}
          onClose={() => setBooking(false)}
          onBooked={(a) => {
            setBooking(false);
            void message.success(t('campaigns.triage.talkBooked', { date: a.date, start: a.start }));
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}
