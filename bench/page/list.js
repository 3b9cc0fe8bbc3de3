// Benchmark 5 baseline: fetches the same sessions and renders every live one as a row, no virtualization.
const list = document.querySelector('.list');
const rows = new Map();

function stateOf(s) {
  if (s.callState === 'Hold') return 'hold';
  if (s.callState === 'Connected') return 'connected';
  if (s.callState === 'Ringing') return 'ringing';
  return 'queued';
}

function cell(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

function render(s) {
  const row = document.createElement('div');
  row.className = 'row';
  row.setAttribute('role', 'listitem');
  row.dataset.sessionId = s.id;
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'open';
  open.append(
    cell('span', 'name', s.fromName || s.fromAddress || 'Unknown caller'),
    cell('span', 'number', s.fromAddress || ''),
  );
  const hold = document.createElement('button');
  hold.type = 'button';
  hold.textContent = s.callState === 'Hold' ? 'Resume' : 'Hold';
  const action = cell('span', 'action', '');
  action.append(hold);
  const state = stateOf(s);
  row.append(
    cell('span', 'dir', s.direction === 'Outgoing' ? '↗' : '↘'),
    open,
    cell('span', 'line', s.endpointName || s.toAddress || ''),
    cell('span', `state ${state}`, s.callState || ''),
    cell('span', 'time', '0:00'),
    cell('span', 'held muted', s.answeredByName || ''),
    action,
  );
  rows.set(s.id, row);
  return row;
}

/** The one-call patch: what a keyed plain-DOM list does, touch only that row. */
window.applyChange = (change) => {
  const row = rows.get(change.id);
  if (!row) return false;
  const state = row.querySelector('.state');
  state.className = `state ${stateOf(change)}`;
  state.textContent = change.callState;
  row.querySelector('.action button').textContent = change.callState === 'Hold' ? 'Resume' : 'Hold';
  return true;
};

fetch('snapshot.json')
  .then((r) => r.json())
  .then((snapshot) => {
    const live = snapshot.sessions.filter((s) => !s.ended);
    live.sort((a, b) => (a.dateCreated < b.dateCreated ? 1 : a.dateCreated > b.dateCreated ? -1 : 0));
    const fragment = document.createDocumentFragment();
    for (const s of live) fragment.append(render(s));
    list.append(fragment);
  });
