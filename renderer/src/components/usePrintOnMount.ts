import { useEffect } from 'react';

/**
 * Prints the page once a print view has mounted, and calls `onDone` when the print dialog has
 * closed, so the view can unmount. The print stylesheet shows only that view.
 */
export function usePrintOnMount(onDone: () => void): void {
  useEffect(() => {
    const after = () => onDone();
    window.addEventListener('afterprint', after);
    // After the portal has painted: print() blocks until the dialog closes.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', after);
    };
  }, [onDone]);
}
