/**
 * Entry of the pairing page (/pair/): open it on the device being set up.
 *   ?kind=rating&counter=3   the choice to start with (the rating tablet's "not paired" link sets it)
 *   ?lang=en                 start in English
 */
import { DEVICE_KINDS, type DeviceKind } from '../protocol/devices';
import { QmPairPage } from './components/qm-pair-page';

if (!customElements.get('qm-pair-page')) customElements.define('qm-pair-page', QmPairPage);

const params = new URLSearchParams(location.search);
const page = document.createElement('qm-pair-page') as QmPairPage;
const kind = params.get('kind');
if (kind && (DEVICE_KINDS as readonly string[]).includes(kind)) page.kind = kind as DeviceKind;
const counter = Number.parseInt(params.get('counter') ?? '', 10);
if (Number.isInteger(counter) && counter > 0) page.counterNumber = counter;
if (params.get('lang') === 'en') page.locale = 'en';
page.addEventListener('qm-device-ready', (e) => location.assign((e as CustomEvent<{ url: string }>).detail.url));
document.body.replaceChildren(page);
