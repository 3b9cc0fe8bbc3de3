// The simulated call centre's cast: accounts, their lines, customers, agents, callers and notes.
export interface Line {
  id: string;
  name: string;
  number: string;
  accountId: string;
  ringQueueId: string;
}

export interface Customer {
  id: string;
  name: string;
  accountId: string;
}

export interface Agent {
  userId: string;
  name: string;
  endpointId: string;
}

export const ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  'acct-north': 'Northwind Health (North)',
  'acct-south': 'Southgate Logistics (South)',
};

export function accountName(accountId: string): string {
  return ACCOUNT_NAMES[accountId] ?? accountId;
}

export const LINES: readonly Line[] = [
  {
    id: 'ep-north-sales',
    name: 'Sales line',
    number: '+12125550100',
    accountId: 'acct-north',
    ringQueueId: 'rq-north-sales',
  },
  {
    id: 'ep-north-support',
    name: 'Support line',
    number: '+12125550111',
    accountId: 'acct-north',
    ringQueueId: 'rq-north-support',
  },
  {
    id: 'ep-north-reception',
    name: 'Reception',
    number: '+12125550122',
    accountId: 'acct-north',
    ringQueueId: 'rq-north-reception',
  },
  {
    id: 'ep-south-reception',
    name: 'Reception',
    number: '+13125550140',
    accountId: 'acct-south',
    ringQueueId: 'rq-south-reception',
  },
  {
    id: 'ep-south-billing',
    name: 'Billing',
    number: '+13125550155',
    accountId: 'acct-south',
    ringQueueId: 'rq-south-billing',
  },
  {
    id: 'ep-south-dispatch',
    name: 'Dispatch',
    number: '+13125550177',
    accountId: 'acct-south',
    ringQueueId: 'rq-south-dispatch',
  },
];

export const CUSTOMERS: readonly Customer[] = [
  { id: 'cust-harbor-clinic', name: 'Harbor Family Clinic', accountId: 'acct-north' },
  { id: 'cust-elm-dental', name: 'Elm Street Dental', accountId: 'acct-north' },
  { id: 'cust-lakeside-physio', name: 'Lakeside Physiotherapy', accountId: 'acct-north' },
  { id: 'cust-rapid-freight', name: 'Rapid Freight Co.', accountId: 'acct-south' },
  { id: 'cust-bluebird-movers', name: 'Bluebird Movers', accountId: 'acct-south' },
  { id: 'cust-coastal-supply', name: 'Coastal Supply', accountId: 'acct-south' },
];

function byAccount<T extends { accountId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.accountId, [...(groups.get(item.accountId) ?? []), item]);
  return groups;
}
const CUSTOMERS_BY_ACCOUNT = byAccount(CUSTOMERS);
const LINES_BY_ACCOUNT = byAccount(LINES);

export const customersOf = (accountId: string): readonly Customer[] => CUSTOMERS_BY_ACCOUNT.get(accountId) ?? [];
export const linesOf = (accountId: string): readonly Line[] => LINES_BY_ACCOUNT.get(accountId) ?? [];

export const AGENTS: readonly Agent[] = [
  { userId: 'user-demo', name: 'Demo Agent', endpointId: 'ep-agent-demo' },
  { userId: 'user-priya', name: 'Priya Shah', endpointId: 'ep-agent-priya' },
  { userId: 'user-marcus', name: 'Marcus Bell', endpointId: 'ep-agent-marcus' },
  { userId: 'user-lena', name: 'Lena Kowalski', endpointId: 'ep-agent-lena' },
  { userId: 'user-tomas', name: 'Tomás Ortega', endpointId: 'ep-agent-tomas' },
];

export const CALLER_FIRST = [
  'Olivia',
  'James',
  'Amara',
  'Noah',
  'Sofia',
  'Liam',
  'Mei',
  'Ethan',
  'Fatima',
  'Lucas',
  'Hannah',
  'Diego',
  'Chloe',
  'Kwame',
  'Isla',
  'Ravi',
  'Grace',
  'Mateo',
  'Zoe',
  'Owen',
];
export const CALLER_LAST = [
  'Turner',
  'Nguyen',
  'Okafor',
  'Fischer',
  'Romano',
  'Patel',
  'Walsh',
  'Kim',
  'Haddad',
  'Silva',
  'Brennan',
  'Yamamoto',
  'Dubois',
  'Mensah',
  'Larsen',
  'Cohen',
  'Alvarez',
  'Novak',
  'Reid',
  'Ito',
];

/** Numbers reserved for fiction: US 555-0100..0199, UK 020 7946 0000..0999 (E.164, 12 or 13 characters). */
export const CALLER_PREFIXES = ['+121255501', '+131255501', '+141555501', '+164655501', '+177355501', '+442079460'];

export const NOTES = [
  'Caller wants to reschedule Thursday appointment',
  'Asked about invoice INV-20931, sent copy by email',
  'Delivery delayed, promised callback before 5pm',
  'New patient, booked intake for Monday 9:30',
  'Complaint about hold time, escalated to team lead',
  'Wants a quote for a two-bedroom move on the 14th',
  'Card declined, will call back with new details',
  'Prescription refill request, passed to nurse line',
];

export const JSON_NOTES = [
  '{"ticket":"T-48213","priority":"high","tags":["billing","refund"]}',
  '{"ticket":"T-48377","priority":"normal","callbackAt":"16:30"}',
  '{"orderId":"SO-11872","status":"delayed","eta":"tomorrow"}',
  '{"appointment":"2026-11-27T09:30","clinician":"Dr. Osei"}',
];

export const TRANSCRIPTS = [
  'Hi, this is about my order, please call me back when you can.',
  'Hello, I need to move my appointment to next week. Thanks.',
  "It's about the invoice you sent, I think there's a mistake on it.",
  'Calling to confirm the pickup time for tomorrow morning.',
];

export const FORM_NAMES = ['Call summary', 'New patient intake', 'Delivery complaint', 'Quote request'];
