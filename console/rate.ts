/** Rating tablet entry: /rate/counter/3 (or ?counter=3 when opened from the built file). */
import { QmRatingTablet } from './components/qm-rating-tablet';

if (!customElements.get('qm-rating-tablet')) customElements.define('qm-rating-tablet', QmRatingTablet);

const fromPath = /\/rate\/counter\/(\d+)/.exec(location.pathname)?.[1];
const number = Number(fromPath ?? new URLSearchParams(location.search).get('counter') ?? '1');
const el = document.createElement('qm-rating-tablet') as QmRatingTablet;
el.counterNumber = number;
document.body.append(el);
