/** Entry of the hall display page (/display/). */
import './components/register';
import { parseDisplayParams } from './display-params';
import { ensureDevice } from '../devices/lib/ensure-device';

const hall = document.createElement('qm-hall-display');
// Parameters first: the element decides at connect time whether it speaks.
hall.params = parseDisplayParams(location.search, { voice: true, history: 6 });
document.body.replaceChildren(hall);
// A read-only screen works paired or not; a demo center that approves devices by itself still lists it as one.
void ensureDevice('hall-display').catch(() => undefined);
