import { Alert, App, Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { useClientSources } from '../../lib/clientSources';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { AddToWaitlistModal } from './AddToWaitlistModal';
import { BookingModal, type NewBooking, type WaitlistItem } from './BookingModal';
import { ClientName } from './ClientFields';
import { AppDrawer } from '../../components/AppDrawer';

const listWaitlist = () => api.waitlist.list({});

interface WaitlistProps {
  /** Where a booking from the list starts; the counselor moves it in the booking dialog. */
  slot(): NewBooking;
  /** False while the schedule has no slot to offer yet. */
  canBook: boolean;
  onBooked(): void;
}

/**
 * 候补名单: clients waiting for a slot, oldest first. 预约 books one in the usual dialog and takes
 * them off the list with the booking; 移出 takes them off without one.
 */
export function Waitlist({ slot, canBook, onBooked }: WaitlistProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const sources = useClientSources();
  const shown = useShownName();
  const formatInstant = useFormatInstant();
  const call = useCall(listWaitlist, {});
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [booking, setBooking] = useState<NewBooking | null>(null);
  const items = call.data?.items ?? [];

  const remove = (w: WaitlistItem) =>
    void modal.confirm({
      title: t('schedule.waitlist.removeTitle', { client: shown(w.clientLabel) }),
      okText: t('schedule.waitlist.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.waitlist.remove({ id: w.id });
          void message.success(t('schedule.waitlist.removed'));
        } catch (err) {
          void message.error(errorMessage(err));
        } finally {
          // Refused or not, the list may have changed: an entry booked or removed meanwhile is gone.
          call.reload();
        }
      },
    });

  const changed = () => {
    setAdding(false);
    setBooking(null);
    call.reload();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('schedule.waitlist.button', { count: items.length })}</Button>
      <AppDrawer
        open={open}
        onClose={() => setOpen(false)}
        size={560}
        title={t('schedule.waitlist.title')}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('schedule.waitlist.add')}
          </Button>
        }
      >
        {call.error !== undefined && <Alert type="error" showIcon title={errorMessage(call.error)} />}
        {!call.data && call.error === undefined && <Spin />}
        {call.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schedule.waitlist.none')} />}
        <Flex vertical gap="small" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((w) => (
            <li key={w.id}>
              <Card
                size="small"
                title={
                  <Flex gap="small" align="center" wrap>
                    <ClientName client={w} />
                    <Tag color="blue">{sources.label(w.source)}</Tag>
                  </Flex>
                }
                extra={
                  <Flex gap="small">
                    <Button type="primary" size="small" disabled={!canBook} onClick={() => setBooking({ ...slot(), waitlist: w })}>
                      {t('schedule.booking.book')}
                    </Button>
                    <Button danger size="small" onClick={() => remove(w)}>
                      {t('schedule.waitlist.remove')}
                    </Button>
                  </Flex>
                }
              >
                <Flex vertical gap={4}>
                  {w.preference && <Typography.Text>{t('schedule.waitlist.canCome', { preference: w.preference })}</Typography.Text>}
                  {w.notes && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: w.notes }}>
                      {w.notes}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">{t('schedule.waitlist.since', { date: formatInstant(w.addedAt, 'YYYY-MM-DD HH:mm') })}</Typography.Text>
                </Flex>
              </Card>
            </li>
          ))}
        </Flex>
        <AddToWaitlistModal open={adding} onClose={() => setAdding(false)} onAdded={changed} />
        <BookingModal
          target={booking}
          onClose={() => setBooking(null)}
          onSaved={() => {
            changed();
            onBooked();
          }}
        />
      </AppDrawer>
    </>
  );
}
