import { Alert, Badge, Button, Flex, Layout, Menu, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState, type ComponentType, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/session';
import { PrivacyMaskSwitch } from '../../components/PrivacyMaskSwitch';
import { errorMessage } from '../../lib/errors';
import { useRoster } from '../../stores/roster';
import { useSession } from '../../stores/session';
import { useNav, type Opened } from '../../stores/nav';
import { useSettings } from '../../stores/settings';
import { useIdleLock } from '../auth/useActivity';
import { RecoveryKeyBanner } from '../recovery/RecoveryKeyBanner';
import { OpenedPackageNotice } from '../district/openedPackages';
import { AlertBanner } from '../assessments/AlertBanner';
import { useAlertPolling } from '../assessments/useAlertPolling';
import { useOpenAlerts } from '../../stores/alerts';
import { contract } from '../../../../shared/api/contract';
import { currentPage, landingFor, menuFor, type PageId } from './pages';
import { useFocusTitle } from '../../components/useFocusTitle';

// Each page is its own chunk, loaded when first opened: the login screen waits for none of them,
// and the spreadsheet, chart and calendar libraries come only with the pages that use them.
const lazyView = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));

const ArchivePage = lazyView(() => import('../archive/ArchivePage').then((m) => m.ArchivePage));
const ContactPage = lazyView(() => import('../archive/ContactPage').then((m) => m.ContactPage));
const CampaignPage = lazyView(() => import('../campaigns/CampaignPage').then((m) => m.CampaignPage));
const CampaignsPage = lazyView(() => import('../campaigns/CampaignsPage').then((m) => m.CampaignsPage));
const AdministerPage = lazyView(() => import('../assessments/AdministerPage').then((m) => m.AdministerPage));
const ScaleLibraryPage = lazyView(() => import('../assessments/library/ScaleLibraryPage').then((m) => m.ScaleLibraryPage));
const CaseloadPage = lazyView(() => import('../caseload/CaseloadPage').then((m) => m.CaseloadPage));
const CasePage = lazyView(() => import('../cases/CasePage').then((m) => m.CasePage));
const ProgramPage = lazyView(() => import('../groups/ProgramPage').then((m) => m.ProgramPage));
const GroupsPage = lazyView(() => import('../groups/GroupsPage').then((m) => m.GroupsPage));
const RecordPage = lazyView(() => import('../records/RecordPage').then((m) => m.RecordPage));
const SearchPage = lazyView(() => import('../search/SearchPage').then((m) => m.SearchPage));
const AuditPage = lazyView(() => import('../audit/AuditPage').then((m) => m.AuditPage));
const OverviewPage = lazyView(() => import('../overview/OverviewPage').then((m) => m.OverviewPage));
const RoomsPage = lazyView(() => import('../rooms/RoomsPage').then((m) => m.RoomsPage));
const RosterArea = lazyView(() => import('../roster/RosterArea').then((m) => m.RosterArea));
const SchedulePage = lazyView(() => import('../schedule/SchedulePage').then((m) => m.SchedulePage));
const SettingsPage = lazyView(() => import('../settings/SettingsPage').then((m) => m.SettingsPage));
const TrashPage = lazyView(() => import('../trash/TrashPage').then((m) => m.TrashPage));
const TrainingPage = lazyView(() => import('../training/TrainingPage').then((m) => m.TrainingPage));
const UsersPage = lazyView(() => import('../users/UsersPage').then((m) => m.UsersPage));
const CrisisBoardPage = lazyView(() => import('../crisis/CrisisBoardPage').then((m) => m.CrisisBoardPage));
const CompliancePage = lazyView(() => import('../compliance/CompliancePage').then((m) => m.CompliancePage));
const StatisticsPage = lazyView(() => import('../statistics/StatisticsPage').then((m) => m.StatisticsPage));
const DistrictExportPage = lazyView(() => import('../district/DistrictExportPage').then((m) => m.DistrictExportPage));
const DistrictPage = lazyView(() => import('../district/DistrictPage').then((m) => m.DistrictPage));

const PAGE_VIEWS: Record<PageId, () => ReactNode> = {
  roster: () => <RosterArea />,
  overview: () => <OverviewPage />,
  users: () => <UsersPage />,
  audit: () => <AuditPage />,
  settings: () => <SettingsPage />,
  caseload: () => <CaseloadPage />,
  crisis: () => <CrisisBoardPage />,
  schedule: () => <SchedulePage />,
  rooms: () => <RoomsPage />,
  groups: () => <GroupsPage />,
  campaigns: () => <CampaignsPage />,
  administer: () => <AdministerPage />,
  library: () => <ScaleLibraryPage />,
  training: () => <TrainingPage />,
  compliance: () => <CompliancePage />,
  complianceEvidence: () => <CompliancePage />,
  search: () => <SearchPage />,
  trash: () => <TrashPage />,
  statistics: () => <StatisticsPage />,
  districtExport: () => <DistrictExportPage />,
  district: () => <DistrictPage />,
};

/** What an opened case, record, contact or archive shows in place of the page. */
function OpenedView({ target }: { target: Opened }) {
  switch (target.kind) {
    case 'case':
      return <CasePage id={target.id} />;
    case 'record':
      return <RecordPage id={target.id} />;
    case 'contact':
      return <ContactPage id={target.id} />;
    case 'archive':
      return <ArchivePage studentId={target.studentId} />;
    case 'group':
      return <ProgramPage id={target.id} />;
    case 'campaign':
      return <CampaignPage id={target.id} />;
  }
}

