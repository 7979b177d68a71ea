import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A passphrase field whose show/hide eye is named in the user's language: antd names the icon
 * after itself ("eye-invisible"), which a screen reader reads out in English.
 */
export function PassphraseInput(props: ComponentProps<typeof Input.Password>) {
  const { t } = useTranslation();
  return (
    <Input.Password
      iconRender={(visible) => (visible ? <EyeOutlined aria-label={t('login.hidePassphrase')} /> : <EyeInvisibleOutlined aria-label={t('login.showPassphrase')} />)}
      {...props}
    />
  );
}
