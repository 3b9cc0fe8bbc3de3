// The agent portal: GET /portal/activity, /portal/call-history and the /portal/home dashboard.
import type { AppHomeCallMetric, SessionInfo } from '../../shared/evovoice';
import { CUSTOMERS } from '../catalog';
import { pageOf } from '../listing';
import type { World } from '../world';
import { accountsFor, type ApiRequest, ok, requireUser, type Route } from './route';

const HOUR = 3_600_000;
const HOME_CALLS = 10;
const HOME_FILES = 20;

const contains = (value: string | undefined, needle: string | undefined): boolean =>
  needle === undefined || (value ?? '').toLowerCase().includes(needle.toLowerCase());

/** Sessions (live and archived) of the accounts and customer the request names. */
function reachable(
  world: World,
  req: ApiRequest,
): { sessions: SessionInfo[]; accounts: Set<string>; customerId?: string } {
  const user = requireUser(req);
  const accountId = req.params.string('AccountId');
  const accounts = accountsFor(user, accountId === undefined ? undefined : [accountId]);
  const customerId = req.params.string('CustomerId');
  const sessions: SessionInfo[] = [];
  for (const s of world.store.all()) {
    if (accounts.has(s.accountId ?? '') && (customerId === undefined || s.customerId === customerId)) sessions.push(s);
  }
  return { sessions, accounts, customerId };
}

function metrics(calls: SessionInfo[], hours: number): AppHomeCallMetric[] {
  const count = (key: string, n: number): AppHomeCallMetric => ({
    metricKey: key,
    total: n,
    average: Math.round((n / hours) * 100) / 100,
  });
  const talkSeconds = calls
    .filter(
      (s) =>
        s.ended === true && s.wasMissed !== true && s.answeredByName !== undefined && s.dateCompleted !== undefined,
    )
    .map((s) => (Date.parse(s.dateCompleted ?? '') - Date.parse(s.dateCreated ?? '')) / 1000);
  const talkTotal = talkSeconds.reduce((a, b) => a + b, 0);
  return [
    count('InboundCalls', calls.filter((s) => s.direction === 'Incoming').length),
    count('OutboundCalls', calls.filter((s) => s.direction === 'Outgoing').length),
    count('MissedCalls', calls.filter((s) => s.wasMissed === true).length),
    {
      metricKey: 'AverageTalkTime',
      total: talkTotal,
      average: talkSeconds.length === 0 ? 0 : Math.round(talkTotal / talkSeconds.length),
    },
  ];
}

export const portalRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/portal\/activity$/,
    endpoint: 'activity',
    handle: (world, req) => {
      const { sessions } = reachable(world, req);
      const fromFilter = req.params.string('FromAddressFilter');
      const toFilter = req.params.string('ToAddressFilter');
      const start = req.params.dateTime('StartDateTime') ?? -Infinity;
      const end = req.params.dateTime('EndDateTime') ?? Infinity;
      const rows = sessions.filter((s) => {
        const at = Date.parse(s.dateCreated ?? '');
        return at >= start && at <= end && contains(s.fromAddress, fromFilter) && contains(s.toAddress, toFilter);
      });
      return ok(pageOf(rows, req.params, world.strictness));
    },
  },
  {
    method: 'GET',
    pattern: /^\/portal\/call-history$/,
    endpoint: 'call-history',
    handle: (world, req) =>
      ok(
        pageOf(
          reachable(world, req).sessions.filter((s) => s.ended === true),
          req.params,
          world.strictness,
        ),
      ),
  },
  {
    method: 'GET',
    pattern: /^\/portal\/home$/,
    endpoint: 'home',
    handle: (world, req) => {
      const { sessions, accounts, customerId } = reachable(world, req);
      const now = world.timeline.now();
      const from = req.params.dateTime('FromDate') ?? now - 24 * HOUR;
      const since = sessions.filter((s) => Date.parse(s.dateCreated ?? '') >= from);
      const customers = new Set(
        CUSTOMERS.filter((c) => accounts.has(c.accountId) && (customerId === undefined || c.id === customerId)).map(
          (c) => c.id,
        ),
      );
      const store = world.store;
      const byDate = (a: string | undefined, b: string | undefined): number => (b ?? '').localeCompare(a ?? '');
      return ok({
        isHostedSuiteCustomer: true,
        conversations: store.conversations
          .filter(
            (c) =>
              accounts.has(c.mostRecentMessage?.accountId ?? '') &&
              (customerId === undefined || c.mostRecentMessage?.customerId === customerId),
          )
          .sort((a, b) => byDate(a.mostRecentMessage?.date, b.mostRecentMessage?.date)),
        calls: since.sort((a, b) => byDate(a.dateCreated, b.dateCreated)).slice(0, HOME_CALLS),
        callMetrics: metrics(since, Math.max((now - from) / HOUR, 1)),
        voicemail: store.voicemail
          .filter(
            (f) =>
              accounts.has(f.accountId ?? '') &&
              (customerId === undefined || f.customerId === customerId) &&
              Date.parse(f.dateCreated ?? '') >= from,
          )
          .sort((a, b) => byDate(a.dateCreated, b.dateCreated))
          .slice(0, HOME_FILES)
          .map((f) => (f.uri?.startsWith('/') ? { ...f, uri: `http://${req.headers.host ?? ''}${f.uri}` } : f)),
        forms: store.forms
          .filter((f) => customers.has(f.clientId ?? '') && Date.parse(f.dateCompleted ?? '') >= from)
          .sort((a, b) => byDate(a.dateCompleted, b.dateCompleted))
          .slice(0, HOME_FILES),
      });
    },
  },
];
