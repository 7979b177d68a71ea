// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import i18n from '../../../renderer/src/i18n';
import { startupEn } from '../../../shared/i18n/startup.en';
import { startupZhCN } from '../../../shared/i18n/startup.zh-CN';
import { label, openApp, TEST_PASSPHRASE } from '../harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The modules the first screen is built from (App.tsx imports them statically), which may use start-up keys only. */
const STARTUP_MODULES = [
  'renderer/src/App.tsx',
  'renderer/src/components/CenteredPanel.tsx',
  'renderer/src/features/auth/LoginScreen.tsx',
  'renderer/src/features/auth/LockScreen.tsx',
  'renderer/src/features/auth/PassphraseForm.tsx',
  'renderer/src/components/PassphraseInput.tsx',
  'renderer/src/features/auth/useRetryCountdown.ts',
  'renderer/src/features/shell/DemoBanner.tsx',
  'renderer/src/lib/errors.ts',
  'renderer/src/lib/zodForm.ts',
  'renderer/src/api/transport.ts',
  'renderer/src/api/client.ts',
];

function flatten(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v as object, `${prefix}${k}.`)));
}

test('every key the first screen asks for is in the start-up catalog, in both languages', () => {
  const startup = new Set(flatten(startupZhCN));
  expect(flatten(startupEn).sort()).toEqual([...startup].sort());
  const used = STARTUP_MODULES.flatMap((file) =>
    // Literal keys, and for a key built at run time (errors.field.${key}) its fixed start.
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/['"`]((?:app|login|lock|recover|errors|backup|setup|common|nav|shell)\.[A-Za-z0-9_.]*?)(?:\$\{|['"`])/g)].map((m) => [m[1]!, file] as const),
  );
  expect(used.length).toBeGreaterThan(20);
  const missing = used.filter(([key]) => (key.endsWith('.') ? ![...startup].some((k) => k.startsWith(key)) : !startup.has(key)));
  expect(missing.map(([key, file]) => `${key} (${file})`)).toEqual([]);
});

test('a fresh window shows the login screen in Chinese from the start-up catalog; the app after login has its full texts', async () => {
  const { core, user } = await openApp({ setup: true, startupCatalogOnly: true });
  await core.client.auth.logout({});
  // Nothing beyond the start-up catalog yet: the page texts have not been loaded.
  expect(i18n.exists('nav.caseload')).toBe(false);
  expect(i18n.exists('login.title')).toBe(true);

  await user.type(await screen.findByLabelText('用户名'), 'wanglaoshi');
  await user.type(screen.getByLabelText('口令'), 'not the passphrase');
  await user.click(screen.getByRole('button', { name: label('登录') }));
  // A login's error is worded from the start-up catalog too.
  expect(await screen.findByRole('alert')).toHaveTextContent('用户名或口令不正确');

  await user.clear(screen.getByLabelText('口令'));
  await user.type(screen.getByLabelText('口令'), TEST_PASSPHRASE);
  await user.click(await screen.findByRole('button', { name: label('登录') }));
  // The shell waits for the full catalog, so its first render already reads in Chinese.
  expect(await screen.findByRole('menuitem', { name: '我的个案' })).toBeInTheDocument();
  expect(i18n.exists('nav.caseload')).toBe(true);
  expect(document.body.textContent).not.toMatch(/\b(nav|shell|caseload|gettingStarted)\.[a-z]/);
});
