import { contract, type MethodName } from '../../../../shared/api/contract';
import type { Role } from '../../../../shared/api/define';
import type { Opened } from '../../stores/nav';

export type PageId = 'compliance' | 'complianceEvidence' | 'roster' | 'caseload' | 'crisis' | 'administer' | 'library' | 'campaigns' | 'schedule' | 'rooms' | 'groups' | 'training' | 'search' | 'trash' | 'overview' | 'users' | 'audit' | 'settings' | 'statistics' | 'districtExport' | 'district';

/** The menu's groups, in menu order, by what the counselor is doing; a group without pages for a role is not shown. */
export const GROUPS = ['desk', 'students', 'assessment', 'groupwork', 'reports', 'admin'] as const;
export type GroupId = (typeof GROUPS)[number];

interface PageSpec {
  id: PageId;
  group: GroupId;
  /** The method the page cannot work without: its roles decide who sees the page. */
  needs: MethodName;
  /** Narrower than the method's roles, when another page already serves the rest. */
  only?: readonly Role[];
  /** The roles that land here after login (otherwise a role lands on the first page of its menu). */
  landing?: readonly Role[];
  /** Whether the menu shows a line under the label on what the page is for (nav.hint.<id>). */
  hint?: true;
}

// One line per page; within a group, pages keep this order.
const PAGES: readonly PageSpec[] = [
  // A principal lands on the compliance checklist, beside the counts-only overview; a counselor on
  // 我的个案, where open alerts, today's appointments, unsigned records and, while the archive is
  // new, the getting-started list wait, with the crisis board next to it.
  { id: 'compliance', group: 'desk', needs: 'compliance.start', landing: ['principal'] },
  { id: 'overview', group: 'desk', needs: 'students.summary', only: ['principal'] },
  { id: 'caseload', group: 'desk', needs: 'caseload.mine', landing: ['counselor'] },
  { id: 'crisis', group: 'desk', needs: 'crisis.board' },
  { id: 'schedule', group: 'desk', needs: 'appointments.list' },
  { id: 'roster', group: 'students', needs: 'students.list' },
  { id: 'search', group: 'students', needs: 'search.notes' },
  { id: 'administer', group: 'assessment', needs: 'assessments.start', hint: true },
  // A principal gets the counts-only summary of each screening (campaigns.summary), never the lists.
  { id: 'campaigns', group: 'assessment', needs: 'campaigns.summary', hint: true },
  // Needs the import, not the list: the library is where definitions come in.
  { id: 'library', group: 'assessment', needs: 'scales.import', hint: true },
  { id: 'groups', group: 'groupwork', needs: 'groups.list' },
  { id: 'training', group: 'groupwork', needs: 'training.totals' },
  { id: 'statistics', group: 'reports', needs: 'statistics.period' },
  { id: 'districtExport', group: 'reports', needs: 'district.exportPackage' },
  // District mode lands here: its officer reads figures across schools, never a school's records.
  { id: 'district', group: 'desk', needs: 'district.dashboard' },
  { id: 'rooms', group: 'admin', needs: 'rooms.list' },
  { id: 'users', group: 'admin', needs: 'users.list' },
  { id: 'audit', group: 'admin', needs: 'audit.list' },
  { id: 'trash', group: 'admin', needs: 'trash.list' },
  // A counselor prepares evidence for the principal's checklist.
  { id: 'complianceEvidence', group: 'admin', needs: 'compliance.addEvidence', only: ['counselor'] },
  { id: 'settings', group: 'admin', needs: 'settings.get' },
];

const SPEC = new Map(PAGES.map((p) => [p.id, p]));

function visible(p: PageSpec, role: Role): boolean {
  return (contract[p.needs].roles as readonly Role[]).includes(role) && (p.only ?? [role]).includes(role);
}

/** The menu of a role, grouped: only pages whose data the dispatcher will hand to that role. */
export function menuFor(role: Role): { group: GroupId; pages: { id: PageId; hint: boolean }[] }[] {
  return GROUPS.map((group) => ({
    group,
    pages: PAGES.filter((p) => p.group === group && visible(p, role)).map((p) => ({ id: p.id, hint: p.hint === true })),
  })).filter((g) => g.pages.length > 0);
}

/** A role's pages in menu order. */
export function pagesFor(role: Role): PageId[] {
  return menuFor(role).flatMap((g) => g.pages.map((p) => p.id));
}

/** Where a role lands after login. */
export function landingFor(role: Role): PageId {
  const pages = pagesFor(role);
  return pages.find((id) => SPEC.get(id)?.landing?.includes(role)) ?? pages[0] ?? 'settings';
}

// The menu entry an opened view belongs to, so the menu shows where one is, not where one came from.
const OPENED_IN: Record<Opened['kind'], PageId> = {
  case: 'caseload',
  record: 'caseload',
  contact: 'caseload',
  archive: 'roster',
  group: 'groups',
  campaign: 'campaigns',
};

/** The menu entry to highlight: the opened view's own page when the role has it, else the page shown. */
export function currentPage(role: Role, page: PageId, opened: Opened | undefined): PageId {
  const home = opened ? OPENED_IN[opened.kind] : page;
  return pagesFor(role).includes(home) ? home : page;
}
