import { describe, expect, it } from 'vitest';
import { defaultDemoDir } from '../../electron/platform/demo-folder';
import { defaultUserDataDir } from '../../electron/platform/user-data-dir';

describe('the archive folder', () => {
  it('keeps Windows archives in local AppData, off roaming profiles', () => {
    expect(defaultUserDataDir({ LOCALAPPDATA: 'C:\\Users\\w\\AppData\\Local', APPDATA: 'C:\\Users\\w\\AppData\\Roaming' }, 'win32')).toMatch(/AppData.Local.CounselRoom$/);
  });
  it('follows XDG on Linux', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/home/w/.config' }, 'linux')).toBe('/home/w/.config/CounselRoom');
  });
  it('puts the demo school beside the archive folder, never inside it', () => {
    expect(defaultDemoDir({ XDG_CONFIG_HOME: '/home/w/.config' }, 'linux')).toBe('/home/w/.config/CounselRoom-demo');
    expect(defaultDemoDir({ LOCALAPPDATA: 'C:\\Users\\w\\AppData\\Local' }, 'win32')).toMatch(/AppData.Local.CounselRoom-demo$/);
  });
});
