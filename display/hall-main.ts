/** Entry of the hall display page (/display/). */
import './components/register';
import { parseDisplayParams } from './display-params';

const hall = document.createElement('qm-hall-display');
// Parameters first: the element decides at connect time whether it speaks.
hall.params = parseDisplayParams(location.search, { voice: true, history: 6 });
document.body.replaceChildren(hall);
