import { packageFilesOf } from '../../../../shared/domain/district-package';

/**
 * A folder picked in the browser lists every file under it: the packages are its own `*.crpkg`
 * files (not those of subfolders), in name order, as the command line takes a folder.
 */
export function folderPackages(files: readonly File[]): File[] {
  return packageFilesOf(
    files.filter((f) => f.webkitRelativePath.split('/').length === 2),
    (f) => f.name,
  );
}

/** The folder picker: Chromium's directory attribute, which React's typings do not list. */
export const FOLDER_PICKER = { webkitdirectory: '', directory: '' } as Record<string, string>;

