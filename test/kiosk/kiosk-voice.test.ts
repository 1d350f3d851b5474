/** What the kiosk says (clips from the voice pack) and how its speaker takes lines: replace, continue, mute. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../display/voice/announcement';
import type { VoicePackManifest } from '../../display/voice/voice-pack';
import { kioskAnnouncement, type KioskLine, type KioskSpeechSettings } from '../../kiosk/lib/kiosk-speech';
import { KioskVoice, type KioskAudio, type KioskVoiceSettings } from '../../kiosk/lib/kiosk-voice';

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/voice/default/manifest.json'), 'utf8')) as VoicePackManifest;
const north: KioskSpeechSettings = { lang: 'vi', variant: 'north', digitByDigit: false };

describe('what the kiosk says', () => {
  it('greets, then asks to choose a field', () => {
    const a = kioskAnnouncement({ kind: 'greeting', withPrompt: true }, north);
    expect(a.clips).toEqual(['vi-north/kiosk-greeting', 'vi-north/kiosk-choose-field']);
    expect(a.text).toBe('Xin kính chào quý khách. Mời quý khách chọn lĩnh vực.');
    expect(kioskAnnouncement({ kind: 'greeting', withPrompt: false }, north).clips).toEqual(['vi-north/kiosk-greeting']);
  });

  it('reads the number as the hall will call it, then asks to wait', () => {
    const a = kioskAnnouncement({ kind: 'issued', number: 'A023', printerFault: false }, north);
    expect(a.clips).toEqual(['vi-north/kiosk-your-number', 'vi-north/letter-a', 'vi-north/digit-2', 'vi-north/tens', 'vi-north/digit-3', 'vi-north/kiosk-please-wait']);
    expect(a.text).toBe('Số thứ tự của quý khách là A023. Mời quý khách ngồi chờ gọi số.');
    expect(a.spokenText).toBe('Số thứ tự của quý khách là a hai mươi ba. Mời quý khách ngồi chờ gọi số.');
  });

  it('reads G as "gờ", so G012 does not sound like D012, and follows the region and digit mode', () => {
    const g = kioskAnnouncement({ kind: 'issued', number: 'G012', printerFault: false }, north);
    expect(g.spokenText).toContain('là gờ mười hai.');
    const south = kioskAnnouncement({ kind: 'issued', number: 'D105', printerFault: false }, { lang: 'vi', variant: 'south', digitByDigit: false });
    expect(south.spokenText).toContain('là dờ một trăm lẻ năm.');
    expect(south.clips[0]).toBe('vi-south/kiosk-your-number');
    const digits = kioskAnnouncement({ kind: 'issued', number: 'A023', printerFault: false }, { ...north, digitByDigit: true });
    expect(digits.clips.slice(1, 5)).toEqual(['vi-north/letter-a', 'vi-north/digit-0', 'vi-north/digit-2', 'vi-north/digit-3']);
  });

  it('says what to do when the slip cannot print, before asking to wait', () => {
    const a = kioskAnnouncement({ kind: 'issued', number: 'B002', printerFault: true }, north);
    expect(a.clips.slice(-4)).toEqual(['vi-north/kiosk-printer-fault', 'vi-north/kiosk-take-photo', 'vi-north/kiosk-or-scan-qr', 'vi-north/kiosk-please-wait']);
    expect(a.text).toBe('Số thứ tự của quý khách là B002. Máy in đang gặp sự cố, xin hãy chụp ảnh màn hình hoặc quét mã QR. Mời quý khách ngồi chờ gọi số.');
    expect(kioskAnnouncement({ kind: 'printer-fault' }, north).clips).toEqual(['vi-north/kiosk-printer-fault', 'vi-north/kiosk-take-photo', 'vi-north/kiosk-or-scan-qr']);
  });

  it('speaks English on an English kiosk', () => {
    const a = kioskAnnouncement({ kind: 'issued', number: 'A023', printerFault: false }, { ...north, lang: 'en' });
    expect(a.clips).toEqual(['en/kiosk-your-number', 'en/letter-a', 'en/tens-2', 'en/digit-3', 'en/kiosk-please-wait']);
    expect(a.text).toBe('Your number is A023. Please take a seat until your number is called.');
  });

  it('asks only for clips the default pack has, in every voice, with NFC text', () => {
    const lines: KioskLine[] = [
      { kind: 'greeting', withPrompt: true },
      { kind: 'choose-field' },
      { kind: 'issued', number: 'ĐX1023', printerFault: true },
      { kind: 'printer-fault' },
    ];
    const missing = new Set<string>();
    for (const lang of ['vi', 'en'] as const) {
      for (const variant of ['north', 'south'] as const) {
        for (const line of lines) {
          const a = kioskAnnouncement(line, { lang, variant, digitByDigit: false });
          for (const id of a.clips) if (!manifest.clips[id]) missing.add(id);
          expect(a.text).toBe(a.text.normalize('NFC'));
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});

/** A player that finishes each announcement when the test says so. */
function fakeAudio() {
  const played: Announcement[] = [];
  const finishers: (() => void)[] = [];
  let stops = 0;
  let volume = -1;
  const audio: KioskAudio = {
    player: {
      play: (a) =>
        new Promise((resolve) => {
          played.push(a);
          finishers.push(() => resolve({ audible: true }));
        }),
      stop: () => {
        stops++;
        for (const finish of finishers.splice(0)) finish();
      },
    },
    setVolume: (v) => (volume = v),
    dispose: () => undefined,
  };
  return { audio, played, finishNext: () => finishers.shift()?.(), stops: () => stops, volume: () => volume };
}

