// GET /sessions (every filter on its reference page, plus paging) and PATCH /sessions/{sessionId}.
import {
  SESSION_CALL_STATES,
  SESSION_HOLD_REASONS,
  SESSION_QUEUE_STATES,
  type SessionInfo,
} from '../../shared/evovoice';
import { applyPatch } from '../calls';
import { forbidden, notFound } from '../errors';
import { pageOf } from '../listing';
import type { Params } from '../params';
import type { World } from '../world';
import { accountsFor, ok, requireUser, type Route } from './route';

const contains = (value: string | undefined, needle: string): boolean =>
  value !== undefined && value.toLowerCase().includes(needle);

function matcher(world: World, params: Params, accounts: Set<string>): (s: SessionInfo) => boolean {
  const startDate = params.date('StartDate');
  const endDate = params.date('EndDate');
  const customers = params.list('CustomerIds');
  const endpoints = params.list('EndpointIds');
  const from = params.string('From')?.toLowerCase();
  const to = params.string('To')?.toLowerCase();
  const logText = params.string('Log')?.toLowerCase();
  const parent = params.string('ParentSessionId');
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
      const accounts = accountsFor(user, req.params.list('AccountIds'));
      const source = req.params.bool('SearchArchive') === true ? world.store.archive : world.store.live;
      const wanted = matcher(world, req.params, accounts);
      const rows: SessionInfo[] = [];
      for (const s of source.values()) if (wanted(s)) rows.push(s);
      const { ignoreSort } = world.strictness;
      return ok(pageOf(rows, req.params, world.strictness, { view: world.replica.view, ignoreSort }));
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
      return ok(session);
    },
  },
];
