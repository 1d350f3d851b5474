/** The only module with side effects: defines every console tag. */
import { QmConsoleApp } from './qm-console-app';
import { QmLogin } from './qm-login';
import { QmPassword } from './qm-password';
import { QmCounterPicker } from './qm-counter-picker';
import { QmCounterConsole } from './qm-counter-console';
import { QmCounterDialog } from './qm-counter-dialog';
import { QmFloor } from './qm-floor';
import { QmPrinters } from './qm-printers';
import { QmPrintPreview } from './qm-print-preview';
import { QmReports } from './qm-reports';
import { QmReportAppointments } from './qm-report-appointments';
import { QmWhatIf } from './qm-what-if';
import { QmWhatIfResult } from './qm-what-if-result';
import { QmChart } from './qm-chart';
import { QmAdmin } from './qm-admin';
import { QmAdminTable } from './qm-admin-table';
import { QmAdminStaff } from './qm-admin-staff';
import { QmAdminCenter } from './qm-admin-center';
import { QmAdminAppointments } from './qm-admin-appointments';
import { QmAdminProcedures } from './qm-admin-procedures';
import { QmAdminProvince } from './qm-admin-province';
import { QmAdminAudit } from './qm-admin-audit';
import { QmAdminDevices } from './qm-admin-devices';
import { QmDeviceForm } from './qm-device-form';

const tags: [string, CustomElementConstructor][] = [
  ['qm-console-app', QmConsoleApp],
  ['qm-login', QmLogin],
  ['qm-password', QmPassword],
  ['qm-counter-picker', QmCounterPicker],
  ['qm-counter-console', QmCounterConsole],
  ['qm-counter-dialog', QmCounterDialog],
  ['qm-floor', QmFloor],
  ['qm-printers', QmPrinters],
  ['qm-print-preview', QmPrintPreview],
  ['qm-reports', QmReports],
  ['qm-report-appointments', QmReportAppointments],
  ['qm-what-if', QmWhatIf],
  ['qm-what-if-result', QmWhatIfResult],
  ['qm-chart', QmChart],
  ['qm-admin', QmAdmin],
  ['qm-admin-table', QmAdminTable],
  ['qm-admin-staff', QmAdminStaff],
  ['qm-admin-center', QmAdminCenter],
  ['qm-admin-appointments', QmAdminAppointments],
  ['qm-admin-procedures', QmAdminProcedures],
  ['qm-admin-province', QmAdminProvince],
  ['qm-admin-audit', QmAdminAudit],
  ['qm-admin-devices', QmAdminDevices],
  ['qm-device-form', QmDeviceForm],
];
for (const [tag, ctor] of tags) if (!customElements.get(tag)) customElements.define(tag, ctor);
