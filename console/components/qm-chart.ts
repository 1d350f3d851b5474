/**
 * `<qm-chart>`: a chart.js bar or line chart. Only the pieces used are
 * imported and registered, so the console bundle stays small.
 *
 * @property type - 'bar' | 'line'
 * @property labels - x labels
 * @property datasets - [{ label, data, color }]
 * @property stacked - stack bars
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  data: number[];
  color: string;
}

export class QmChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: var(--qm-chart-height, 260px);
    }
    canvas {
      width: 100% !important;
      height: 100% !important;
    }
  `;

  @property() type: 'bar' | 'line' = 'bar';
  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) datasets: ChartSeries[] = [];
  @property({ type: Boolean }) stacked = false;
  private chart: Chart | null = null;

  override render() {
    return html`<canvas role="img" aria-label=${this.datasets.map((d) => d.label).join(', ')}></canvas>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('labels') && !changed.has('datasets') && !changed.has('type')) return;
    this.chart?.destroy();
    const canvas = this.renderRoot.querySelector('canvas')!;
    this.chart = new Chart(canvas, {
      type: this.type,
      data: {
        labels: this.labels,
        datasets: this.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color, tension: 0.25 })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Printing and screenshots must show the final picture, not a frame of an animation.
        animation: false,
        // Counts are whole numbers: no 0.1 ticks on the axis.
        scales: { x: { stacked: this.stacked }, y: { stacked: this.stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }
}
