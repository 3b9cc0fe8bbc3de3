// The dashboard's period and customer, and voicemail playback, through the core against the simulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';

import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const HOUR = 3_600_000;

function voicemailFor(rig: Rig, fields: Record<string, unknown> = {}) {
  const id = liveCall(rig.sim, { callState: 'Ringing', fromName: 'Vera Voicemail', ...fields });
  rig.sim.control.missCall(id);
  return rig.sim.control.addVoicemail(id, { transcription: 'Please call me back about my order.' });
}

describe('dashboard period and customer', () => {
  it('sends FromDate and CustomerId, and the answer covers that period and customer only', async () => {
    rig = await startRig();
    await rig.signIn();
    const customerId = rig.sim.control.getSession(liveCall(rig.sim))?.customerId;
    expect(customerId).toBeDefined();
    const old = voicemailFor(rig);
    rig.sim.control.advance(30 * HOUR);
    const fresh = voicemailFor(rig, { customerId, customerBreadcrumb: [{ id: customerId, name: 'Someone' }] });
    const since = new Date(rig.sim.control.now() - 24 * HOUR).toISOString();

    const day = await rig.core.loadDashboard({ fromDate: since });
    expect(day.voicemail?.map((f) => f.id)).toContain(fresh.id);
    expect(day.voicemail?.map((f) => f.id)).not.toContain(old.id);
    expect(rig.sim.control.requests({ pathPrefix: '/portal/home' }).at(-1)?.query).toMatchObject({
      AccountId: 'acct-north',
      FromDate: since,
    });

    const week = await rig.core.loadDashboard({
      fromDate: new Date(rig.sim.control.now() - 7 * 24 * HOUR).toISOString(),
    });
    expect(week.voicemail?.map((f) => f.id)).toEqual(expect.arrayContaining([fresh.id, old.id]));

    await rig.core.loadDashboard({ customerId: 'cust-nobody' });
    expect(rig.sim.control.requests({ pathPrefix: '/portal/home' }).at(-1)?.query).toMatchObject({
      CustomerId: 'cust-nobody',
    });
  });
});

describe('voicemail playback', () => {
  it('fetches a listed voicemail by id with the session, as WAV bytes', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ fileRedirects: false });
    await rig.signIn();
    const file = voicemailFor(rig);
    const home = await rig.core.loadDashboard();
    const listed = home.voicemail?.find((f) => f.id === file.id);
    expect(listed?.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/voicemail\//);
    expect(listed?.transcription).toBe('Please call me back about my order.');

    const audio = await rig.core.voicemailAudio(file.id as string);
    expect(audio.contentType).toBe('audio/wav');
    const bytes = Buffer.from(audio.base64, 'base64');
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
    const request = rig.sim.control.requests({ pathPrefix: '/files/voicemail/' }).at(-1);
    expect(request).toMatchObject({ status: 200, auth: expect.not.stringMatching(/^none$/) });
  });

  it('plays a recording kept in a blob store: the uri redirects to a signed address, which is followed', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ fileRedirects: true });
    await rig.signIn();
    const file = voicemailFor(rig);
    await rig.core.loadDashboard();
    const audio = await rig.core.voicemailAudio(file.id as string);
    expect(Buffer.from(audio.base64, 'base64').subarray(0, 4).toString('ascii')).toBe('RIFF');
    const files = rig.sim.control.requests({ pathPrefix: '/files/' }).map((r) => `${r.path} ${r.status}`);
    expect(files).toEqual([`${file.uri} 302`, expect.stringMatching(/^\/files\/store\/.+\.wav 200$/)]);
  });

  it('refuses a voicemail the last dashboard answer did not list, without asking the server', async () => {
    rig = await startRig();
    await rig.signIn();
    await rig.core.loadDashboard();
    rig.sim.control.clearRequests();
    await expect(rig.core.voicemailAudio('file-999')).rejects.toMatchObject({ code: 'not-found' });
    expect(rig.sim.control.requests({ pathPrefix: '/files/' })).toEqual([]);
  });

  it("a new sign-in forgets the last dashboard's recordings: the next agent cannot play them", async () => {
    rig = await startRig();
    await rig.signIn();
    const file = voicemailFor(rig);
    await rig.core.loadDashboard();
    await rig.core.signOut();
    await rig.signIn();
    rig.sim.control.clearRequests();
    await expect(rig.core.voicemailAudio(file.id as string)).rejects.toMatchObject({ code: 'not-found' });
    expect(rig.sim.control.requests({ pathPrefix: '/files/' })).toEqual([]);
  });

  it('the simulator serves the recording only to a signed-in user', async () => {
    rig = await startRig();
    await rig.signIn();
    const file = voicemailFor(rig);
    const home = await rig.core.loadDashboard();
    const uri = home.voicemail?.find((f) => f.id === file.id)?.uri as string;
    const anonymous = await fetch(uri);
    expect(anonymous.status).toBe(401);
  });
});
