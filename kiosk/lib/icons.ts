/**
 * Line pictograms for services and priority groups, drawn on a 64×64 grid with
 * thick strokes so they read from a distance and on low-contrast kiosk panels.
 * Names match the `icon` of services and priority categories in the center's config.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const ICONS: Record<string, SVGTemplateResult> = {
  // Services
  family: svg`<circle cx="22" cy="16" r="7"/><circle cx="44" cy="20" r="6"/><path d="M10 54V38a12 12 0 0 1 24 0v16M34 54V42a10 10 0 0 1 20 0v12"/>`,
  stamp: svg`<path d="M24 8h16v10l-4 12h14v10H14V30h14l-4-12z"/><path d="M10 48h44v8H10z"/>`,
  land: svg`<path d="M6 48l14-22 10 14 8-10 20 18z"/><path d="M6 56h52"/><circle cx="46" cy="14" r="6"/>`,
  building: svg`<path d="M14 56V10h26v46M40 24h12v32M8 56h50"/><path d="M21 18h5M30 18h3M21 28h5M30 28h3M21 38h5M30 38h3M46 32v2M46 42v2"/>`,
  shop: svg`<path d="M8 24l6-14h36l6 14z"/><path d="M8 24c0 6 8 6 8 0 0 6 8 6 8 0 0 6 8 6 8 0 0 6 8 6 8 0 0 6 8 6 8 0 0 6 8 6 8 0"/><path d="M12 32v24h40V32M26 56V42h12v14"/>`,
  care: svg`<path d="M32 26c-6-10-20-6-16 4 3 7 16 14 16 14s13-7 16-14c4-10-10-14-16-4z"/><path d="M6 50c8-6 14-6 20-2h14l-8 4M6 58h40l14-12"/>`,
  home: svg`<path d="M8 30L32 10l24 20"/><path d="M14 26v30h36V26M27 56V40h10v16"/>`,
  health: svg`<rect x="10" y="10" width="44" height="44" rx="8"/><path d="M32 20v24M20 32h24"/>`,
  // Priority groups
  medal: svg`<path d="M22 6l10 18 10-18M18 6h8M38 6h8"/><circle cx="32" cy="40" r="14"/><path d="M32 32l2.5 5 5.5.8-4 3.9 1 5.5-5-2.6-5 2.6 1-5.5-4-3.9 5.5-.8z"/>`,
  elderly: svg`<circle cx="28" cy="10" r="6"/><path d="M28 18c-4 6-6 12-4 20l-6 18M24 38l8 6 2 12M28 24l10 8M42 32l4 24"/>`,
  disability: svg`<circle cx="30" cy="9" r="6"/><path d="M30 18v18h16l6 16"/><path d="M30 26h12"/><path d="M22 30a14 14 0 1 0 20 18"/>`,
  pregnant: svg`<circle cx="30" cy="9" r="6"/><path d="M30 18c-6 4-6 12-4 16 8 0 14 4 12 12-1 4-6 4-10 4l-2 8M26 34l-2 24"/>`,
  child: svg`<circle cx="24" cy="10" r="6"/><path d="M24 18v16l-6 22M24 34l6 22"/><path d="M24 24h10"/><circle cx="42" cy="28" r="5"/><path d="M34 34c2 8 14 8 16 0"/>`,
  // Interface
  priority: svg`<path d="M32 6l7 15 16 2-12 11 3 16-14-8-14 8 3-16L9 23l16-2z"/>`,
  search: svg`<circle cx="27" cy="27" r="16"/><path d="M39 39l16 16"/>`,
  back: svg`<path d="M28 14L10 32l18 18M10 32h44"/>`,
  printer: svg`<path d="M18 24V8h28v16M18 46H10V24h44v22h-8"/><path d="M18 38h28v18H18z"/>`,
  offline: svg`<path d="M8 24a36 36 0 0 1 48 0M16 33a24 24 0 0 1 32 0M24 42a12 12 0 0 1 16 0"/><circle cx="32" cy="52" r="3"/><path d="M10 10l44 44"/>`,
  warning: svg`<path d="M32 8l26 46H6z"/><path d="M32 26v14M32 46v2"/>`,
  'text-size': svg`<path d="M4 54L20 10l16 44M9 40h22"/><path d="M38 54l10-26 10 26M41 46h14"/>`,
  hold: svg`<rect x="12" y="28" width="40" height="28" rx="4"/><path d="M20 28v-8a12 12 0 0 1 24 0v8M32 38v8"/>`,
  check: svg`<path d="M10 34l14 14 30-32"/>`,
  calendar: svg`<rect x="8" y="12" width="48" height="44" rx="5"/><path d="M8 24h48M20 6v12M44 6v12"/><path d="M22 40l7 7 14-14"/>`,
  phone: svg`<rect x="18" y="6" width="28" height="52" rx="5"/><path d="M28 50h8"/>`,
  default: svg`<rect x="12" y="10" width="40" height="46" rx="4"/><path d="M20 22h24M20 32h24M20 42h14"/>`,
};

/** An icon by name (unknown names get a generic document), decorative: the label says what it is. */
export function icon(name: string, size = 64): TemplateResult {
  return html`<svg class="icon" width=${size} height=${size} viewBox="0 0 64 64" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${ICONS[name] ?? ICONS.default}</svg>`;
}
