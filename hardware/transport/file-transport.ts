import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Transport } from './transport';

/** Appends every job's raw bytes to a file: for printers shared by the OS (e.g. /dev/usb/lp0) and for capture. */
export function createFileTransport(opts: { path: string }): Transport {
  return {
    kind: 'file',
    name: `file:${opts.path}`,
    answersStatus: false,
    async open() {
      await mkdir(dirname(opts.path), { recursive: true }).catch(() => undefined);
    },
    write(bytes) {
      return appendFile(opts.path, bytes);
    },
    async close() {},
  };
}
