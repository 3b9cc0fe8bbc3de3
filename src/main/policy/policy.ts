// What an administrator can set outside the app (registry, managed preferences, /etc JSON): the
// keys, their types, and the check that turns what a reader found into a Policy or a refusal.
import { z } from 'zod';

import { UPDATE_CHANNELS } from '../../shared/ipc-constants';

/** A flag: true/false (plist, JSON) or 1/0 (registry REG_DWORD). */
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);
const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'must be an http(s) URL');

export const policySchema = z.strictObject({
  /** Preset server; the agent cannot sign in to another one. */
  serverUrl: httpUrl.optional(),
  /** False hides the embedded demo. */
  demoAllowed: flag.optional(),
  /** Forces start at login on (true) or off (false). */
  startAtLogin: flag.optional(),
  /** Forces starting in the tray (true) or with the window (false). */
  startHidden: flag.optional(),
  /** False: never check for, download or install updates. */
  updatesAllowed: flag.optional(),
  /** The folder the update feed (latest*.yml + installers) is served from. */
  updateUrl: httpUrl.optional(),
  updateChannel: z.enum(UPDATE_CHANNELS).optional(),
  /** False turns GPU acceleration off (VDI / Citrix desktops). */
  hardwareAcceleration: flag.optional(),
  /** False turns hold-time reminders off (the timers on the rows still run). */
  holdAlerts: flag.optional(),
  /** Where crash reports are uploaded; without it minidumps stay on the workstation. */
  crashReportUrl: httpUrl.optional(),
  /** Whether an agent may hold or resume a call that is not theirs: freely, after a question, or never. */
  holdOthersCalls: z.enum(['allow', 'confirm', 'deny']).optional(),
  /** Hosts besides the Evo Voice server that voicemail recordings may be fetched from (e.g. a blob store). */
  recordingHosts: z
    .union([z.array(z.string().max(253)), z.string().max(4000)])
    .transform((value) => (typeof value === 'string' ? value.split(/[\s,;]+/) : value).filter(Boolean))
    .optional(),
  /** True: desktop notifications say "Missed call on <line>" without the caller's name or number. */
  privateNotifications: flag.optional(),
  /** The dialer a "Call back" opens, with `{number}` for the E.164 number, e.g. `callto:{number}`. */
  dialerUriTemplate: z
    .string()
    .max(500)
    .refine((value) => /^[a-z][a-z0-9+.-]*:/i.test(value) && value.includes('{number}'), 'must be a URI with {number}')
    .optional(),
});
export type Policy = z.output<typeof policySchema>;
export const POLICY_KEYS = Object.keys(policySchema.shape) as (keyof Policy)[];

/** Raw values found at one place, as a reader returns them. */
export interface PolicySource {
  /** Where they were read, for the log line and the notice (a file path or a registry key). */
  origin: string;
  values: Record<string, unknown>;
}

/** Thrown by a reader that found a policy it cannot read (not JSON, not a plist, not a registry dump). */
export class MalformedPolicyError extends Error {
  override readonly name = 'MalformedPolicyError';
}

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; problem: string };

export function checkPolicy(source: PolicySource): PolicyCheck {
  const parsed = policySchema.safeParse(source.values);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const problem = parsed.error.issues
    .map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.join(', ')}`
        : `${issue.path.join('.') || 'policy'}: ${issue.message}`,
    )
    .join('; ');
  return { ok: false, problem };
}
