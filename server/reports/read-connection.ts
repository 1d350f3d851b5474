/**
 * Streaming exports read through their own read-only connection: better-sqlite3 keeps a
 * connection busy while an iterator is open, and a download to a slow browser must never
 * block the queue service's writes. WAL gives the export one consistent snapshot.
 */
import Database from 'better-sqlite3';
import type { Db } from '../store/db';

export function openReader(db: Db, options: { cacheMiB?: number } = {}): Db {
  if (db.memory) return db;
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  if (options.cacheMiB) {
    // A month of tickets is some 10–20 MiB of pages: keep them between reports, map the file
    // instead of copying each page through read().
    reader.pragma(`cache_size = -${options.cacheMiB * 1024}`);
    reader.pragma(`mmap_size = ${options.cacheMiB * 4 * 2 ** 20}`);
  }
  return reader;
}

/**
 * The export's text in chunks of about 64 KB (one stream write per line would dominate the
 * time). The reader opens on the first pull, so a request dropped before the stream starts
 * opens nothing, and closes when the stream ends or the client goes away.
 */
export function* exportChunks(db: Db, lines: (reader: Db) => Iterable<string>): Generator<string> {
  const reader = openReader(db);
  try {
    let buf = '';
    for (const l of lines(reader)) {
      buf += l;
      if (buf.length >= 65_536) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  } finally {
    if (reader !== db) reader.close();
  }
}
