// The support text behind "Copy diagnostics": versions, connection, polling, counts and recent
// errors. Built from published state only, so it can never contain a password.
import type { Settings } from '../../shared/ipc';
import type { ConsoleState, LiveSnapshot } from '../../shared/live';
import type { Activity } from './cadence';

export interface CoreFacts {
  state: ConsoleState;
  settings: Settings;
  snapshot: LiveSnapshot;
  activity: Activity;
  failures: number;
  polling: boolean;
  recentErrors: readonly string[];
}

export function describeCore(facts: CoreFacts): string {
  const { state, settings, snapshot, activity } = facts;
  const who = state.identity;
  const outbox = Object.values(state.consoleData).reduce<Record<string, number>>((counts, s) => {
    counts[s.state] = (counts[s.state] ?? 0) + 1;
    return counts;
  }, {});
  const lines = [
    'Evo Voice Console diagnostics',
    `Node ${process.versions.node}, ${process.platform} ${process.arch}`,
    who
      ? `Server ${who.serverUrl}; user ${who.userName}${who.demo ? ' (demo)' : ''}; account ${who.accountId ?? 'not chosen'} of ${who.accounts.length}`
      : 'Not signed in',
    `Connection ${state.connection.status}${state.connection.message ? ` (${state.connection.message})` : ''}; last good poll ${state.connection.lastGoodPoll ?? 'never'}${state.connection.nextRetry ? `; next retry ${state.connection.nextRetry}` : ''}`,
    `Polling ${facts.polling ? 'on' : 'off'}; live ${settings.pollLiveMs} ms, visible ${settings.pollVisibleMs} ms, idle ${settings.pollIdleMs} ms; live call ${activity.liveCall}, window visible ${activity.visible}, locked ${activity.locked}; consecutive failures ${facts.failures}`,
    `Board version ${snapshot.version}: ${snapshot.sessions.length} sessions, ${snapshot.activity.length} activity items; endpoints filter ${settings.endpointIds.length || 'all'}`,
    `Missed calls unread ${state.missed.length}; notifications ${settings.notifyMissedCalls ? 'on' : 'off'}${settings.doNotDisturb ? ', do not disturb' : ''}`,
    `Notes: ${
      Object.entries(outbox)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || 'none pending'
    }`,
    `Fields from the server ignored: ${state.ignoredFields ? `${state.ignoredFields.count} (${state.ignoredFields.fields.join('; ')})` : 'none'}`,
    'Recent errors:',
    ...(facts.recentErrors.length ? facts.recentErrors.map((e) => `  ${e}`) : ['  none']),
  ];
  return lines.join('\n');
}
