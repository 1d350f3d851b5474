/** The only module with side effects: defines every province dashboard tag (and the console's chart). */
import { QmChart } from '../../console/components/qm-chart';
import { QmProvinceAccounts } from './qm-province-accounts';
import { QmProvinceAdmin } from './qm-province-admin';
import { QmProvinceApp } from './qm-province-app';
import { QmProvinceCenters } from './qm-province-centers';
import { QmProvinceFloor } from './qm-province-floor';
import { QmProvinceLogin } from './qm-province-login';
import { QmProvincePassword } from './qm-province-password';
import { QmProvincePublish } from './qm-province-publish';
import { QmProvinceReports } from './qm-province-reports';

const tags: [string, CustomElementConstructor][] = [
  ['qm-province-app', QmProvinceApp],
  ['qm-province-login', QmProvinceLogin],
  ['qm-province-centers', QmProvinceCenters],
  ['qm-province-floor', QmProvinceFloor],
  ['qm-province-reports', QmProvinceReports],
  ['qm-province-admin', QmProvinceAdmin],
  ['qm-province-publish', QmProvincePublish],
  ['qm-province-accounts', QmProvinceAccounts],
  ['qm-province-password', QmProvincePassword],
  ['qm-chart', QmChart],
];
for (const [tag, ctor] of tags) if (!customElements.get(tag)) customElements.define(tag, ctor);
