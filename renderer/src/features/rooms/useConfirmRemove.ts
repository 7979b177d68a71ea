import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';

/** Asks before a removal, runs it, and reports the core's refusal; `done` follows a success. */
export function useConfirmRemove(done: () => void): (title: string, run: () => Promise<unknown>) => void {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return (title, run) =>
    void modal.confirm({
      title,
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await run();
          void message.success(t('schedule.removed'));
          done();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
}
