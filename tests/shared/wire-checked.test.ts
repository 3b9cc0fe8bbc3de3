// Items a page reuses from its last parse (`KnownSession.checked`) are taken as they are: not
// normalized, compared or checked again (issue 25: a full read of 10,000 sessions with 1% changed
// spent most of its parse normalizing the 99% it had already checked).
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import { type KnownSession, parseSessionList } from '../../src/shared/wire';

describe('sessions already checked', () => {
  it('are kept as they are, while the others are normalized and offered to known', () => {
    // A loose date (no zone) that normalizing would rewrite: kept as it is on the reused item only.
    const reused = { id: 'kept', dateCreated: '2026-12-05 08:00:00', ended: 'true' } as unknown as SessionInfo;
    const fresh = { id: 'fresh', dateCreated: '2026-12-05 08:00:00', ended: 'true' };
    const asked: unknown[] = [];
    const known: KnownSession = Object.assign(
      (item: Record<string, unknown>) => {
        asked.push(item.id);
        return undefined;
      },
      { checked: new Set<unknown>([reused]) },
    );
    const { value } = parseSessionList({ items: [reused, fresh], totalCount: 2 }, known);
    expect(value.items?.[0]).toBe(reused);
    expect(value.items?.[0]).toEqual({ id: 'kept', dateCreated: '2026-12-05 08:00:00', ended: 'true' });
    expect(value.items?.[1]?.ended).toBe(true);
    expect(value.items?.[1]?.dateCreated).not.toBe('2026-12-05 08:00:00');
    expect(asked).toEqual(['fresh']);
  });
});
