/**
 * `npm run bench [-- name…]`: runs every test/bench/*.bench.ts in its own process
 * and prints one table. Figures go to BENCHMARKS.md and closing notes, never into tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { BenchResult } from './types';

const filters = process.argv.slice(2);
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

// Benches measure what `npm start` runs: the built pages and the server bundle.
process.stderr.write('▶ build\n');
const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) throw new Error('build failed');

const rows: (BenchResult & { bench: string })[] = [];
for (const file of files) {
  const bench = file.replace('.bench.ts', '');
  process.stderr.write(`▶ ${bench}\n`);
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/run-one.ts', `test/bench/${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
  const marker = out.stdout.lastIndexOf('@@BENCH@@');
  if (out.status !== 0 || marker < 0) {
    process.stderr.write(`  failed (${out.status}): ${out.stderr.slice(-2000)}\n`);
    rows.push({ bench, name: 'FAILED', value: String(out.status), unit: '' });
    continue;
  }
  for (const r of JSON.parse(out.stdout.slice(marker + 9)) as BenchResult[]) rows.push({ bench, ...r });
}

const header = ['bench', 'figure', 'value', 'unit', 'target', 'baseline', 'note'];
const table = [header, ...rows.map((r) => [r.bench, r.name, String(r.value), r.unit, r.target ?? '', r.baseline === undefined ? '' : String(r.baseline), r.note ?? ''])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row: string[]) => '| ' + row.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
const text = [line(table[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...table.slice(1).map(line)].join('\n');
process.stdout.write(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n${text}\n`);
writeFileSync('bench-results.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
