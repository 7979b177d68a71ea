/**
 * Errors in a long dialog: at 1366×768 a dialog can be taller than the window, and an error shown
 * below (or above) what is in view reads as a button that did nothing. The first error is scrolled
 * to the middle of the window and given the focus, so a keyboard or screen-reader user lands on it too.
 */

/** antd's scrollToFirstError / scrollToField options for that (set for every form in AppProviders). */
export const FIRST_ERROR = { block: 'center', focus: true } as const;

/**
 * A ref callback for an error block that appears on its own (a clash list, a refusal with no field):
 * brought into view and focused when it mounts. The element needs tabIndex={-1} to take the focus.
 */
export function revealOnMount(element: HTMLElement | null): void {
  if (!element) return;
  // jsdom has no layout and no scrollIntoView; a browser always has it.
  element.scrollIntoView?.({ block: 'center' });
  element.focus({ preventScroll: true });
}