const on: KioskVoiceSettings = { ...north, enabled: true, volume: 80 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the kiosk’s speaker', () => {
  it('logs each line’s clips in order, and plays at the center’s volume', async () => {
    const fake = fakeAudio();
    const voice = new KioskVoice({ createAudio: async () => fake.audio });
    voice.say({ kind: 'greeting', withPrompt: true }, on);
    await settle();
    expect(fake.played.map((a) => a.clips)).toEqual([['vi-north/kiosk-greeting', 'vi-north/kiosk-choose-field']]);
    expect(fake.volume()).toBe(80);
    fake.finishNext();
    await settle();
    expect(voice.log.map((e) => e.event)).toEqual(['request', 'start', 'end']);
    expect(voice.log[0]).toMatchObject({ line: 'greeting', clips: ['vi-north/kiosk-greeting', 'vi-north/kiosk-choose-field'] });
  });

  it('a new line replaces what is being said; a continuing one waits for it', async () => {
    const fake = fakeAudio();
    const voice = new KioskVoice({ createAudio: async () => fake.audio });
    voice.say({ kind: 'greeting', withPrompt: true }, on);
    await settle();
    voice.say({ kind: 'issued', number: 'A001', printerFault: false }, on);
    await settle();
    expect(fake.stops()).toBe(1);
    voice.say({ kind: 'printer-fault' }, on, { continues: true });
    await settle();
    expect(fake.played.map((a) => a.clips[0])).toEqual(['vi-north/kiosk-greeting', 'vi-north/kiosk-your-number']);
    fake.finishNext();
    await settle();
    expect(fake.played.map((a) => a.clips[0])).toEqual(['vi-north/kiosk-greeting', 'vi-north/kiosk-your-number', 'vi-north/kiosk-printer-fault']);
    expect(voice.log.filter((e) => e.event === 'request').map((e) => e.line)).toEqual(['greeting', 'issued', 'printer-fault']);
    expect(voice.log.filter((e) => e.event === 'stopped').map((e) => e.line)).toEqual(['greeting']);
  });

  it('with the voice off or at volume 0 loads nothing and requests nothing', async () => {
    let created = 0;
    const voice = new KioskVoice({
      createAudio: async () => {
        created++;
        return fakeAudio().audio;
      },
    });
    voice.say({ kind: 'greeting', withPrompt: true }, { ...on, enabled: false });
    voice.say({ kind: 'issued', number: 'A001', printerFault: false }, { ...on, volume: 0 });
    await settle();
    expect(created).toBe(0);
    expect(voice.log.map((e) => [e.event, e.line])).toEqual([
      ['muted', 'greeting'],
      ['muted', 'issued'],
    ]);
  });
});
