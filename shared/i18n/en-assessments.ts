import type { Catalog } from './zh-CN';

export const scales: Catalog['scales'] = {
  band: {
    clear: 'No concern indicated',
    watch: 'Keep an eye on',
    attention: 'Needs attention',
    review: 'Review recommended',
    priorityReview: 'Priority review recommended',
  },
};

export const assessments: Catalog['assessments'] = {
  mode: { kiosk: 'Answered on screen', paper: 'Entered from paper' },
  status: { inProgress: 'In progress', completed: 'Completed', voided: 'Voided' },
  severity: { critical: 'Critical', urgent: 'Urgent', followup: 'Follow-up' },
  action: {
    talkedNow: 'Talked with the student now',
    appointmentBooked: 'Appointment booked',
    crisisCase: 'Crisis case opened',
    referred: 'Referred',
    guardianInformed: 'Guardian informed',
    other: 'Other',
  },
  alerts: {
    title: 'Alerts to handle ({{count}})',
    none: 'No alerts to handle',
    raised: 'raised {{time}}',
    acknowledge: 'Handle',
    ackTitle: 'Handle the alert: {{name}}',
    explain: 'Record the action taken. It goes into the audit log and stays in the student’s archive.',
    action: 'Action taken',
    note: 'Note',
    done: 'Handling recorded',
    badge: '{{count}} alerts to handle',
    bannerTitle: '{{count}} critical or urgent alerts not handled yet',
    bannerItem: '{{severity}} · {{name}} · {{scale}} · raised {{time}}',
    someone: 'a student',
    bannerAction: 'Handle now',
    deferred: 'Left to handle later ({{time}})',
    crisisDone: 'Crisis case opened',
    detailTitle: 'Alert: {{scale}}',
    raisedAt: 'Raised',
    items: 'Items that raised it',
    handling: 'Handling',
    handledBy: 'Handled by {{name}} at {{time}}: {{action}}',
    notHandled: 'Not handled yet',
    openCase: 'Open the case',
  },
  prompt: {
    title: 'This form has alerts not handled yet',
    body: 'The student’s answers raised an alert that needs a person soon. Handle it now, or open a crisis case. “Later” is recorded, and the alert stays at the top of every page until it is handled.',
    handleNow: 'Handle now',
    crisis: 'Open a crisis case',
    later: 'Later',
    back: 'Back',
  },
};
