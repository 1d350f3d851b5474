import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAnnouncement, type Announcement } from '../../../display/voice/announcement';
import type { AnnouncementPlayer, PlayResult } from '../../../display/voice/player';
import { createSilentPlayer } from '../../../display/voice/players/silent-player';
import { AnnouncementSequencer, type QueuedCall, type SequencerLogEntry } from '../../../display/voice/sequencer';
import { clipsDurationMs, mergeVoicePacks, type VoicePackManifest } from '../../../display/voice/voice-pack';

const packDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/voice/default');
const manifest = JSON.parse(readFileSync(resolve(packDir, 'manifest.json'), 'utf8')) as VoicePackManifest;
const pack = mergeVoicePacks([{ baseUrl: 'http://display.local/voice/default/', manifest }]);

const GAP = 800;

function call(key: string, number: string, recall = false): QueuedCall {
  const parts = [buildAnnouncement({ number, counterNumber: 3, recall, lang: 'vi', variant: 'north', digitByDigit: false })];
  return { key, parts };
}

/** Takes as long as the real clips would and records when it was actually busy. */
class FakePlayer implements AnnouncementPlayer {
  readonly played: { text: string; from: number; to: number }[] = [];
  active = 0;
  maxActive = 0;
  stopCalls = 0;
  behaviour: (a: Announcement) => 'ok' | 'reject' | 'throw' | 'hang' = () => 'ok';

  play(announcement: Announcement): Promise<PlayResult> {
    const mode = this.behaviour(announcement);
    if (mode === 'throw') throw new Error('decoder crashed');
    if (mode === 'hang') return new Promise(() => undefined);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    const from = Date.now();
    return new Promise((resolvePlay, rejectPlay) => {
      setTimeout(() => {
        this.active--;
        this.played.push({ text: announcement.text, from, to: Date.now() });
        if (mode === 'reject') rejectPlay(new Error('clip failed to decode'));
        else resolvePlay({ audible: true });
      }, clipsDurationMs(announcement.clips, pack));
    });
  }

  stop(): void {
    this.stopCalls++;
  }
}

/** Each start is followed by its own end before the next start, and starts are at least GAP after the previous end. */
function expectSequential(log: SequencerLogEntry[], minGap = GAP): void {
  const spans = log.filter((e) => e.event === 'start' || e.event === 'end');
  for (let i = 0; i < spans.length; i += 2) {
    expect(spans[i]!.event).toBe('start');
    expect(spans[i + 1]!.event).toBe('end');
    expect(spans[i + 1]!.key).toBe(spans[i]!.key);
    if (i > 0) expect(spans[i]!.at - spans[i - 1]!.at).toBeGreaterThanOrEqual(minGap);
  }
}

const startedKeys = (log: SequencerLogEntry[]) => log.filter((e) => e.event === 'start').map((e) => e.key);

