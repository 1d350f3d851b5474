/**
 * The smallest text a person sees on a page: the computed font size of every piece of visible text — text nodes
 * and the values or placeholders of form fields — in the document and every open shadow root. Hidden text does not
 * count: `display: none`, `visibility: hidden`, opacity 0, clipped away (the screen-reader-only pattern), or drawn
 * with no size. Text below the fold counts (it is seen by scrolling). Text drawn on a canvas (report charts) is not
 * DOM text and is not measured.
 */
import type { Page } from 'playwright-core';

export interface TextSample {
  /** Computed font size in CSS px. */
  px: number;
  text: string;
  /** Where: the element and its shadow hosts, innermost last (`qm-kiosk > qm-priority-choice > span.label`). */
  where: string;
}

export interface TextSizes {
  /** The smallest size of visible text, or null when the page shows none. */
  smallest: number | null;
  /** Up to `limit` distinct texts at the smallest size. */
  atSmallest: TextSample[];
  /** Each size in use and how many pieces of text have it, smallest first. */
  sizes: Array<{ px: number; count: number }>;
}

export async function measureTextSizes(page: Page, limit = 4): Promise<TextSizes> {
  const samples = await page.evaluate(() => {
    // Run by tsx, named functions call a `__name` helper the page does not have.
    (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
    const found: Array<{ px: number; text: string; where: string }> = [];
    const hostOf = (el: Element): Element | null => {
      const root = el.getRootNode();
      return root instanceof ShadowRoot ? root.host : null;
    };
    const describe = (el: Element): string => {
      const parts: string[] = [];
      let host: Element | null = hostOf(el);
      while (host) {
        parts.unshift(host.localName);
        host = hostOf(host);
      }
      const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
      const testid = el.getAttribute('data-testid');
      parts.push(el.localName + cls + (testid ? `[data-testid=${testid}]` : ''));
      return parts.join(' > ');
    };
    /** Hidden by CSS, or clipped away by itself or an ancestor (across shadow boundaries). */
    const hidden = (el: Element): boolean => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true })) return true;
      for (let a: Element | null = el; a; a = a.parentElement ?? hostOf(a)) {
        const s = getComputedStyle(a);
        if (s.clip !== 'auto' && /rect\(0px,? 0px,? 0px,? 0px\)/.test(s.clip)) return true;
        if (s.clipPath.startsWith('inset(50%') || s.clipPath.startsWith('inset(100%')) return true;
        if (Number(s.opacity) === 0) return true;
      }
      return false;
    };
    const drawn = (rects: DOMRectList | DOMRect[]): boolean => [...rects].some((r) => r.width > 1 && r.height > 1);
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
          const el = node.parentElement;
          if (!text || !el || /^(style|script|title|noscript|template)$/.test(el.localName)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if (!drawn(range.getClientRects()) || hidden(el)) continue;
          found.push({ px: parseFloat(getComputedStyle(el).fontSize), text, where: describe(el) });
        } else if (node instanceof Element) {
          if (node.shadowRoot) visit(node.shadowRoot);
          const field = node as HTMLInputElement | HTMLTextAreaElement;
          if ((node.localName === 'input' && !/^(hidden|checkbox|radio|range|color|file|image)$/.test(field.type)) || node.localName === 'textarea') {
            const text = (field.value || field.placeholder || '').trim();
            if (text && drawn([node.getBoundingClientRect()]) && !hidden(node)) found.push({ px: parseFloat(getComputedStyle(node).fontSize), text, where: describe(node) });
          }
        }
      }
    };
    visit(document);
    return found;
  });
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.px, (counts.get(s.px) ?? 0) + 1);
  const sizes = [...counts].map(([px, count]) => ({ px, count })).sort((a, b) => a.px - b.px);
  const smallest = sizes[0]?.px ?? null;
  const atSmallest: TextSample[] = [];
  for (const s of samples) {
    if (s.px !== smallest || atSmallest.some((a) => a.text === s.text)) continue;
    if (atSmallest.length < limit) atSmallest.push({ ...s, text: s.text.length > 60 ? s.text.slice(0, 57) + '…' : s.text });
  }
  return { smallest, atSmallest, sizes };
}
