import { useEffect, useRef } from 'react';

/**
 * Moves focus to the h1 inside the returned element whenever `where` changes (and on mount): after
 * login, unlock or a navigation, a screen reader then starts at the new page's title and Tab goes
 * on from there. Pages that load first show their h1 later, so it is watched for until it appears.
 * Focus already inside the page (a field that focuses itself, like the login's user name) or in a
 * dialog is left where it is.
 */
export function useFocusTitle(where: string) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const focusTitle = () => {
      const h1 = root.querySelector<HTMLElement>('h1');
      if (!h1) return false;
      const active = document.activeElement;
      const busy = active !== null && active !== document.body && (root.contains(active) || active.closest('.ant-modal, .ant-drawer') !== null);
      if (!busy) h1.focus({ preventScroll: true });
      return true;
    };
    if (focusTitle()) return;
    const watcher = new MutationObserver(() => {
      if (focusTitle()) watcher.disconnect();
    });
    watcher.observe(root, { childList: true, subtree: true });
    return () => watcher.disconnect();
  }, [where]);
  return ref;
}
