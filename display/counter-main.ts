/** Entry of the counter display page (/display/counter/:number). */
import './components/register';
import { counterNumberFromLocation, parseDisplayParams } from './display-params';
import { vi } from './i18n';
import { ensureDevice } from '../devices/lib/ensure-device';

const number = counterNumberFromLocation(location.pathname, location.search);
const screen = document.createElement('qm-counter-display');
screen.params = parseDisplayParams(location.search, { voice: false, history: 1 });
screen.counterNumber = number;
document.title = number === null ? vi.counter : `${vi.counter} ${number}`;
document.body.replaceChildren(screen);
// A read-only screen works paired or not; a demo center that approves devices by itself still lists it as one.
void ensureDevice('counter-display', number).catch(() => undefined);
