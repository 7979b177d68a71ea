import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../../../shared/api/session';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const recoveryKeyField = sessionApi['auth.checkRecoveryKey'].input.shape.recoveryKey;

/** The width of a dialog or panel holding the field, so a whole typed key stays in view. */
export const KEY_FRAME_WIDTH = 600;

/** The recovery key typed from paper: monospaced and upper case as printed, never autocompleted. */
export function RecoveryKeyField({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="recoveryKey" label={t('setup.recovery.input')} rules={[zodRule(recoveryKeyField)]}>
      <Input className="recovery-key-input" autoComplete="off" spellCheck={false} maxLength={maxLengthOf(recoveryKeyField)} autoFocus={autoFocus} />
    </Form.Item>
  );
}
