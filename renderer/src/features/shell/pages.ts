import { contract, type MethodName } from '../../../../shared/api/contract';
import type { Role } from '../../../../shared/api/define';

export type PageId = 'roster' | 'caseload' | 'administer' | 'library' | 'campaigns' | 'schedule' | 'rooms' | 'groups' | 'training' | 'search' | 'trash' | 'overview' | 'users' | 'audit' | 'settings' | 'statistics' | 'districtExport' | 'district';

interface PageSpec {
  id: PageId;
  /** The method the page cannot work without: its roles decide who sees the page. */
  needs: MethodName;
  /** Narrower than the method's roles, when another page already serves the rest. */
  only?: readonly Role[];
}

const PAGES: readonly PageSpec[] = [
  // First in each role's menu is the page it lands on: a principal's counts-only overview; a
  // counselor's 我的个案, where open alerts, today's appointments and unsigned records wait.
  { id: 'overview', needs: 'students.summary', only: ['principal'] },
  { id: 'caseload', needs: 'caseload.mine' },
  { id: 'roster', needs: 'students.list' },
  { id: 'schedule', needs: 'appointments.list' },
  { id: 'groups', needs: 'groups.list' },
  { id: 'administer', needs: 'assessments.start' },
  // Needs the import, not the list: the library is where definitions come in.
  { id: 'library', needs: 'scales.import' },
  // A principal gets the counts-only summary of each screening (campaigns.summary), never the lists.
  { id: 'campaigns', needs: 'campaigns.summary' },
  { id: 'search', needs: 'search.notes' },
  { id: 'trash', needs: 'trash.list' },
  { id: 'rooms', needs: 'rooms.list' },
  { id: 'training', needs: 'training.totals' },
  { id: 'statistics', needs: 'statistics.period' },
  { id: 'districtExport', needs: 'district.exportPackage' },
  // District mode lands here: its officer reads figures across schools, never a school's records.
  { id: 'district', needs: 'district.dashboard' },
  { id: 'users', needs: 'users.list' },
  { id: 'audit', needs: 'audit.list' },
  { id: 'settings', needs: 'settings.get' },
];

/** The menu of a role: only pages whose data the dispatcher will hand to that role. */
export function pagesFor(role: Role): PageId[] {
  return PAGES.filter((p) => (contract[p.needs].roles as readonly Role[]).includes(role) && (p.only ?? [role]).includes(role)).map((p) => p.id);
}
