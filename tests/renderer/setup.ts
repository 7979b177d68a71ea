import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every findBy/waitFor waits for a condition, so a long ceiling costs nothing when the app is quick
// and keeps a loaded machine (two cores shared with other work) from failing a test that is right.
// Set once here: no test picks its own, shorter wait. A full run writes heavily beside the renderer
// tests (crash injection, backups, e2e), and an answer that waits on a file's fsync (a failed
// recovery is recorded in the key-slot file) has taken longer than 20 s there.
export const UI_WAIT_MS = 60_000;
configure({ asyncUtilTimeout: UI_WAIT_MS });

// jsdom lacks the layout APIs antd asks for; these stand-ins answer "no match / no size",
// except that this "user" prefers reduced motion: jsdom claims CSS animation support but never
// fires animationend/transitionend, so antd's exit animations (a button's loading icon) would
// never finish. The app turns antd's motion off for that preference, as it does for real users.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: query.includes('prefers-reduced-motion: reduce'),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'); jsdom does not do pseudo-elements.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// jsdom computes a style by matching every rule of every sheet against the element, and antd
// injects ~1,700 rules: a role query, which checks the visibility of every candidate and its
// ancestors, took seconds on a busy page. jsdom does no layout, so of all those declarations only
// the ones that decide what a user can see or reach change anything a test observes: display and
// visibility (role queries, accessible names), pointer-events (user-event refuses such clicks) and
// content. antd's sheets are cut down to those as they arrive; a style read before that is merely slower.
const OBSERVABLE = new Set(['display', 'visibility', 'pointer-events', 'content']);
function keepObservable(rules: CSSRuleList, owner: CSSStyleSheet | CSSGroupingRule): void {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule instanceof CSSStyleRule) {
      const style = rule.style;
      const others = Array.from({ length: style.length }, (_, k) => style.item(k)).filter((p) => !OBSERVABLE.has(p));
      if (others.length === style.length) owner.deleteRule(i);
      else for (const property of others) style.removeProperty(property);
    } else if (rule instanceof CSSGroupingRule) {
      keepObservable(rule.cssRules, rule);
    }
  }
}
const trimmed = new WeakSet<CSSStyleSheet>();
function trimSheets(): void {
  for (const sheet of Array.from(document.styleSheets)) {
    if (trimmed.has(sheet)) continue;
    trimmed.add(sheet);
    keepObservable(sheet.cssRules, sheet);
  }
}
new MutationObserver(trimSheets).observe(document.head, { childList: true, subtree: true, characterData: true });

if (!('ResizeObserver' in window)) {
  (window as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
