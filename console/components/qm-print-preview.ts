/**
 * `<qm-print-preview>`: what a simulated printer printed for one job — the
 * picture of the slip (preview.png) and its text (preview.txt). Real printers
 * keep no copy, so the server answers 404 and the panel says so.
 *
 * @property printerId - printer of the job
 * @property job - the job to show
 * @property timeZone - center zone, for the times
 * @property simulator - false when the server says the printer keeps no copy (undefined: ask)
 * @fires qm-preview-close - the close button was pressed
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, apiText } from '../lib/api';
import { emit } from '../lib/events';
import { DEFAULT_TIME_ZONE, formatLocalDateTimeSeconds } from '../../protocol/local-time';
import { t } from '../lib/i18n';
import { previewPath, type PrintJob } from '../lib/printers';
import { theme } from './theme';

type Loaded = { kind: 'loading' } | { kind: 'text'; text: string } | { kind: 'none' } | { kind: 'error'; message: string };

export class QmPrintPreview extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: baseline;
        gap: 0.75rem;
      }
      .head h2 {
        margin-right: auto;
      }
      .head button {
        min-height: 32px;
        padding: 0.2rem 0.7rem;
      }
      .meta {
        margin: 0 0 0.75rem;
      }
      .paper {
        display: flex;
        gap: 1rem;
        align-items: flex-start;
        flex-wrap: wrap;
      }
      figure {
        margin: 0;
        /* The slip at its printed width, on a grey ground so its white edge shows. */
        background: #e8eaed;
        padding: 0.6rem;
        border-radius: 8px;
        max-width: 100%;
      }
      figure img {
        display: block;
        max-width: 100%;
        height: auto;
        background: #fff;
        box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
      }
      figcaption,
      h3 {
        font-size: 0.85rem;
        color: var(--qm-grey);
        font-weight: 600;
        margin: 0 0 0.4rem;
      }
      .text {
        flex: 0 1 auto;
        min-width: 0;
        max-width: 100%;
      }
      pre {
        margin: 0;
        padding: 0.6rem 0.75rem;
        background: #fafafa;
        border: 1px solid var(--qm-line);
        border-radius: 6px;
        /* The page's font, not a monospace one: common monospace fonts (DejaVu Sans Mono) lack
           Vietnamese letters with two marks and draw "ố" as "ô" plus a loose accent. */
        font-family: inherit;
        font-size: 0.85rem;
        line-height: 1.45;
        /* Printer lines are already cut to the paper's width: keep them as printed. */
        white-space: pre;
        overflow-x: auto;
      }
    `,
  ];

  @property({ attribute: false }) printerId = '';
  @property({ attribute: false }) job: PrintJob | null = null;
  @property({ attribute: false }) timeZone = DEFAULT_TIME_ZONE;
  @property({ attribute: false }) simulator: boolean | undefined = undefined;
  @state() private loaded: Loaded = { kind: 'loading' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Only another job needs fetching again: a refreshed list hands over a new object for the same job.
    const before = changed.get('job') as PrintJob | null | undefined;
    if ((changed.has('job') && before?.id !== this.job?.id) || changed.has('printerId')) void this.load();
  }

  private async load() {
    const job = this.job;
    if (!job) return;
    if (this.simulator === false) {
      this.loaded = { kind: 'none' };
      return;
    }
    this.loaded = { kind: 'loading' };
    let next: Loaded;
    try {
      next = { kind: 'text', text: await apiText(previewPath(this.printerId, job.id, 'txt')) };
    } catch (err) {
      next = err instanceof ApiError && err.status === 404 ? { kind: 'none' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    if (this.job?.id === job.id) this.loaded = next;
  }

  override render() {
    const job = this.job;
    if (!job) return html`<h2>${t('printers.preview')}</h2><p class="muted">${t('printers.previewHint')}</p>`;
    const l = this.loaded;
    return html`<div class="head">
        <h2>${t('printers.preview')}</h2>
        <button @click=${() => emit(this, 'qm-preview-close', undefined)}>${t('printers.closePreview')}</button>
      </div>
      <p class="meta muted">
        ${t(`printers.kind.${job.kind}`)} · ${formatLocalDateTimeSeconds(job.createdAt, this.timeZone)}
        ${job.printedAt ? html` · ${t('printers.printedAt', { time: formatLocalDateTimeSeconds(job.printedAt, this.timeZone) })}` : null} · ${t('printers.bytes', { bytes: job.bytes })}
      </p>
      ${l.kind === 'loading'
        ? html`<p class="muted">${t('printers.loading')}</p>`
        : l.kind === 'none'
          ? html`<p class="muted" data-testid="no-preview">${t('printers.noPreview')}</p>`
          : l.kind === 'error'
            ? html`<p class="toast error">${l.message}</p>`
            : html`<div class="paper">
                <figure>
                  <figcaption>${t('printers.previewPicture')}</figcaption>
                  <img data-testid="preview-img" src=${previewPath(this.printerId, job.id, 'png')} alt=${l.text} />
                </figure>
                <div class="text">
                  <h3>${t('printers.previewText')}</h3>
                  <pre data-testid="preview-text">${l.text}</pre>
                </div>
              </div>`}`;
  }
}
