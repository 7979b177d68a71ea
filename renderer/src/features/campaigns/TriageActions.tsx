import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import type { TRIAGE_PRIORITIES, TriageEntryView } from '../../../../shared/api/campaigns';
import { LIMITS } from '../../../../shared/api/fields';
import type { CrisisTier } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { CrisisCaseModal, CrisisHandOffModal } from '../assessments/CrisisHandOffModal';
import { BookTalkModal } from '../schedule/BookTalkModal';

/** The student's open critical or urgent alert to hand over, critical and oldest first (the core's order). */
async function openAlertOf(studentId: string): Promise<AlertView | null> {
  const { items } = await api.alerts.open({});
  return items.find((a) => a.studentId === studentId && a.severity !== 'followup') ?? null;
}

/** The risk tier a triage priority suggests, as an alert's severity does; the counselor may change it. */
const TIER_OF_PRIORITY: Record<(typeof TRIAGE_PRIORITIES)[number], CrisisTier> = { critical: 'red', alert: 'orange', flagged: 'yellow' };

/** A crisis case's short reason: the note's first line, else the entry's, else what the triage was. */
function reasonOf(...notes: string[]): string | undefined {
  return notes.map((n) => n.trim().split('\n')[0]!.slice(0, LIMITS.line)).find((n) => n !== '');
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
  // A real crisis case: its tier, source and reason give it the six steps and their due dates.
  const openCase = async (note: string, tier: CrisisTier | undefined) => {
    const crisisDetails = { source: 'screening' as const, tier: tier ?? TIER_OF_PRIORITY[entry.priority], reason: reasonOf(note, entry.note) ?? t('campaigns.triage.crisisReason') };
    const opened = await api.cases.open({ studentId: entry.studentId, source: 'screening', categories: ['crisis'], crisis: crisisDetails });
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
        tier={TIER_OF_PRIORITY[entry.priority]}
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
