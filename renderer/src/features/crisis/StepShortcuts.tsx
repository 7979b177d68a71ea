import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisDetail, StepView } from '../../../../shared/api/crisis';
import { AdministerButton } from '../assessments/AdministerButton';
import { BookTalkModal } from '../schedule/BookTalkModal';
import type { EntryTarget } from './EntryModal';

/** 预约下次干预: the schedule's own booking dialog (room, time, clash and opening checks) for the student, linked to the case. */
function BookNextButton({ crisis, onBooked }: { crisis: CrisisDetail; onBooked(): void }) {
  const { t } = useTranslation();
  const [booking, setBooking] = useState(false);
  return (
    <>
      <Button size="small" type="primary" onClick={() => setBooking(true)}>
        {t('crisis.case.bookAppointment')}
      </Button>
      <BookTalkModal
        student={booking ? { id: crisis.studentId, name: crisis.studentName } : null}
        crisisCaseId={crisis.caseId}
        onClose={() => setBooking(false)}
        onBooked={() => {
          setBooking(false);
          onBooked();
        }}
      />
    </>
  );
}

/**
 * What a step starts from itself, besides 添加记录: a form for the student (测评建档, through the
 * archive's own 开始施测), the next session (积极干预, through the schedule's booking dialog), a
 * supporter from the register and their reports (同伴跟防). Forms and bookings come back linked to
 * the case, so onLinked reads it again.
 */
export function StepShortcuts({ crisis, step, onEntry, onLinked }: { crisis: CrisisDetail; step: StepView; onEntry(target: EntryTarget): void; onLinked(): void }) {
  const { t } = useTranslation();
  if (step.step === 'assess') return <AdministerButton studentId={crisis.studentId} crisisCaseId={crisis.caseId} size="small" onChanged={onLinked} />;
  if (step.step === 'intervention') return <BookNextButton crisis={crisis} onBooked={onLinked} />;
  if (step.step !== 'peer') return null;
  const anyAssigned = crisis.entries.some((e) => e.kind === 'peerAssigned');
  return (
    <>
      <Button size="small" type="primary" onClick={() => onEntry({ step: 'peer', kind: 'peerAssigned' })}>
        {t('crisis.case.assignPeer')}
      </Button>
      <Button size="small" disabled={!anyAssigned} onClick={() => onEntry({ step: 'peer', kind: 'peerReport' })}>
        {t('crisis.case.addPeerReport')}
      </Button>
    </>
  );
}
