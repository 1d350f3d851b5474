/**
 * The real-time protocol's AsyncAPI document (docs/realtime.asyncapi.yaml), read once at start, and a plain
 * HTML page made from it for people writing other clients. Served by plugins/docs.ts beside /docs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './paths';

export const REALTIME_DOC_PATH = join(projectRoot(), 'docs/realtime.asyncapi.yaml');

interface Ref { $ref: string }
interface Message { name?: string; title?: string; summary?: string; description?: string; payload?: unknown }
interface Operation { action: 'send' | 'receive'; channel: Ref; description?: string; messages: Ref[]; reply?: { messages: Ref[] } }
export interface RealtimeDoc {
  asyncapi: string;
  info: { title: string; version: string; description: string };
  channels: Record<string, { address: string; title?: string; messages: Record<string, Ref> }>;
  operations: Record<string, Operation>;
  components: { messages: Record<string, Message>; schemas: Record<string, unknown> };
}

export function parseRealtimeDoc(text: string): RealtimeDoc {
  return parse(text) as RealtimeDoc;
}

/** Follows a local `#/a/b/c` reference (one level, or more while the target is itself a reference). */
export function resolveRef<T>(doc: RealtimeDoc, value: unknown): T {
  let v: unknown = value;
  while (v && typeof v === 'object' && '$ref' in v && typeof (v as Ref).$ref === 'string') {
    const path = (v as Ref).$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    v = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    if (v === undefined) throw new Error(`unresolved reference ${(value as Ref).$ref}`);
  }
  return v as T;
}

/** Event names per namespace and direction, read from the operations (acks are replies, not events). */
export function realtimeEvents(doc: RealtimeDoc): Record<string, { serverToClient: string[]; clientToServer: string[] }> {
  const out: Record<string, { serverToClient: string[]; clientToServer: string[] }> = {};
  for (const op of Object.values(doc.operations)) {
    const { address } = resolveRef<RealtimeDoc['channels'][string]>(doc, op.channel);
    const entry = (out[address] ??= { serverToClient: [], clientToServer: [] });
    for (const ref of op.messages) {
      const name = resolveRef<Message>(doc, ref).name;
      if (!name) throw new Error(`a message of an operation on ${address} has no event name`);
      (op.action === 'send' ? entry.serverToClient : entry.clientToServer).push(name);
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
const inline = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The description's Markdown subset: paragraphs, fenced code, `code`. */
function prose(text: string): string {
  return text
    .split(/```[a-z]*\n([\s\S]*?)```/)
    .map((part, i) =>
      i % 2 === 1
        ? `<pre>${esc(part)}</pre>`
        : part
            .split(/\n\s*\n/)
            .filter((p) => p.trim())
            .map((p) => (/^[A-Z][^.\n]{0,80}$/.test(p.trim()) && !p.includes('`') ? `<h2>${esc(p.trim())}</h2>` : `<p>${inline(p.trim())}</p>`))
            .join('\n'),
    )
    .join('\n');
}

function schemaCell(doc: RealtimeDoc, payload: unknown): string {
  if (payload === undefined) return '<em>none</em>';
  if (payload && typeof payload === 'object' && '$ref' in payload) {
    const name = (payload as Ref).$ref.split('/').pop()!;
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  return `<pre>${esc(JSON.stringify(payload, null, 2))}</pre>`;
}

export function renderRealtimePage(doc: RealtimeDoc): string {
  const sections = Object.values(doc.channels).map((channel) => {
    const rows = Object.values(doc.operations)
      .filter((op) => resolveRef(doc, op.channel) === channel)
      .map((op) => {
        const msg = resolveRef<Message>(doc, op.messages[0]!);
        const ack = op.reply ? schemaCell(doc, resolveRef<Message>(doc, op.reply.messages[0]!).payload) : '—';
        const what = [msg.summary, msg.description, op.description].filter(Boolean).map((t) => inline(t!)).join('<br>');
        return `<tr><td><code>${esc(msg.name ?? '')}</code></td><td>${op.action === 'send' ? 'server → client' : 'client → server'}</td><td>${what}</td><td>${schemaCell(doc, msg.payload)}</td><td>${ack}</td></tr>`;
      });
    return `<h2><code>${esc(channel.address)}</code> — ${esc(channel.title ?? '')}</h2>
<table><thead><tr><th>event</th><th>direction</th><th>what</th><th>payload (first argument)</th><th>ack</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  });
  const schemas = Object.entries(doc.components.schemas).map(
    ([name, schema]) => `<h3 id="schema-${esc(name)}">${esc(name)}</h3><pre>${esc(JSON.stringify(schema, null, 2))}</pre>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
pre { background: #f4f4f4; padding: .6rem; overflow-x: auto; font-size: 13px; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .4rem; vertical-align: top; text-align: left; }
td pre { margin: 0; max-height: 16rem; }
p { white-space: pre-line; }
</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>AsyncAPI ${esc(doc.asyncapi)} document: <a href="/docs/realtime.yaml">/docs/realtime.yaml</a> (JSON: <a href="/docs/realtime.json">/docs/realtime.json</a>). REST API: <a href="/docs">/docs</a>.</p>
${prose(doc.info.description)}
${sections.join('\n')}
<h2>Schemas</h2>
${schemas.join('\n')}
</body></html>
`;
}

/** The document as served: the YAML text, its JSON form and the HTML page. */
export function loadRealtimeDoc(path = REALTIME_DOC_PATH): { yaml: string; json: RealtimeDoc; html: string } {
  const yaml = readFileSync(path, 'utf8');
  const json = parseRealtimeDoc(yaml);
  return { yaml, json, html: renderRealtimePage(json) };
}
