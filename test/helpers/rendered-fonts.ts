/**
 * Which fonts Chromium actually drew a piece of text with (DevTools protocol `CSS.getPlatformFontsForNode`),
 * looking into open shadow roots. Unlike `document.fonts.check`, which answers true for a family no @font-face
 * declares, this tells a bundled web font (`isCustomFont`) from the same family installed on the PC.
 */
import type { Page } from 'playwright-core';

export interface PlatformFont {
  familyName: string;
  postScriptName?: string;
  isCustomFont: boolean;
  glyphCount: number;
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** The fonts used for the first element (in document order, shadow roots included) whose own text matches. */
export async function fontsRenderingText(page: Page, text: RegExp): Promise<{ text: string; fonts: PlatformFont[] } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found = findElementWithText(root, text);
    if (!found) return null;
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: found.element.nodeId })) as { fonts: PlatformFont[] };
    return { text: found.text, fonts };
  } finally {
    await cdp.detach();
  }
}

function findElementWithText(node: DomNode, text: RegExp): { element: DomNode; text: string } | null {
  const kids = [...(node.shadowRoots ?? []), ...(node.children ?? [])];
  if (node.nodeType === 1 && !/^(STYLE|SCRIPT|TITLE|NOSCRIPT)$/.test(node.nodeName)) {
    const own = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').trim();
    if (text.test(own)) return { element: node, text: own };
  }
  for (const kid of kids) {
    const hit = findElementWithText(kid, text);
    if (hit) return hit;
  }
  return null;
}
