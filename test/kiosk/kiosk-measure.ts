/**
 * What a kiosk screen looks like, measured in the page: the smallest text, text that does not fit its box,
 * horizontal overflow, and the contrast of a text against the background it is drawn on.
 */
import type { Page } from 'playwright-core';

/** Scripts run through tsx name their inner functions with a helper the page does not have. */
const KEEP_NAMES = 'globalThis.__name ??= (f) => f';

export interface ScreenMeasure {
  /** Smallest font size of a visible text, with that text. */
  smallest: { px: number; text: string };
  /** Elements whose content is taller or wider than their box (text cut or spilling onto a neighbour). */
  overflowing: string[];
  /** The page scrolls sideways. */
  horizontalScroll: boolean;
  /** Visible texts below 4.5:1 against their background. */
  lowContrast: string[];
}

/** Runs in the page: walks every shadow root. */
export async function measureScreen(page: Page): Promise<ScreenMeasure> {
  await page.evaluate(KEEP_NAMES);
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    const background = (el: Element): number[] => {
      for (let at: Element | null = el; at; at = parentOf(at)) {
        const c = parse(getComputedStyle(at).backgroundColor);
        if (c[3] > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const contrast = (el: Element) => {
      const a = lum(parse(getComputedStyle(el).color));
      const b = lum(background(el));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const out = { smallest: { px: Infinity, text: '' }, overflowing: [] as string[], horizontalScroll: false, lowContrast: [] as string[] };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight && !el.closest('.visually-hidden');
    };
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!(el instanceof HTMLElement) || !visible(el)) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        const s = getComputedStyle(el);
        if (own) {
          const px = parseFloat(s.fontSize);
          const text = el.textContent!.trim().slice(0, 40);
          if (px < out.smallest.px) out.smallest = { px, text };
          if (contrast(el) < 4.5 && s.opacity === '1') out.lowContrast.push(`${text} ${contrast(el).toFixed(2)}`);
        }
        if (el.tagName === 'BUTTON' && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)) {
          out.overflowing.push(`${el.textContent!.trim().slice(0, 40)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        }
      }
    };
    walk(document);
    out.horizontalScroll = document.documentElement.scrollWidth > innerWidth;
    return out;
  });
}

/** Contrast of an element's text against the first opaque background behind it (through shadow roots). */
export async function textContrast(page: Page, selector: string): Promise<number> {
  await page.evaluate(KEEP_NAMES);
  return page.locator(selector).evaluate((el) => {
    const parse = (c: string) => (c.match(/rgba?\(([^)]+)\)/)?.[1] ?? '0,0,0,0').split(/[ ,/]+/).filter(Boolean).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg = [255, 255, 255];
    for (let at: Element | null = el; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null)) {
      const c = parse(getComputedStyle(at).backgroundColor);
      if ((c[3] ?? 1) > 0.5) {
        bg = c;
        break;
      }
    }
    const a = lum(parse(getComputedStyle(el).color));
    const b = lum(bg);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}
