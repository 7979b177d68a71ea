import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/api/define';
import { sessionApi } from '../../../../shared/api/session';
import { useSession } from '../../stores/session';

/** The roles that may check the recovery key and issue a new one, straight from the contract. */
const KEY_HOLDERS: readonly Role[] = sessionApi['auth.rotateRecoveryKey'].roles;

/**
 * Whether the archive's recovery key has been typed back, as app.status reports it; null
 * when the signed-in user could do nothing about it (not a counselor), so nothing is shown.
 */
export function useRecoveryKeyConfirmed(): boolean | null {
  return useSession((s) => {
    const role = s.status?.user?.role;
    return role !== undefined && KEY_HOLDERS.includes(role) ? (s.status?.recoveryKeyConfirmed ?? null) : null;
  });
}

/** After a successful check: say so, and refresh app.status so the not-confirmed banner goes. */
export function useOnKeyConfirmed(onClose: () => void): () => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async () => {
    void message.success(t('recoveryKey.confirmed'));
    await useSession.getState().refresh();
    onClose();
  };
}