describe('AnnouncementSequencer', () => {
  let player: FakePlayer;
  let sequencer: AnnouncementSequencer;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-09-01T01:00:00Z') });
    player = new FakePlayer();
    sequencer = new AnnouncementSequencer({ player, minGapMs: GAP, maxQueue: 3, playTimeoutMs: 15_000 });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function drain(): Promise<void> {
    const idle = sequencer.idle();
    await vi.runAllTimersAsync();
    await idle;
  }

  it('announces two quick calls in order, without overlap, with a gap', async () => {
    sequencer.enqueue(call('a', 'A001'));
    sequencer.enqueue(call('b', 'A002'));
    await drain();

    expect(startedKeys(sequencer.log)).toEqual(['a', 'b']);
    expect(player.maxActive).toBe(1);
    expect(player.played.map((p) => p.text)).toEqual([
      'Mời công dân có số thứ tự A001 đến quầy số 3',
      'Mời công dân có số thứ tự A002 đến quầy số 3',
    ]);
    expect(player.played[1]!.from - player.played[0]!.to).toBeGreaterThanOrEqual(GAP);
    // The first call lasted as long as its clips: the log reflects real playing time.
    const [start, end] = sequencer.log.filter((e) => e.key === 'a' && (e.event === 'start' || e.event === 'end'));
    expect(end!.at - start!.at).toBe(clipsDurationMs(call('a', 'A001').parts[0]!.clips, pack));
    expectSequential(sequencer.log);
  });

  it('does not wait for a gap before the first call', () => {
    sequencer.enqueue(call('a', 'A001'));
    expect(sequencer.log.at(-1)).toMatchObject({ event: 'start', key: 'a', at: Date.now() });
  });

  it('announces a recall again', async () => {
    sequencer.enqueue(call('t1@100', 'A001'));
    await drain();
    sequencer.enqueue(call('t1@900:recall', 'A001', true));
    await drain();
    expect(startedKeys(sequencer.log)).toEqual(['t1@100', 't1@900:recall']);
    expect(player.played[1]!.text).toMatch(/^Xin mời lần nữa/);
  });

  it('does not replay the same call delivered twice, queued or already spoken', async () => {
    expect(sequencer.enqueue(call('a', 'A001'))).toBe(true);
    expect(sequencer.enqueue(call('a', 'A001'))).toBe(false);
    await drain();
    expect(sequencer.enqueue(call('a', 'A001'))).toBe(false);
    await drain();
    expect(player.played).toHaveLength(1);
    expect(sequencer.log.filter((e) => e.event === 'duplicate')).toHaveLength(2);
  });

  it('keeps the queue bounded by dropping the oldest waiting calls', async () => {
    for (const n of [0, 1, 2, 3, 4, 5]) sequencer.enqueue(call(`k${n}`, `A00${n}`));
    expect(sequencer.pending).toBe(3);
    await drain();
    // k0 was already being spoken; k1 and k2 were the oldest waiting.
    expect(startedKeys(sequencer.log)).toEqual(['k0', 'k3', 'k4', 'k5']);
    expect(sequencer.log.filter((e) => e.event === 'dropped').map((e) => e.key)).toEqual(['k1', 'k2']);
    expectSequential(sequencer.log);
  });

  it('keeps going when the player rejects, throws or hangs', async () => {
    sequencer = new AnnouncementSequencer({ player, minGapMs: GAP, playTimeoutMs: 15_000 });
    player.behaviour = (a) => (a.text.includes('A002') ? 'reject' : a.text.includes('A003') ? 'throw' : a.text.includes('A004') ? 'hang' : 'ok');
    for (const n of [1, 2, 3, 4, 5]) sequencer.enqueue(call(`k${n}`, `A00${n}`));
    await drain();

    expect(startedKeys(sequencer.log)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(sequencer.log.filter((e) => e.event === 'error').map((e) => e.key)).toEqual(['k2', 'k3', 'k4']);
    expect(sequencer.log.find((e) => e.event === 'end' && e.key === 'k2')).toMatchObject({ audible: false });
    expect(sequencer.log.find((e) => e.event === 'end' && e.key === 'k5')).toMatchObject({ audible: true });
    // The hung play was cut off once its time limit passed.
    expect(player.stopCalls).toBe(1);
    const hung = sequencer.log.filter((e) => e.key === 'k4');
    expect(hung.at(-1)!.at - hung.find((e) => e.event === 'start')!.at).toBe(15_000);
    expectSequential(sequencer.log);
  });

  it('plays every part of a call before the next call', async () => {
    const both: QueuedCall = {
      key: 'vi+en',
      parts: [
        buildAnnouncement({ number: 'A001', counterNumber: 3, recall: false, lang: 'vi', variant: 'north', digitByDigit: false }),
        buildAnnouncement({ number: 'A001', counterNumber: 3, recall: false, lang: 'en', variant: 'north', digitByDigit: false, chime: false }),
      ],
    };
    sequencer.enqueue(both);
    sequencer.enqueue(call('next', 'A002'));
    await drain();
    expect(player.played.map((p) => p.text.slice(0, 6))).toEqual(['Mời cô', 'Ticket', 'Mời cô']);
    expectSequential(sequencer.log);
  });

  it('reports each log entry as it happens and stops after dispose', async () => {
    const seen: string[] = [];
    sequencer = new AnnouncementSequencer({ player, onLog: (e) => seen.push(`${e.event}:${e.key}`) });
    sequencer.enqueue(call('a', 'A001'));
    sequencer.enqueue(call('b', 'A002'));
    sequencer.dispose();
    await drain();
    expect(seen).toEqual(['enqueued:a', 'start:a', 'enqueued:b', 'end:a']);
    expect(sequencer.enqueue(call('c', 'A003'))).toBe(false);
  });

  it('paces silent announcements by the manifest durations', async () => {
    sequencer = new AnnouncementSequencer({ player: createSilentPlayer({ pack }), minGapMs: GAP });
    sequencer.enqueue(call('a', 'A001'));
    await drain();
    const [start, end] = sequencer.log.filter((e) => e.event === 'start' || e.event === 'end');
    expect(end!.at - start!.at).toBe(clipsDurationMs(call('a', 'A001').parts[0]!.clips, pack));
    expect(end!.audible).toBe(false);
  });
});
