/** Runs one bench module in its own process (so memory and sockets do not leak between benches). */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { BenchModule } from './types';

const file = process.argv[2];
const mod = (await import(pathToFileURL(resolve(file)).href)) as BenchModule;
const results = await mod.run();
process.stdout.write(`\n@@BENCH@@${JSON.stringify(results)}\n`);
process.exit(0);
