// What each policy key means to an administrator: its kind, one line of help and an example
// value. The templates (ADMX/ADML, .mobileconfig, Jamf schema, policy.json) and the admin guide's
// table are generated from this and the schema (scripts/package/policy-templates.ts); a key in the
// schema without an entry here does not compile.
import type { PolicyKey } from './policy';

export type KeyKind = 'flag' | 'url' | 'text' | 'choice' | 'list';

export interface KeyDoc {
  kind: KeyKind;
  /** Short title (Group Policy editor, Jamf). */
  title: string;
  /** What it does, in one or two sentences. */
  help: string;
  /** A value to show in templates and samples. */
  example: boolean | string | string[];
  /** For `choice`: the values, as the schema lists them. */
  choices?: readonly string[];
}

export const POLICY_DOCS: Record<PolicyKey, KeyDoc> = {
  serverUrl: {
    kind: 'url',
    title: 'Evo Voice server',
    help: 'The server agents sign in to (http or https). Signing in to any other server is refused.',
    example: 'https://voice.example.com',
  },
  demoAllowed: {
    kind: 'flag',
    title: 'Allow the built-in demo',
    help: 'False hides the built-in demo.',
    example: false,
  },
  startAtLogin: {
    kind: 'flag',
    title: 'Start at login',
    help: 'Forces start at login on (true) or off (false).',
    example: true,
  },
  startHidden: {
    kind: 'flag',
    title: 'Start in the tray',
    help: 'Forces starting in the tray (true) or with the window (false).',
    example: false,
  },
  updatesAllowed: {
    kind: 'flag',
    title: 'Allow updates',
    help: 'False: never check for, download or install updates.',
    example: true,
  },
  updateUrl: {
    kind: 'url',
    title: 'Update server',
    help: 'The https folder updates are served from (latest*.yml and installers). Only policy can set it.',
    example: 'https://updates.example.com/evo-voice-console',
  },
  updateChannel: {
    kind: 'choice',
    title: 'Update channel',
    help: 'Which feed to follow: stable or beta.',
    example: 'stable',
    choices: ['stable', 'beta'],
  },
  hardwareAcceleration: {
    kind: 'flag',
    title: 'GPU acceleration',
    help: 'False turns GPU acceleration off (VDI, Citrix).',
    example: true,
  },
  holdAlerts: {
    kind: 'flag',
    title: 'Hold-time reminders',
    help: 'False turns hold-time reminders off (the hold timers still show).',
    example: true,
  },
  crashReportUrl: {
    kind: 'url',
    title: 'Crash report server',
    help: 'An https Crashpad/Breakpad endpoint crash reports are uploaded to; without it they stay on the machine.',
    example: 'https://crash.example.com/submit',
  },
  holdOthersCalls: {
    kind: 'choice',
    title: 'Hold colleagues’ calls',
    help: 'Whether an agent may hold or resume a call that is not theirs: allow, confirm (ask first) or deny.',
    example: 'confirm',
    choices: ['allow', 'confirm', 'deny'],
  },
  recordingHosts: {
    kind: 'list',
    title: 'Voicemail recording hosts',
    help: 'Hosts besides the Evo Voice server that voicemail recordings may be fetched from.',
    example: ['recordings.example.com'],
  },
  privateNotifications: {
    kind: 'flag',
    title: 'Private notifications',
    help: 'True: desktop notifications name the line, not the caller.',
    example: false,
  },
  dialerUriTemplate: {
    kind: 'text',
    title: 'Call-back dialer',
    help: 'What "Call back" opens: a URI with {number} for the E.164 number (default tel:{number}).',
    example: 'callto:{number}',
  },
};
