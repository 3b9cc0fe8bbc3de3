// Just enough of the page's DOM for the keyboard handlers: elements with a tag, data attributes, a
// class and a parent, `closest` for the two selectors the handlers ask, and key presses that record
// whether they were taken (preventDefault).
import { vi } from 'vitest';

export class FakeElement {
  dataset: Record<string, string> = {};
  isContentEditable = false;
  constructor(
    readonly tagName: string,
    readonly options: { parent?: FakeElement; className?: string; data?: Record<string, string> } = {},
  ) {
    Object.assign(this.dataset, options.data ?? {});
  }

  /** `[data-session-id]` or `tag.class`, on this element or an ancestor. */
  closest(selector: string): FakeElement | null {
    const matches = (e: FakeElement) => {
      if (selector === '[data-session-id]') return e.dataset.sessionId !== undefined;
      const [tag, className] = selector.split('.');
      return e.tagName.toLowerCase() === tag && e.options.className === className;
    };
    if (matches(this)) return this;
    return this.options.parent?.closest(selector) ?? null;
  }
}

/** A FakeElement where the handlers take an event's target. */
export const asTarget = (element: FakeElement): EventTarget => element as unknown as EventTarget;

/** Every FakeElement is an HTMLElement (and an Element) to the handlers' instanceof checks. */
export function installDom(): void {
  vi.stubGlobal('Element', FakeElement);
  vi.stubGlobal('HTMLElement', FakeElement);
}

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  target: unknown;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A keydown as the page gets it; `defaultPrevented` turns true when a handler takes it. */
export function press(
  key: string,
  code: string,
  fields: Partial<Omit<KeyPress, 'key' | 'code' | 'preventDefault'>> = {},
): KeyPress & KeyboardEvent {
  const event: KeyPress = {
    key,
    code,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    target: null,
    defaultPrevented: false,
    ...fields,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event as KeyPress & KeyboardEvent;
}
