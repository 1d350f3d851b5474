/** Ticket and checklist layouts as blocks: what goes on paper, independent of the printer's encoding. */
import type { ChecklistPrint, TicketPrint } from '../types';
import type { Align, Block } from './blocks';
import { formatLocalDateTime as formatDateTime } from '../../protocol/local-time';
import { checklistMessages, ticketMessages } from './messages';
import { wrapText } from './wrap';
import { plainPunctuation } from './vietnamese';
import { waitWording } from '../../protocol/wait-estimate';

function para(text: string, columns: number, align: Align, opts: { scale?: 1 | 2; bold?: boolean } = {}): Block[] {
  const scale = opts.scale ?? 1;
  return wrapText(plainPunctuation(text), Math.floor(columns / scale)).map((line) => ({ kind: 'text', text: line, align, scale, bold: opts.bold }));
}

/** The estimated wait in the slip's words (protocol/wait-estimate.ts decides which wording fits). */
function waitOnPaper(t: TicketPrint, m: (typeof ticketMessages)[keyof typeof ticketMessages]): string {
  const w = waitWording(t.etaMinutes, t.etaRange);
  switch (w.kind) {
    case 'unknown':
      return m.noEta;
    case 'none':
      return m.noWait;
    case 'soon':
      return m.soon;
    case 'minutes':
      return `~${w.minutes} ${m.minutes}`;
    case 'range':
      return `${m.about} ${w.low}–${w.high} ${m.minutes}`;
  }
}

export function ticketBlocks(t: TicketPrint, columns: number): Block[] {
  const m = ticketMessages[t.lang ?? 'vi'];
  const eta = waitOnPaper(t, m);
  return [
    ...para(t.centerName, columns, 'center', { bold: true }),
    { kind: 'rule' },
    ...para(t.serviceName, columns, 'center', { scale: 2, bold: true }),
    { kind: 'feed', lines: 1 },
    ...para(m.yourNumber, columns, 'center'),
    { kind: 'big', text: t.number, align: 'center' },
    ...(t.priorityName ? para(`${m.priority}: ${t.priorityName}`, columns, 'center', { bold: true }) : []),
    { kind: 'feed', lines: 1 },
    ...para(`${m.waitingAhead}: ${Math.max(0, t.waitingAhead)}`, columns, 'left'),
    ...para(`${m.eta}: ${eta}`, columns, 'left'),
    ...para(`${m.issuedAt}: ${formatDateTime(t.issuedAt, t.timeZone)}`, columns, 'left'),
    { kind: 'rule' },
    ...para(m.instruction, columns, 'center'),
    { kind: 'qr', data: t.phoneUrl },
    ...para(m.scan, columns, 'center'),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
}

export function checklistBlocks(c: ChecklistPrint, columns: number): Block[] {
  const m = checklistMessages;
  const docs = c.documents.flatMap((d, i) => {
    const copies = d.copies === null || d.copies === undefined || d.copies === '' ? '' : ` (${m.copies}: ${d.copies})`;
    return para(`${i + 1}. ${d.name}${copies}`, columns, 'left');
  });
  return [
    ...para(c.centerName, columns, 'center', { bold: true }),
    ...para(m.title, columns, 'center', { bold: true }),
    { kind: 'rule' },
    ...para(`${m.code}: ${c.code}`, columns, 'left'),
    ...para(c.name, columns, 'left', { bold: true }),
    ...(c.field ? para(`${m.field}: ${c.field}`, columns, 'left') : []),
    { kind: 'rule' },
    ...para(`${m.documents}:`, columns, 'left', { bold: true }),
    ...docs,
    { kind: 'rule' },
    ...(c.timeLimit ? para(`${m.timeLimit}: ${c.timeLimit}`, columns, 'left') : []),
    ...(c.fee ? para(`${m.fee}: ${c.fee}`, columns, 'left') : []),
    ...(c.onlineUrl ? [...para(`${m.online}:`, columns, 'center'), { kind: 'qr', data: c.onlineUrl } as Block] : []),
    ...para(`${m.printedAt}: ${formatDateTime(c.printedAt, c.timeZone)}`, columns, 'right'),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
}
