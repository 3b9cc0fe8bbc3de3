// "Call back" in the desktop app: the page's window.open of the dialer URI reaches the OS only when
// it is exactly the configured template with an E.164 number; everything else stays refused.
import { describe, expect, it } from 'vitest';

import { hardenWebContents } from '../../src/main/security';
import { recordingLog } from './recording-core';

const PAGE = { url: 'app://console/index.html' };

function harden(template: () => string) {
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    getURL: () => PAGE.url,
    on: () => undefined,
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
  };
  const opened: string[] = [];
  const { log } = recordingLog();
  hardenWebContents(contents as never, {
    page: PAGE,
    openExternal: async (url) => void opened.push(url),
    log,
    dialerTemplate: template,
  });
  return { opened, open: (url: string) => openHandler!({ url }) };
}

describe('the dialer rule of window.open', () => {
  it('opens the configured dialer with an E.164 number, and nothing else', () => {
    let template = 'tel:{number}';
    const { opened, open } = harden(() => template);
    for (const url of [
      'tel:+17735550102',
      'tel:7735550102',
      'tel:+1773555010x',
      'tel:+17735550102?x=1',
      'callto:+17735550102',
      'sip:+17735550102',
      'javascript:alert(1)',
      'https://evil.example/+17735550102',
      'file:///etc/passwd',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['tel:+17735550102']);

    template = 'callto:{number}';
    open('tel:+17735550102');
    open('callto:+17735550102');
    expect(opened).toEqual(['tel:+17735550102', 'callto:+17735550102']);
  });

  it('never opens a web or file address, even when set as the template', () => {
    for (const template of ['https://evil.example/{number}', 'file:///{number}', 'javascript:{number}', 'tel:']) {
      const { opened, open } = harden(() => template);
      open(template.replace('{number}', '+17735550102'));
      expect(opened, template).toEqual([]);
    }
  });
});
