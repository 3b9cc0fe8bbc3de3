// What the dashboard covers: a period (today, 7 or 30 days, from local midnight) and the customers an account has, from the sessions' breadcrumbs.
import type { SessionInfo } from '../../../shared/evovoice';

export const PERIODS = ['today', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

const DAYS: Record<Period, number> = { today: 1, week: 7, month: 30 };

/** Local midnight `days - 1` days before `now`: today is since this morning, 7 days includes today. */
export function periodStart(period: Period, now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  start.setDate(start.getDate() - (DAYS[period] - 1));
  return start;
}

export interface Customer {
  id: string;
  name: string;
}

/** Every customer named on these sessions (each level of a breadcrumb, and the session's own), once each, by name. */
export function customersIn(sessions: Iterable<SessionInfo>, known: readonly Customer[] = []): Customer[] {
  const byId = new Map(known.map((c) => [c.id, c.name]));
  for (const s of sessions) {
    for (const crumb of s.customerBreadcrumb ?? []) if (crumb.id) byId.set(crumb.id, crumb.name || crumb.id);
    if (s.customerId && !byId.has(s.customerId)) byId.set(s.customerId, s.customerName || s.customerId);
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
