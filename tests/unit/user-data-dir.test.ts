import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../electron/platform/user-data-dir';

describe('the archive folder', () => {
  it('keeps Windows archives in local AppData, off roaming profiles', () => {
    expect(defaultUserDataDir({ LOCALAPPDATA: 'C:\\Users\\w\\AppData\\Local', APPDATA: 'C:\\Users\\w\\AppData\\Roaming' }, 'win32')).toMatch(/AppData.Local.CounselRoom$/);
  });
  it('follows XDG on Linux', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/home/w/.config' }, 'linux')).toBe('/home/w/.config/CounselRoom');
  });
});
