import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import type { Role } from '../../../../shared/api/define';
import { counselShell, type CounselShell } from '../../lib/counselShell';
import { useNav } from '../../stores/nav';

/**
 * Runs `check` now and whenever the system hands the app another district package (a .crpkg
 * double-clicked in the file manager). Electron only: a plain browser has no such door. The check
 * is kept current without re-subscribing, so it always sees the latest page state.
 */
export function useOpenedPackages(check: (shell: CounselShell) => void): void {
  const latest = useRef(check);
  useEffect(() => {
    latest.current = check;
  });
  useEffect(() => {
    const shell = counselShell();
    if (!shell) return;
    const run = () => latest.current(shell);
    run();
    return shell.onPackageOpened(run);
  }, []);
}

/** Whether a role may import packages: the dispatcher's own list, so the two cannot disagree. */
export function mayImportPackages(role: Role): boolean {
  return (contract['district.import'].roles as readonly Role[]).includes(role);
}

/**
 * In the unlocked shell, for every role: a district officer is taken to the district page, which
 * imports the package; anyone else is told why it was not opened, and the queue is emptied unread.
 */
export function OpenedPackageNotice({ role }: { role: Role }) {
  const { t } = useTranslation();
  const goTo = useNav((s) => s.goTo);
  const [refused, setRefused] = useState<string[]>([]);
  useOpenedPackages((shell) => {
    if (mayImportPackages(role)) {
      void shell.pendingPackages().then((names) => names.length > 0 && goTo('district'), () => undefined);
      return;
    }
    void shell.dismissPackages().then((names) => names.length > 0 && setRefused(names), () => undefined);
  });
  if (refused.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable
      onClose={() => setRefused([])}
      title={t('district.opened.refusedTitle')}
      description={t('district.opened.refused', { names: refused.join(t('common.listSeparator')) })}
      style={{ marginBottom: 16 }}
    />
  );
}
