import { Drawer, type DrawerProps } from 'antd';
import { useRef } from 'react';

/** A field a keyboard user can type into at once. */
const FIRST_FIELD = '.ant-drawer-body :is(input, textarea):not([disabled]):not([type="hidden"]):not([readonly])';

/**
 * The app's drawer. antd leaves a newly opened drawer's focus on its focus guard, an invisible
 * element before the panel, so a keyboard user starts from nowhere they can see. Once open, focus
 * goes to the first field of this drawer's own panel (a form drawer), or else to its visible 关闭
 * (a drawer that shows details); the panel is held by ref, so another drawer open underneath is
 * never the one searched.
 */
export function AppDrawer({ afterOpenChange, ...props }: DrawerProps) {
  const panel = useRef<HTMLDivElement>(null);
  const opened = (open: boolean) => {
    if (open) (panel.current?.querySelector<HTMLElement>(FIRST_FIELD) ?? panel.current?.querySelector<HTMLElement>('.ant-drawer-close'))?.focus();
    afterOpenChange?.(open);
  };
  return <Drawer {...props} panelRef={panel} afterOpenChange={opened} />;
}
