// CheckboxRow, rendered by Svelte's server renderer: a locked row is a disabled control that names
// its reason (administrator policy), an unlocked one is a plain checkbox with no note.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Component } from 'svelte';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';

type Props = {
  label: string;
  checked: boolean;
  onchange: (on: boolean) => void;
  locked?: boolean;
  lockedReason?: string;
};
let CheckboxRow: Component<Props>;

beforeAll(async () => {
  const source = readFileSync('src/renderer/src/components/CheckboxRow.svelte', 'utf8');
  const { js } = compile(source, { generate: 'server', filename: 'CheckboxRow.svelte' });
  // Inside the project, so the compiled module finds svelte in node_modules.
  mkdirSync('.tmp', { recursive: true });
  const file = join(mkdtempSync(join('.tmp', 'checkbox-row-')), 'CheckboxRow.js');
  writeFileSync(file, js.code);
  CheckboxRow = ((await import(pathToFileURL(resolve(file)).href)) as { default: Component<Props> }).default;
});

const html = (props: Partial<Props>) =>
  render(CheckboxRow, { props: { label: 'Start at login', checked: true, onchange: () => undefined, ...props } }).body;

describe('CheckboxRow', () => {
  it('an unlocked row is an enabled checkbox with its label and no note', () => {
    const body = html({});
    expect(body).toMatch(/<input type="checkbox"[^>]*checked/);
    expect(body).not.toMatch(/disabled/);
    expect(body).toContain('Start at login');
    expect(body).not.toContain('Locked');
  });

  it('a locked row is disabled and described by its reason, the administrator by default', () => {
    const body = html({ locked: true });
    const input = /<input[^>]*>/.exec(body)?.[0] ?? '';
    expect(input).toMatch(/disabled/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)?.[1];
    expect(describedBy).toBeTruthy();
    expect(body).toMatch(new RegExp(`<p id="${describedBy}"[^>]*>Locked: set by your administrator.</p>`));
    expect(html({ locked: true, lockedReason: 'Bloqueado: lo establece su administrador.' })).toContain(
      'Bloqueado: lo establece su administrador.',
    );
  });
});
