import type { AppointmentView } from '../../../../shared/api/appointments';
import { addDays } from '../../../../shared/domain/dates';
import { api } from '../../api/client';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { BookingModal, type NewBooking } from './BookingModal';

/** How far ahead a talk is looked for in the rooms' opening hours. */
const LOOK_AHEAD_DAYS = 14;

const expandOpenings = (input: { from: string; to: string }) => api.openings.expand(input);

/**
 * 预约面谈 for one student from outside the schedule (an alert, the triage queue, a crisis case's
 * 积极干预 step, which links the booking to the case): the schedule's own booking dialog with its
 * clash and opening checks, starting at the next opening in the coming two weeks (else today at
 * eight) with the caller as counselor.
 */
export function BookTalkModal({
  student,
  crisisCaseId,
  onClose,
  onBooked,
}: {
  student: { id: string; name: string } | null;
  crisisCaseId?: string;
  onClose(): void;
  onBooked(appointment: AppointmentView): void;
}) {
  const today = useSchoolToday();
  const me = useSession((s) => s.status?.user?.id ?? '');
  const openings = useCall(expandOpenings, student ? { from: today, to: addDays(today, LOOK_AHEAD_DAYS) } : null);
  const next = openings.data?.items[0];
  // Until the openings are known the dialog waits, so its first values are the ones it keeps.
  const target: NewBooking | null =
    student && !openings.loading
      ? { kind: 'new', date: next?.date ?? today, start: next?.start ?? '08:00', end: next?.end ?? '08:45', roomId: next?.roomId ?? null, counselorId: me, student, ...(crisisCaseId ? { crisisCaseId } : {}) }
      : null;
  return <BookingModal target={target} onClose={onClose} onSaved={([first]) => first && onBooked(first)} />;
}
