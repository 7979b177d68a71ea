import type { Catalog } from './zh-CN';

/** The home's getting-started list while the archive is new. */
export const gettingStarted: Catalog['gettingStarted'] = {
  title: 'Getting started',
  intro: 'A few things a new archive needs; each is ticked as soon as it is done.',
  done: 'Done',
  todo: 'To do',
  go: 'Go',
  goTo: 'Go to: {{step}}',
  dismiss: 'Hide this list',
  dismissed: 'The getting-started list is hidden; Settings can show it again',
  steps: {
    calendar: { title: 'School calendar and term', detail: 'Enter this term’s dates; the schedule and opening hours follow the calendar.', count: '{{count}} term(s) entered' },
    rooms: { title: 'Rooms and opening hours', detail: 'Register the counseling room and its weekly opening hours.', count: '{{count}} room(s) with opening hours' },
    roster: { title: 'Import the student roster', detail: 'Import students from a spreadsheet exported by the student-records system.', count: '{{count}} student(s) on the roster' },
    principal: { title: 'A principal account', detail: 'Add an account for the principal or vice principal in charge: counts only, never cases.', count: '{{count}} principal account(s)' },
    backup: { title: 'Backup', detail: 'Choose a backup folder (ideally another disk or a USB drive) and make the first backup.', count: '{{count}} backup(s) in the backup folder' },
  },
  settings: {
    title: 'Getting-started list',
    explain: 'Lists what a new archive needs at the top of My caseload.',
    show: 'Show the getting-started list again',
    shown: 'The getting-started list is shown on My caseload',
  },
};
