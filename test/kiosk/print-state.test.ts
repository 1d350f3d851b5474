import { describe, expect, it } from 'vitest';
import { checklistPrintNote, printerProblem, ticketPrintNote } from '../../kiosk/lib/print-state';
import type { PrintInfo } from '../../protocol/schemas';

const info = (state: string, printerStatus = 'ok'): PrintInfo => ({ state, printerStatus, printerId: 'p1', jobId: 'j' });

describe('print messages', () => {
  it.each([
    [info('queued'), false, 'printing', false],
    [info('retrying'), false, 'printing', false],
    [info('printed'), false, 'printed', false],
    [info('failed'), false, 'printProblem', true],
    // Dropped unprinted while the printer was away, or too old when the server restarted; the printer is fine now.
    [info('expired'), false, 'printProblem', true],
    [info('queued', 'paper-out'), false, 'printProblem', true],
    [info('queued', 'paper-near-end'), false, 'printing', false],
    [info('queued'), true, 'printProblem', true],
    [info('printed'), true, 'printed', false],
    [info('none'), false, 'noPrint', false],
    [undefined, false, 'noPrint', false],
  ] as const)('ticket %j with a live fault %s → %s', (print, fault, key, problem) => {
    expect(ticketPrintNote({ print }, fault)).toEqual({ key, problem });
  });

  it('a ticket taken on a browser that is not a kiosk is not a print problem, whatever the printers say', () => {
    const print: PrintInfo = { ...info('none'), printerId: null, jobId: null, noPrintReason: 'not-a-kiosk' };
    expect(ticketPrintNote({ print }, true)).toEqual({ key: 'notKioskPrint', problem: false, notKiosk: true });
    expect(ticketPrintNote({ print: { ...print, noPrintReason: 'no-printer' } }, false)).toEqual({ key: 'noPrint', problem: false });
  });

  it('looks at this kiosk’s printer once known, else at all', () => {
    const printers = [
      { id: 'p1', status: 'ok' as const },
      { id: 'p2', status: 'cover-open' as const },
    ];
    expect(printerProblem(printers, 'p1')).toBe(false);
    expect(printerProblem(printers, 'p2')).toBe(true);
    expect(printerProblem(printers, null)).toBe(true);
    expect(printerProblem([{ id: 'p1', status: 'paper-near-end' }], null)).toBe(false);
  });

  it('checklist: printing, no printer, or a fault', () => {
    expect(checklistPrintNote(info('queued'))).toEqual({ key: 'checklistPrinting', problem: false });
    expect(checklistPrintNote(info('none'))).toEqual({ key: 'checklistNone', problem: false });
    expect(checklistPrintNote(info('failed'))).toEqual({ key: 'checklistProblem', problem: true });
    expect(checklistPrintNote(info('queued', 'offline'))).toEqual({ key: 'checklistProblem', problem: true });
  });
});
