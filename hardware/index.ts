/**
 * Thermal ticket printing: the surface the server imports.
 * Pure codec (layouts, code pages, ESC/POS encoder and decoder, status bytes) under codec/;
 * transports (serial, tcp, file, sim) under transport/; the queueing printer service under service/.
 */
export type {
  ChecklistPrint,
  ExpiredReason,
  PrintJobState,
  PrintJournal,
  PrinterStatusReason,
  StoredPrintJob,
  PrintJobInput,
  PrintJobRecord,
  PrinterConfig,
  PrinterService,
  PrinterStatus,
  PrinterStatusValue,
  TicketPrint,
} from './types';
export { createPrinterService } from './service/printer-service';
export { printerConfigFromEnv } from './config-from-env';
export { encodePrintJob } from './codec/encode-job';
export { decodeEscPos, type DecodedDocument, type DecodedLine } from './codec/decoder';
export { findProfile, listProfiles, resolveEncoding, paperGeometry, type PrinterProfile, type TextEncoding } from './codec/profiles';
export { parsePrinterUrl, type PrinterTarget } from './transport/printer-url';
export { renderPreview, bitmapToPng } from './sim/preview-png';
