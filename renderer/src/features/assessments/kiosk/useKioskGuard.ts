import { useEffect, useRef } from 'react';
import { enterKioskWindow, leaveKioskWindow } from './kioskWindow';

/** Ctrl+Shift+L: the counselor's way out besides the corner button. */
const isTeacherShortcut = (e: KeyboardEvent) => e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'l';
/** Keys a browser or Electron turns into leaving the page: back, reload, close tab. */
const isEscapeKey = (e: KeyboardEvent) =>
  e.key === 'Escape' ||
  e.key === 'BrowserBack' ||
  e.key === 'F5' ||
  (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home')) ||
  ((e.ctrlKey || e.metaKey) && ['r', 'w', 'l', 't', 'n'].includes(e.key.toLowerCase()));

/**
 * While the kiosk is up the student cannot leave it: the window is full screen (kiosk mode in
 * Electron), Escape and the usual leave/reload keys do nothing, browser back lands on the kiosk
 * again, closing or reloading asks first, and the rest of the app is inert behind the overlay.
 * `marker` sits inside the app's own tree, so its top-level ancestor is what goes inert.
 */
export function useKioskGuard(marker: React.RefObject<HTMLElement | null>, onTeacher: () => void): void {
  const teacher = useRef(onTeacher);
  useEffect(() => {
    teacher.current = onTeacher;
  });

  useEffect(() => {
    enterKioskWindow();
    const appRoot = marker.current?.closest('body > *') as HTMLElement | null;
    appRoot?.setAttribute('inert', '');

    const onKeyDown = (e: KeyboardEvent) => {
      if (isTeacherShortcut(e)) teacher.current();
      else if (!isEscapeKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    // An entry of our own on top of history: back pops it, and it is put straight back.
    const hold = () => window.history.pushState({ kiosk: true }, '', window.location.href);
    hold();
    const onPopState = () => hold();
    const onContextMenu = (e: Event) => e.preventDefault();

    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    window.addEventListener('contextmenu', onContextMenu);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('contextmenu', onContextMenu);
      appRoot?.removeAttribute('inert');
      leaveKioskWindow();
    };
  }, [marker]);
}
