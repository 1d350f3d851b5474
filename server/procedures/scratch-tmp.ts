import { readFileSync } from 'node:fs';
import { parseCatalogJson, exportCsv, parseCatalogCsv } from './import';
import { buildSearchIndex } from './search';
const r = parseCatalogJson(readFileSync('server/seed/procedures/demo-catalog.json', 'utf8'));
if ('errors' in r) { console.log(r.errors); process.exit(1); }
const idx = buildSearchIndex(r.ok);
for (const q of ['dang ky khai sinh', 'khai si', 'giay chung sinh', 'so do', 'ho khau', 'cong chung', '1.001193', 'BHYT', 'chứng thực', 'd']) {
  const res = idx.search(q, { limit: 5 });
  console.log(`\n# ${q} (${res.total})`); for (const h of res.hits) console.log(h.score, h.name.slice(0, 60), '|', h.match?.part, '|', h.match?.text.slice(0, 50));
}
console.log(idx.listFields());
const csv = exportCsv(r.ok); const back = parseCatalogCsv(csv);
console.log('csv roundtrip', 'ok' in back && JSON.stringify(back.ok) === JSON.stringify(r.ok));
if ('ok' in back) { const a = r.ok, b = back.ok; for (let i = 0; i < a.length; i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) { console.log(JSON.stringify(a[i]).slice(0,3000)); console.log(JSON.stringify(b[i]).slice(0,3000)); break; } } else console.log(back.errors.slice(0,5));
