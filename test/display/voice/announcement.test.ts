import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAnnouncement, type AnnouncementRequest } from '../../../display/voice/announcement';
import { announcementsForCall, callKey } from '../../../display/voice/call-announcements';
import { clipCatalog } from '../../../display/voice/clip-catalog';
import type { VoicePackManifest } from '../../../display/voice/voice-pack';
import type { CallRecord } from '../../../protocol/realtime';

const packDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/voice/default');
const manifest = JSON.parse(readFileSync(resolve(packDir, 'manifest.json'), 'utf8')) as VoicePackManifest;

const base: AnnouncementRequest = {
  number: 'A023',
  counterNumber: 3,
  recall: false,
  lang: 'vi',
  variant: 'north',
  digitByDigit: false,
};

describe('buildAnnouncement', () => {
  it('builds the typical Vietnamese call', () => {
    const a = buildAnnouncement({ ...base, number: '1023' });
    expect(a.text).toBe('Mời công dân có số thứ tự 1023 đến quầy số 3');
    expect(a.spokenText).toBe('Mời công dân có số thứ tự một nghìn không trăm hai mươi ba đến quầy số ba');
    expect(a.clips).toEqual([
      'chime',
      'vi-north/phrase-invite',
      'vi-north/digit-1',
      'vi-north/nghin',
      'vi-north/digit-0',
      'vi-north/tram',
      'vi-north/digit-2',
      'vi-north/tens',
      'vi-north/digit-3',
      'vi-north/phrase-to-counter',
      'vi-north/digit-3',
    ]);
  });

  it('builds a southern recall', () => {
    const a = buildAnnouncement({ ...base, number: 'B105', counterNumber: 12, recall: true, variant: 'south' });
    expect(a.text).toBe('Xin mời lần nữa, công dân có số thứ tự B105 đến quầy số 12');
    expect(a.spokenText).toBe('Xin mời lần nữa, công dân có số thứ tự bê một trăm lẻ năm đến quầy số mười hai');
    expect(a.clips.slice(0, 4)).toEqual(['chime', 'vi-south/phrase-recall', 'vi-south/phrase-citizen-number', 'vi-south/letter-b']);
    expect(a.clips).toContain('vi-south/le');
  });

  it('reads digits one by one in digit mode, but the counter as a number', () => {
    const a = buildAnnouncement({ ...base, counterNumber: 15, digitByDigit: true });
    expect(a.spokenText).toBe('Mời công dân có số thứ tự a không hai ba đến quầy số mười lăm');
    expect(a.text).toContain('A023');
  });

  it('shows a counter name in the caption only', () => {
    const a = buildAnnouncement({ ...base, counterName: 'Hộ tịch' });
    expect(a.text).toBe('Mời công dân có số thứ tự A023 đến quầy số 3 (Hộ tịch)');
    expect(a.spokenText).not.toContain('Hộ tịch');
  });

  it('builds English calls and recalls', () => {
    const call = buildAnnouncement({ ...base, lang: 'en' });
    expect(call.text).toBe('Ticket number A023, please go to counter 3');
    expect(call.spokenText).toBe('Ticket number A twenty-three, please go to counter three');
    expect(call.clips).toEqual([
      'chime',
      'en/phrase-ticket-number',
      'en/letter-a',
      'en/tens-2',
      'en/digit-3',
      'en/phrase-go-to-counter',
      'en/digit-3',
    ]);
    const recall = buildAnnouncement({ ...base, lang: 'en', recall: true, chime: false });
    expect(recall.text).toBe('Once again, ticket number A023, please go to counter 3');
    expect(recall.clips[0]).toBe('en/phrase-once-again');
  });

  it('writes captions in NFC', () => {
    const a = buildAnnouncement({ ...base, recall: true });
    expect(a.text).toBe(a.text.normalize('NFC'));
    expect(a.spokenText).toBe(a.spokenText.normalize('NFC'));
  });
});

describe('the default voice pack', () => {
  const tickets = ['A001', 'B023', '1023', 'AB12', 'Đ999', 'WXYZ5', 'FJ0', 'ĂÂÊÔƠƯ', '105', '999999', '1000000', 'K2010'];
  const requests: AnnouncementRequest[] = tickets.flatMap((number, i) =>
    (['vi', 'en'] as const).flatMap((lang) =>
      (['north', 'south'] as const).flatMap((variant) =>
        [false, true].flatMap((digitByDigit) =>
          [false, true].map((recall) => ({ number, counterNumber: 1 + i * 9, recall, lang, variant, digitByDigit })),
        ),
      ),
    ),
  );

  it('has a clip for every id any announcement uses', () => {
    const missing = new Set<string>();
    for (const request of requests) {
      for (const id of buildAnnouncement(request).clips) if (!manifest.clips[id]) missing.add(id);
    }
    expect([...missing]).toEqual([]);
  });

  it('matches the clip catalog exactly, with real durations', () => {
    expect(Object.keys(manifest.clips).sort()).toEqual(clipCatalog().map((c) => c.id).sort());
    for (const [id, clip] of Object.entries(manifest.clips)) {
      expect(clip.durationMs, id).toBeGreaterThan(100);
      expect(clip.durationMs, id).toBeLessThan(4000);
    }
  });

  it('has every clip file on disk', () => {
    for (const clip of Object.values(manifest.clips)) {
      expect(readFileSync(resolve(packDir, clip.file)).subarray(0, 4).toString('latin1')).toBe('OggS');
    }
  });
});

describe('announcementsForCall', () => {
  const call: CallRecord = {
    ticket: {
      ref: 't-1',
      number: 'A023',
      serviceId: 's',
      priorityId: null,
      status: 'called',
      counterId: 'c-3',
      issuedAt: 1,
      calledAt: 2,
      recallCount: 0,
    },
    counter: { id: 'c-3', number: 3, name: 'Quầy 3' },
    recall: false,
    at: 2,
    seq: 7,
  };
  const settings = { voiceVariant: 'north', voiceDigitByDigit: false, announceEnglish: true } as const;

  it('speaks Vietnamese, then English without a second chime', () => {
    const queued = announcementsForCall(call, settings);
    expect(queued.parts.map((p) => p.lang)).toEqual(['vi', 'en']);
    expect(queued.parts[0]!.clips[0]).toBe('chime');
    expect(queued.parts[1]!.clips).not.toContain('chime');
    // "Quầy 3" adds nothing to "quầy số 3".
    expect(queued.parts[0]!.text).toBe('Mời công dân có số thứ tự A023 đến quầy số 3');
  });

  it('gives a replay the same key and a recall a new one', () => {
    expect(callKey({ ...call })).toBe(callKey(call));
    expect(callKey({ ...call, recall: true, at: 90 })).not.toBe(callKey(call));
  });

  it('skips English unless the center asks for it', () => {
    expect(announcementsForCall(call, { ...settings, announceEnglish: false }).parts).toHaveLength(1);
  });
});
