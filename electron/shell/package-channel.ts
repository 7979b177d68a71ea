/**
 * The doors for district packages the operating system hands to the app (a double-click on a
 * .crpkg file). Like the kiosk toggle they concern the window, not the archive: the page asks for
 * the queued packages on the first and hears of a new one on the second; the import itself is the
 * contract's district.import. Shared by the preload and the main process.
 */
export const OPENED_PACKAGES_CHANNEL = 'shell:opened-packages';
export const PACKAGE_OPENED_EVENT = 'shell:package-opened';

/** pending: the queued names (nothing read); take: their bytes, emptying the queue; dismiss: empty it unread. */
export const OPENED_PACKAGE_ACTIONS = ['pending', 'take', 'dismiss'] as const;
export type OpenedPackageAction = (typeof OPENED_PACKAGE_ACTIONS)[number];
