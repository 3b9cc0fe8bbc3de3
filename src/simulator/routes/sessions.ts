// GET /sessions (every filter on its reference page, plus paging) and PATCH /sessions/{sessionId}.
import {
  SESSION_CALL_STATES,
  SESSION_HOLD_REASONS,
  SESSION_QUEUE_STATES,
  type SessionInfo,
} from '../../shared/evovoice';
import { applyPatch } from '../calls';
import { forbidden, notFound } from '../errors';
import { cutPage, listOrder, pagingOf, sortSessions } from '../listing';
import type { Params } from '../params';
import type { World } from '../world';
import { accountsFor, ok, requireUser, type Route } from './route';

const contains = (value: string | undefined, needle: string): boolean =>
  value !== undefined && value.toLowerCase().includes(needle);

/** What decides which sessions a list holds: everything but the order and the page. */
interface Filter {
  archive: boolean;
  accounts: string[];
  startDate?: string;
  endDate?: string;
  customers?: string[];
  endpoints?: string[];
  from?: string;
  to?: string;
  logText?: string;
  parent?: string;
}

function filterOf(params: Params, accounts: Set<string>): Filter {
  return {
    archive: params.bool('SearchArchive') === true,
    accounts: [...accounts].sort(),
    startDate: params.date('StartDate'),
    endDate: params.date('EndDate'),
    customers: params.list('CustomerIds'),
    endpoints: params.list('EndpointIds'),
    from: params.string('From')?.toLowerCase(),
    to: params.string('To')?.toLowerCase(),
    logText: params.string('Log')?.toLowerCase(),
    parent: params.string('ParentSessionId'),
  };
}

function matcher(world: World, f: Filter): (s: SessionInfo) => boolean {
  const accounts = new Set(f.accounts);
  const { startDate, endDate, customers, endpoints, from, to, logText, parent } = f;
  return (s) => {
    if (s.accountId === undefined || !accounts.has(s.accountId)) return false;
    const day = s.dateCreated?.slice(0, 10) ?? '';
    if (startDate !== undefined && day < startDate) return false;
    if (endDate !== undefined && day > endDate) return false;
    if (customers !== undefined && !customers.includes(s.customerId ?? '')) return false;
    if (endpoints !== undefined && !endpoints.includes(s.endpointId ?? '')) return false;
    if (from !== undefined && !contains(s.fromAddress, from) && !contains(s.fromName, from)) return false;
    if (to !== undefined && !contains(s.toAddress, to)) return false;
    if (logText !== undefined && !(s.log ?? []).some((entry) => contains(entry.message, logText))) return false;
    if (parent !== undefined && world.store.parents.get(s.id ?? '') !== parent) return false;
    return true;
  };
}

export const sessionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/sessions$/,
    endpoint: 'sessions',
    handle: (world, req) => {
      const user = requireUser(req);
      const filter = filterOf(req.params, accountsFor(user, req.params.list('AccountIds')));
      const order = listOrder(req.params, world.strictness, world.strictness.ignoreSort);
      const paging = pagingOf(req.params, world.strictness);
      const specificIds = req.params.list('SpecificIds');
      // The set depends on the query, on every session (version) and on the replica's stale copies (their sort values).
      const query = JSON.stringify([filter, order, specificIds]);
      const version = `${world.store.version}/${world.replica.version}`;
      const set = world.kept.set(query, version, () => {
        const wanted = matcher(world, filter);
        const rows: SessionInfo[] = [];
        for (const s of (filter.archive ? world.store.archive : world.store.live).values()) if (wanted(s)) rows.push(s);
        return sortSessions(rows, order, specificIds, world.replica.view);
      });
      // A kept set's stale copies count as read, as when it was sorted through the replica's view.
      if (set.reused) world.replica.showIn(set.holds);
      // The page's text is shaped by the strictness too (the seed is the world's; pinned fields change the version).
      const reuse = JSON.stringify([query, version, paging, world.strictness]);
      return { ...ok(cutPage(set.rows, paging, world.strictness)), reuse };
    },
  },
  {
    method: 'PATCH',
    pattern: /^\/sessions\/([^/]+)$/,
    endpoint: 'patch-session',
    handle: (world, req) => {
      const user = requireUser(req);
      const id = decodeURIComponent(req.match[1] ?? '');
      const patch = {
        consoleData: req.params.text('ConsoleData'),
        callState: req.params.enumName('CallState', SESSION_CALL_STATES),
        holdReason: req.params.enumName('HoldReason', SESSION_HOLD_REASONS),
        queueState: req.params.enumName('QueueState', SESSION_QUEUE_STATES),
      };
      const session = world.store.live.get(id);
      if (session === undefined) {
        throw notFound(
          world.store.archive.has(id)
            ? `Session '${id}' is archived and can no longer change`
            : `Session '${id}' not found: refresh the call list`,
        );
      }
      if (!user.accountIds.includes(session.accountId ?? '')) throw forbidden(`You have no access to session '${id}'`);
      if (req.fault === 'patch-ignored') return ok(session);
      world.replica.beforePatch(session, world.strictness.staleReads);
      applyPatch(session, patch, { userId: user.userId, displayName: user.displayName }, world.timeline.iso());
      world.store.changed();
      return ok(session);
    },
  },
];
