import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onTestFinished } from 'vitest';
import type { CounselTransport, MethodName } from '../../shared/api/contract';
import { setTransport } from '../../renderer/src/api/client';
import { App } from '../../renderer/src/App';
import { useRoster } from '../../renderer/src/stores/roster';
import { useSession } from '../../renderer/src/stores/session';
import { useSettings } from '../../renderer/src/stores/settings';
import { applyLanguage } from '../../renderer/src/i18n';
import { setupSchool, startTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/inproc';

export { TEST_PASSPHRASE };

/**
 * The whole app on a real core (real encrypted database in a temp folder): the UI
 * reaches it through the same client and contract as in Electron.
 * `setup: true` runs first-run setup through the contract, leaving the counselor's session
 * unlocked; `prepare` then runs on the core before the app is shown. `startupCatalogOnly` leaves the
 * texts as a fresh window has them: the start-up catalog only, the rest loading with the first page. `calls` lists, in order,
 * the methods the app sent (not those a test sends through `core.client`). `now` is the core's clock.
 * `intercept` stands between the app and the core, e.g. to fail a call as a broken archive would.
 */
export async function openApp({
  setup = false,
  prepare,
  now,
  startupCatalogOnly = false,
  intercept,
}: {
  setup?: boolean;
  prepare?: (core: TestCore) => Promise<void>;
  now?: () => number;
  startupCatalogOnly?: boolean;
  intercept?: (next: CounselTransport) => CounselTransport;
} = {}): Promise<{
  core: TestCore;
  user: ReturnType<typeof userEvent.setup>;
  calls: MethodName[];
}> {
  const core = await startTestCore(now ? { now } : {});
  const stopWatching = watchMessages();
  onTestFinished(async () => {
    stopWatching();
    cleanup();
    await core.cleanup();
  });
  if (setup) await setupSchool(core.client);
  await prepare?.(core);
  const calls: MethodName[] = [];
  const toCore = intercept ? intercept(core.transport) : core.transport;
  setTransport((method, input) => {
    calls.push(method);
    return toCore(method, input);
  });
  // Stores are module singletons: every test starts from their initial state, in Chinese (the full
  // catalog loaded, unless the test is about the start before it has).
  if (!startupCatalogOnly) await applyLanguage('zh-CN');
  useSession.setState(useSession.getInitialState(), true);
  useSettings.setState({ ...useSettings.getInitialState(), language: 'zh-CN' }, true);
  useRoster.setState(useRoster.getInitialState(), true);
  const user = userEvent.setup();
  render(<App />);
  return { core, user, calls };
}

/** A counselor lands on 我的个案: tests that begin with the roster open it from the menu. */
export async function openRoster(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await screen.findByRole('menuitem', { name: '学生名册' }));
}

/** The menu entries in `scope` by their names, in order (a hint line under an entry is its description, not its name). */
export function menuEntryNames(scope: HTMLElement): string[] {
  return within(scope)
    .getAllByRole('menuitem')
    .map((i) => i.textContent!.replace(i.querySelector('.shell-menu-hint')?.textContent ?? '', ''));
}

/** The select popup open now (the newest, if several); throws until there is one, for waitFor. */
export function openSelectPopup(): HTMLElement {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].at(-1);
  if (!open) throw new Error('no open select popup');
  return open;
}

/**
 * antd renders a Select's options in a popup: open the select by its label within `scope` and
 * pick by text. Long lists are virtualised, so a searchable select is typed into first.
 */
export async function pickOption(
  user: ReturnType<typeof userEvent.setup>,
  scope: HTMLElement,
  name: string,
  option: string,
  { search = false }: { search?: boolean } = {},
): Promise<void> {
  const select = within(scope).getByRole('combobox', { name });
  await user.click(select);
  if (search) await user.type(select, option);
  // A searched list fills in when the core answers the typed text, after the popup has opened.
  await user.click(await waitFor(() => within(openSelectPopup()).getByTitle(option)));
}

/** A button's accessible name, with or without a space between two Chinese characters (antd inserts one unless told not to). */
export function label(text: string): RegExp {
  const chars = Array.from(text).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${chars.join('\\s?')}$`);
}

/**
 * A drawer or modal by its title. (Not by accessible name: under NODE_ENV=test rc-util
 * gives every useId the same "test-id", so aria-labelledby cannot tell dialogs apart.)
 */
export function findDialog(title: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen
      .getAllByRole('dialog')
      .find((d) => within(d).queryByText(title, { selector: '.ant-drawer-title, .ant-drawer-title *, .ant-modal-title, .ant-modal-title *' }));
    if (!found) throw new Error(`no open dialog titled ${String(title)}`);
    return found;
  });
}

/** Every text antd's message toasts showed since the app was opened, in order. */
const shownMessages: string[] = [];

/** The toasts shown so far, for a failure message that says what the app said instead. */
export function toastsSoFar(): string {
  return JSON.stringify(shownMessages);
}

function watchMessages(): () => void {
  shownMessages.length = 0;
  const seen = new WeakSet<Element>();
  const note = (notice: Element) => {
    const text = notice.textContent?.trim();
    if (!text || seen.has(notice)) return;
    seen.add(notice);
    shownMessages.push(text);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element) [node, ...node.querySelectorAll('.ant-message-notice')].filter((n) => n.matches('.ant-message-notice')).forEach(note);
    document.querySelectorAll('.ant-message-notice').forEach(note);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

/**
 * A toast lasts three seconds and a busy machine can take longer than that to get to the next
 * line, so it is not looked for on the page: every toast is recorded as it appears, and this waits
 * until the expected one has been shown.
 */
export async function messageShown(text: string): Promise<void> {
  await waitFor(() => {
    const at = shownMessages.indexOf(text);
    if (at < 0) throw new Error(`no toast "${text}" yet; shown so far: ${JSON.stringify(shownMessages)}`);
    // Used up, so a second wait for the same words waits for a second toast.
    shownMessages.splice(at, 1);
  });
}