/** The menu: groups by what the counselor is doing, the current page highlighted, arrow keys move within it. */
function activateOnSpace(e: KeyboardEvent<HTMLElement>) {
  const item = e.target as HTMLElement;
  if (e.key !== ' ' || item.getAttribute('role') !== 'menuitem') return;
  e.preventDefault();
  item.click();
}

function ShellMenu({ role, page, onGo }: { role: UserView['role']; page: PageId; onGo(id: PageId): void }) {
  const { t } = useTranslation();
  const openAlertCount = useOpenAlerts((s) => s.items?.length ?? 0);
  const label = (id: PageId, hint: boolean) => {
    const text = hint ? (
      <span className="shell-menu-entry">
        <span>{t(`nav.${id}`)}</span>
        {/* Read as the entry's description, not as part of its name. */}
        <span id={`nav-hint-${id}`} className="shell-menu-hint" aria-hidden>
          {t(`nav.hint.${id}`)}
        </span>
      </span>
    ) : (
      t(`nav.${id}`)
    );
    if (id !== 'caseload' || openAlertCount === 0) return text;
    return (
      <Flex align="center" justify="space-between" gap="small">
        <span>{text}</span>
        <Badge count={openAlertCount} aria-label={t('assessments.alerts.badge', { count: openAlertCount })} data-testid="alert-badge" />
      </Flex>
    );
  };
  return (
    // Space opens the item under focus as Enter does (WAI-ARIA menu pattern); the menu alone lets it scroll the page.
    <nav aria-label={t('shell.menu')} onKeyDown={activateOnSpace}>
      <Menu
        className="shell-menu"
        mode="inline"
        selectedKeys={[page]}
        items={menuFor(role).map(({ group, pages }) => ({
          type: 'group' as const,
          key: `group-${group}`,
          label: t(`nav.group.${group}`),
          children: pages.map(({ id, hint }) => ({ key: id, label: label(id, hint), ...(hint ? { 'aria-describedby': `nav-hint-${id}` } : {}) })),
        }))}
        onClick={({ key }) => onGo(key as PageId)}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}

/** The unlocked app: menu by role, header with lock and privacy mask, one page at a time. */
export function AppShell({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const chosen = useNav((s) => s.page);
  const page = chosen ?? landingFor(user.role);
  const settings = useSettings((s) => s.settings);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const opened = useNav((s) => s.stack.at(-1));
  // Open alerts are a counselor's: the dispatcher would refuse the list to anyone else.
  const seesAlerts = (contract['alerts.open'].roles as readonly string[]).includes(user.role);
  useIdleLock();
  useAlertPolling(seesAlerts);
  const goTo = useNav((s) => s.goTo);

  useEffect(() => {
    useSettings
      .getState()
      .load()
      .catch((err: unknown) => setLoadFailure(errorMessage(err)));
    // Locking or logging out unmounts the shell: drop what it held in memory.
    return () => {
      useSettings.getState().clear();
      useRoster.getState().reset();
      useNav.getState().leave();
    };
  }, []);

  const main = useFocusTitle(JSON.stringify([page, opened]));
  const focusTitle = () => main.current?.querySelector<HTMLElement>('h1')?.focus();
  // Choosing the page already shown changes nothing on screen, but is still where the user asked to be.
  const go = (id: PageId) => {
    goTo(id);
    if (id === page && !opened) focusTitle();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* First in the tab order, shown only while focused. */}
      <a className="skip-link" href="#main-content" onClick={(e) => {
        e.preventDefault();
        focusTitle();
      }}>
        {t('shell.skipToMain')}
      </a>
      <Layout.Sider theme="light" width={216} style={{ borderRight: '1px solid #eef0ef' }}>
        {/* The app's name, not a heading: the page's title is the one h1. */}
        <Typography.Text strong style={{ display: 'block', padding: '18px 20px 8px', fontSize: 16 }}>
          {t('app.title')}
        </Typography.Text>
        <ShellMenu role={user.role} page={currentPage(user.role, page, opened)} onGo={go} />
      </Layout.Sider>
      <Layout>
        <ShellHeader user={user} schoolName={settings?.school.name ?? ''} />
        <Layout.Content id="main-content" ref={main} style={{ padding: 24 }}>
          {seesAlerts ? <AlertBanner onOpen={() => goTo('caseload')} /> : null}
          <RecoveryKeyBanner />
          <OpenedPackageNotice role={user.role} />
          {loadFailure ? (
            <Alert type="error" showIcon title={loadFailure} />
          ) : !settings ? (
            <Spin />
          ) : (
            // Keyed by what is shown: a page left while the next one loads is unmounted, not kept hidden
            // with its old data to come back stale.
            <Suspense key={opened ? JSON.stringify(opened) : page} fallback={<Spin />}>
              {opened ? <OpenedView target={opened} /> : PAGE_VIEWS[page]()}
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function ShellHeader({ user, schoolName }: { user: UserView; schoolName: string }) {
  const { t } = useTranslation();
  const lock = useSession((s) => s.lock);
  const logout = useSession((s) => s.logout);
  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #eef0ef', paddingInline: 24 }}>
      <Flex align="center" justify="space-between" style={{ height: '100%' }} gap="middle">
        <Typography.Text strong ellipsis>
          {schoolName}
        </Typography.Text>
        <Flex align="center" gap="middle">
          <Flex align="center" gap="small">
            <PrivacyMaskSwitch label={t('shell.privacyMask')} />
            <span aria-hidden>{t('shell.privacyMask')}</span>
          </Flex>
          <Typography.Text>
            {user.displayName} · {t(`domain.role.${user.role}`)}
          </Typography.Text>
          <Button onClick={() => void lock()}>{t('shell.lock')}</Button>
          <Button type="text" onClick={() => void logout()}>
            {t('shell.logout')}
          </Button>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
