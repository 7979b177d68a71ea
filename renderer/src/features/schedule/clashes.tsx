import { Alert, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { revealOnMount } from '../../lib/revealError';
import { z } from 'zod';
import { clashDetail, type ClashDetail } from '../../../../shared/api/appointments';
import { useShownName } from '../../components/PersonName';
import { toApiError } from '../../lib/errors';
import { useScheduleLabels } from './labels';

const clashList = z.array(clashDetail);

/** The appointments a booking or a move clashes with, when that is why the core refused it. */
export function clashesOf(err: unknown): ClashDetail[] | null {
  const error = toApiError(err);
  if (error.code !== 'CONFLICT' || error.messageKey !== 'errors.appointment.conflict') return null;
  const parsed = clashList.safeParse(error.details);
  return parsed.success ? parsed.data : [];
}

/** The core refused because the room is not open then; the counselor may book anyway. */
export function isOutsideOpening(err: unknown): boolean {
  const error = toApiError(err);
  return error.code === 'CONFLICT' && error.messageKey === 'errors.appointment.outsideOpening';
}

/** Every clashing appointment, named: date, time, room, counselor, client and what they share. */
export function ClashList({ clashes, title, onClose }: { clashes: readonly ClashDetail[]; title?: string; onClose?(): void }) {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  const shown = useShownName();
  return (
    // In a long dialog the list appears below the fold: brought into view and focused (revealOnMount).
    <div ref={revealOnMount} tabIndex={-1}>
      <Alert
        type="error"
        showIcon
        closable={onClose ? { onClose } : false}
        title={title ?? t('schedule.clash.title', { count: clashes.length })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {clashes.map((c) => (
              <li key={`${c.path}:${c.appointmentId}`}>
                <Flex gap={6} wrap align="center">
                  <span>
                    {t('schedule.clash.line', {
                      date: c.date,
                      start: c.start,
                      end: c.end,
                      room: c.roomName ?? t('schedule.booking.noRoom'),
                      counselor: c.counselorName,
                      client: shown(c.clientLabel),
                    })}
                  </span>
                  {c.reasons.map((r) => (
                    <Tag key={r} color="red">
                      {labels.label('clashReason', r)}
                    </Tag>
                  ))}
                </Flex>
              </li>
            ))}
          </ul>
        }
      />
    </div>
  );
}
