/**
 * antd leaves a newly opened drawer's focus on its focus guard, an invisible element before the
 * panel: a keyboard user starts from nowhere they can see. Once the drawer is open, focus goes to
 * its first field (a form drawer), or else to its visible 关闭 button (a drawer that shows details).
 * For Drawer's afterOpenChange.
 */
export function focusDrawerStart(open: boolean): void {
  if (!open) return;
  const drawer = [...document.querySelectorAll<HTMLElement>('.ant-drawer-open .ant-drawer-section, .ant-drawer-open .ant-drawer-content')].at(-1);
  const target =
    drawer?.querySelector<HTMLElement>('.ant-drawer-body :is(input, textarea):not([disabled]):not([type="hidden"]):not([readonly])') ??
    drawer?.querySelector<HTMLElement>('.ant-drawer-close');
  target?.focus();
}
