import { Menu, type MenuItemConstructorOptions } from 'electron';

/** 文件/编辑/视图/帮助 with standard roles; reload and devtools only in development. */
export function buildMenuTemplate(options: { devTools: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (options.devTools) {
    view.push({ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  return [
    // macOS puts Quit in the application menu, so its 文件 menu only closes the window.
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: '文件', submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ role: 'about', label: '关于 CounselRoom' }] },
  ];
}

export function installMenu(devTools: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ devTools, platform: process.platform })));
}
