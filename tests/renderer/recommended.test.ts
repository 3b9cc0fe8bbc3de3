// Administrator recommendations in Settings: which settings follow the recommended value, which the
// agent changed (then the recommended value is offered back), locked ones never "recommended"; and
// the note itself, rendered by Svelte's server renderer as tests/renderer/checkbox-row.test.ts does.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Component } from 'svelte';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';

import { recommendationFor } from '../../src/renderer/src/lib/recommended';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';

describe('recommendationFor', () => {
  const settings = { ...DEFAULT_SETTINGS, startHidden: true, dialerUriTemplate: 'sip:{number}' };
  const recommended = { startHidden: true, dialerUriTemplate: 'callto:{number}', startAtLogin: true };

  it('says a setting follows its recommendation, or names the value the agent changed it from', () => {
    expect(recommendationFor('startHidden', settings, recommended, [])).toEqual({ value: true, following: true });
    expect(recommendationFor('dialerUriTemplate', settings, recommended, [])).toEqual({
      value: 'callto:{number}',
      following: false,
    });
  });

  it('is nothing for a setting with no recommendation, or one the administrator locked', () => {
    expect(recommendationFor('theme', settings, recommended, [])).toBeUndefined();
    expect(recommendationFor('startAtLogin', settings, recommended, ['startAtLogin'])).toBeUndefined();
  });
});

type Props = {
  following: boolean;
  followingText: string;
  changedText: string;
  resetLabel: string;
  onreset: () => void;
};
let RecommendedNote: Component<Props>;

beforeAll(async () => {
  const source = readFileSync('src/renderer/src/components/RecommendedNote.svelte', 'utf8');
  const { js } = compile(source, { generate: 'server', filename: 'RecommendedNote.svelte' });
  mkdirSync('.tmp', { recursive: true });
  const file = join(mkdtempSync(join('.tmp', 'recommended-note-')), 'RecommendedNote.js');
  writeFileSync(file, js.code);
  RecommendedNote = ((await import(pathToFileURL(resolve(file)).href)) as { default: Component<Props> }).default;
});

const html = (following: boolean) =>
  render(RecommendedNote, {
    props: {
      following,
      followingText: 'Recommended by your administrator; you may change it.',
      changedText: 'Your administrator recommends: on.',
      resetLabel: 'Use the recommended setting',
      onreset: () => undefined,
    },
  }).body;

describe('RecommendedNote', () => {
  it('while followed: says it is recommended and changeable, with no button', () => {
    const body = html(true);
    expect(body).toContain('Recommended by your administrator; you may change it.');
    expect(body).not.toContain('<button');
  });

  it('once changed: names the recommended value and offers it back with a real button', () => {
    const body = html(false);
    expect(body).toContain('Your administrator recommends: on.');
    expect(body).toMatch(/<button type="button"[^>]*>Use the recommended setting<\/button>/);
  });
});
