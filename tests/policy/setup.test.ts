// Start-up glue of the policy and crash reports: GPU off before ready when the policy says so,
// log lines kept until the file log exists, the notice for the agent, minidumps uploaded only to
// a URL the policy names.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { setupCrashReports } from '../../src/main/crash-reports';
import { readLinuxPolicy } from '../../src/main/policy/read-linux';
import { singlePlace } from '../../src/main/policy/read-policy';
import { setupPolicy } from '../../src/main/policy/setup-policy';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'policy');
const APP_ID = 'io.evovoice.console';

function fakeApp() {
  const calls: string[] = [];
  return { calls, disableHardwareAcceleration: () => calls.push('disableHardwareAcceleration') };
}

describe('setupPolicy', () => {
  it('turns GPU acceleration off and hides the demo when the policy says so, logging once the log exists', () => {
    const app = fakeApp();
    const setup = setupPolicy({
      app,
      platform: 'linux',
      appId: APP_ID,
      read: () => singlePlace('policy.json', () => readLinuxPolicy(join(FIXTURES, 'policy.json'))),
    });
    expect(app.calls).toEqual(['disableHardwareAcceleration']);
    expect(setup.demoAllowed).toBe(false);
    expect(setup.notices()).toEqual([]);
    const lines: string[] = [];
    const log = {
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    setup.flushLog(log);
    setup.flushLog(log);
    expect(lines).toEqual(['Administrator policy applies', 'Hardware acceleration is off by administrator policy']);
  });

  it('keeps the readable keys, blocks sign-in when the server lock is unreadable, and tells the agent', () => {
    const app = fakeApp();
    const setup = setupPolicy({
      app,
      platform: 'linux',
      appId: APP_ID,
      read: () => singlePlace('wrong-keys.json', () => readLinuxPolicy(join(FIXTURES, 'wrong-keys.json'))),
    });
    expect(app.calls).toEqual([]);
    expect(setup.demoAllowed).toBe(true);
    expect(setup.policy.updatesAllowed).toBe(false);
    expect(() => setup.checkServer('https://anywhere.example.com')).toThrow(/cannot be read, so signing in is blocked/);
    expect(setup.notices()).toEqual([
      {
        code: 'policy-blocked',
        message: expect.stringMatching(
          /^Some of your administrator’s settings .* could not be read\. Signing in is blocked/,
        ),
        detail: expect.stringContaining('wrong-keys.json'),
      },
    ]);
  });
});

describe('setupCrashReports', () => {
  it('keeps minidumps local without a policy URL', () => {
    const started: unknown[] = [];
    expect(setupCrashReports({ start: (o) => started.push(o) }, {}, 'Evo Voice Console')).toEqual({ uploading: false });
    expect(started).toEqual([expect.objectContaining({ uploadToServer: false, submitURL: '' })]);
  });

  it('uploads to the URL the policy names', () => {
    const started: unknown[] = [];
    setupCrashReports(
      { start: (o) => started.push(o) },
      { crashReportUrl: 'https://crash.example.com/submit' },
      'Evo Voice Console',
    );
    expect(started).toEqual([
      expect.objectContaining({
        uploadToServer: true,
        submitURL: 'https://crash.example.com/submit',
        productName: 'Evo Voice Console',
      }),
    ]);
  });
});
