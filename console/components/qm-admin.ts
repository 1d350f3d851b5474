/**
 * `<qm-admin>`: the admin screens. Loads the full configuration (inactive
 * items included) once per tab change and after each saved change.
 *
 * @property tab - which admin screen
 * @property me - the signed-in admin
 * @property serverNow - the server's clock as the console follows it
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Center, Counter, PriorityCategory, Service } from '../../protocol/domain';
import { api, ApiError } from '../lib/api';
import type { Me } from '../lib/events';
import { t } from '../lib/i18n';
import type { AdminTab } from '../lib/router';
import type { ColumnSpec, FieldSpec } from './qm-admin-table';
import { theme } from './theme';

export interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  role: 'staff' | 'director' | 'admin';
  counterId: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

export interface AdminConfig {
  center: Center;
  services: Service[];
  counters: Counter[];
  priorities: PriorityCategory[];
  staff: StaffRow[];
}

const activeCol: ColumnSpec = { label: 'field.active', render: (i) => (i.active ? t('admin.yes') : t('admin.no')) };

export class QmAdmin extends LitElement {
  static override styles = [theme];

  @property() tab: AdminTab = 'services';
  @property({ attribute: false }) me: Me | null = null;
  /** The server's clock as the console follows it (the devices screen's "last contact"). */
  @property({ attribute: false }) serverNow: () => number = () => Date.now();
  @state() private config: AdminConfig | null = null;
  @state() private error = '';
  private readonly reload = async () => {
    try {
      this.config = await api<AdminConfig>('/api/admin/config');
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab')) void this.reload();
  }

  override render() {
    if (this.error) return html`<p class="toast error" role="alert">${this.error}</p>`;
    const c = this.config;
    if (!c) return html`<p class="muted">…</p>`;
    switch (this.tab) {
      case 'services':
        return this.services(c);
      case 'counters':
        return this.counters(c);
      case 'priorities':
        return this.priorities(c);
      case 'staff':
        return html`<qm-admin-staff .config=${c} .me=${this.me} .reload=${this.reload}></qm-admin-staff>`;
      case 'devices':
        return html`<qm-admin-devices .counters=${c.counters} .timeZone=${c.center.timeZone} .serverNow=${this.serverNow}></qm-admin-devices>`;
      case 'center':
        return html`<qm-admin-center .center=${c.center} .services=${c.services} .reload=${this.reload}></qm-admin-center>`;
      case 'appointments':
        return html`<qm-admin-appointments .services=${c.services} .counters=${c.counters} .priorities=${c.priorities}></qm-admin-appointments>`;
      case 'procedures':
        return html`<qm-admin-procedures></qm-admin-procedures>`;
      case 'province':
        return html`<qm-admin-province .timeZone=${c.center.timeZone}></qm-admin-province>`;
      case 'audit':
        return html`<qm-admin-audit .timeZone=${c.center.timeZone}></qm-admin-audit>`;
    }
  }

  private services(c: AdminConfig) {
    const fields: FieldSpec[] = [
      { key: 'code', label: 'field.code', type: 'text' },
      { key: 'name', label: 'field.name', type: 'text' },
      { key: 'nameEn', label: 'field.nameEn', type: 'text' },
      { key: 'field', label: 'field.field', type: 'text' },
      { key: 'prefix', label: 'field.prefix', type: 'text' },
      { key: 'numberStart', label: 'field.numberStart', type: 'number' },
      { key: 'numberEnd', label: 'field.numberEnd', type: 'number' },
      { key: 'dailyQuota', label: 'field.dailyQuota', type: 'optionalNumber' },
      { key: 'targetWaitMinutes', label: 'field.targetWaitMinutes', type: 'number' },
      { key: 'defaultServiceMinutes', label: 'field.defaultServiceMinutes', type: 'number' },
      { key: 'icon', label: 'field.icon', type: 'text' },
      { key: 'sortOrder', label: 'field.sortOrder', type: 'number' },
      { key: 'active', label: 'field.active', type: 'bool' },
      { key: 'openingHours', label: 'field.openingHours', type: 'hours' },
    ];
    const columns: ColumnSpec[] = [
      { label: 'field.prefix', render: (i) => i.prefix },
      { label: 'field.name', render: (i) => i.name },
      { label: 'field.code', render: (i) => i.code },
      { label: 'field.numberStart', render: (i) => `${i.numberStart}–${i.numberEnd}`, num: true },
      { label: 'field.targetWaitMinutes', render: (i) => i.targetWaitMinutes, num: true },
      { label: 'field.sortOrder', render: (i) => i.sortOrder, num: true },
      activeCol,
    ];
    const blank = { code: '', name: '', nameEn: '', field: '', prefix: '', numberStart: 1, numberEnd: 999, dailyQuota: null, openingHours: null, targetWaitMinutes: 20, defaultServiceMinutes: 8, icon: '', active: true, sortOrder: c.services.length + 1 };
    return html`<qm-admin-table endpoint="/api/admin/services" deletable .items=${c.services} .fields=${fields} .columns=${columns} .blank=${blank} .reload=${this.reload}></qm-admin-table>`;
  }

  private counters(c: AdminConfig) {
    const staffName = (id: unknown) => c.staff.find((s) => s.id === id)?.displayName ?? '';
    const fields: FieldSpec[] = [
      { key: 'number', label: 'field.number', type: 'number' },
      { key: 'name', label: 'field.name', type: 'text' },
      { key: 'area', label: 'field.area', type: 'text' },
      { key: 'staffId', label: 'field.staffId', type: 'select', nullable: true, options: c.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.displayName} (${s.username})` })) },
      { key: 'active', label: 'field.active', type: 'bool' },
      { key: 'serviceIds', label: 'field.services', type: 'ordered', options: c.services.map((s) => ({ value: s.id, label: `${s.prefix} · ${s.name}` })) },
    ];
    const columns: ColumnSpec[] = [
      { label: 'field.number', render: (i) => i.number, num: true },
      { label: 'field.name', render: (i) => i.name },
      { label: 'field.services', render: (i) => (i.serviceIds as string[]).map((id) => c.services.find((s) => s.id === id)?.prefix ?? id).join(' › ') },
      { label: 'field.staffId', render: (i) => staffName(i.staffId) },
      activeCol,
    ];
    const blank = { number: Math.max(0, ...c.counters.map((x) => x.number)) + 1, name: '', area: '', staffId: null, active: true, serviceIds: [] };
    return html`<qm-admin-table endpoint="/api/admin/counters" .items=${c.counters} .fields=${fields} .columns=${columns} .blank=${blank} .reload=${this.reload}></qm-admin-table>`;
  }

  private priorities(c: AdminConfig) {
    const fields: FieldSpec[] = [
      { key: 'code', label: 'field.code', type: 'text' },
      { key: 'name', label: 'field.name', type: 'text' },
      { key: 'nameEn', label: 'field.nameEn', type: 'text' },
      { key: 'weight', label: 'field.weight', type: 'number' },
      { key: 'icon', label: 'field.icon', type: 'text' },
      { key: 'sortOrder', label: 'field.sortOrder', type: 'number' },
      { key: 'active', label: 'field.active', type: 'bool' },
    ];
    const columns: ColumnSpec[] = [
      { label: 'field.code', render: (i) => i.code },
      { label: 'field.name', render: (i) => i.name },
      { label: 'field.weight', render: (i) => i.weight, num: true },
      activeCol,
    ];
    const blank = { code: '', name: '', nameEn: '', weight: 1, icon: '', active: true, sortOrder: c.priorities.length + 1 };
    return html`<qm-admin-table endpoint="/api/admin/priorities" .items=${c.priorities} .fields=${fields} .columns=${columns} .blank=${blank} .reload=${this.reload}></qm-admin-table>`;
  }
}
