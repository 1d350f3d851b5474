import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAnnouncement } from '../../../display/voice/announcement';
import { resumeAudioOnFirstGesture } from '../../../display/voice/players/autoplay-unlock';
import { chooseAnnouncementPlayer } from '../../../display/voice/players/choose-player';
import { ClipPlayer, type ClipAudioContext } from '../../../display/voice/players/clip-player';
import { findVoice } from '../../../display/voice/players/speech-player';
import { loadVoicePack, mergeVoicePacks, type VoicePackManifest } from '../../../display/voice/voice-pack';

const announcement = buildAnnouncement({ number: 'A1', counterNumber: 2, recall: false, lang: 'vi', variant: 'north', digitByDigit: false });
// chime, invite, a, một, to-counter, hai
const ids = announcement.clips;

function manifest(name: string, clips: string[], durationMs = 400): VoicePackManifest {
  return { name, version: 1, clips: Object.fromEntries(clips.map((id) => [id, { file: `${id}.ogg`, durationMs, text: id }])) };
}

class FakeSource {
  buffer: { duration: number } | null = null;
  startedAt: number | undefined;
  stopped = false;
  private onEnded: (() => void) | undefined;
  constructor(private readonly context: FakeContext) {}
  connect(): void {}
  start(at: number): void {
    this.startedAt = at;
    setTimeout(() => this.onEnded?.(), (at - this.context.currentTime + this.buffer!.duration) * 1000);
  }
  stop(): void {
    this.stopped = true;
  }
  addEventListener(_type: 'ended', listener: () => void): void {
    this.onEnded = listener;
  }
}

class FakeContext {
  state = 'running';
  resumeUnlocks = false;
  currentTime = 10;
  destination = {} as AudioNode;
  decoded: number[] = [];
  sources: FakeSource[] = [];
  async resume(): Promise<void> {
    if (this.resumeUnlocks) this.state = 'running';
  }
  async decodeAudioData(data: ArrayBuffer): Promise<AudioBuffer> {
    this.decoded.push(data.byteLength);
    return { duration: data.byteLength / 1000 } as AudioBuffer;
  }
  createBufferSource(): AudioBufferSourceNode {
    const source = new FakeSource(this);
    this.sources.push(source);
    return source as unknown as AudioBufferSourceNode;
  }
}

/** Serves every clip as 300 bytes (→ 0.3 s in FakeContext), except URLs listed as missing. */
function fakeFetch(missing: string[] = []) {
  return vi.fn(async (url: string | URL | Request) => {
    const href = String(url);
    if (missing.some((m) => href.endsWith(m))) return new Response('', { status: 404 });
    return new Response(new Uint8Array(300));
  }) as unknown as typeof fetch & ReturnType<typeof vi.fn>;
}

describe('mergeVoicePacks', () => {
  it('lets a center pack override single clips and falls back to the default for the rest', () => {
    const pack = mergeVoicePacks([
      { baseUrl: 'http://d/voice/default/', manifest: manifest('default', ['chime', 'vi-north/digit-1']) },
      { baseUrl: 'http://d/voice/hcc-ba-dinh/', manifest: { name: 'hcc-ba-dinh', version: 1, clips: { chime: { file: 'my-chime.mp3', durationMs: 900, text: 'chuông' }, broken: {} as never } } },
    ]);
    expect(pack.get('chime')).toMatchObject({ url: 'http://d/voice/hcc-ba-dinh/my-chime.mp3', pack: 'hcc-ba-dinh', durationMs: 900 });
    expect(pack.get('vi-north/digit-1')!.url).toBe('http://d/voice/default/vi-north/digit-1.ogg');
    expect(pack.has('broken')).toBe(false);
  });

  it('loads the default pack alone when the center pack is missing', async () => {
    const fetchFn = vi.fn(async (url: string | URL | Request) =>
      String(url).includes('/default/') ? Response.json(manifest('default', ['chime'])) : new Response('', { status: 404 }),
    );
    const pack = await loadVoicePack('my-center', { root: 'http://d/voice/', fetch: fetchFn as typeof fetch });
    expect([...pack.keys()]).toEqual(['chime']);
    expect(fetchFn).toHaveBeenCalledWith('http://d/voice/my-center/manifest.json');
  });
});

describe('ClipPlayer', () => {
  const pack = mergeVoicePacks([{ baseUrl: 'http://d/voice/default/', manifest: manifest('default', ids) }]);

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('schedules clips back to back and decodes each clip once', async () => {
    const context = new FakeContext();
    const fetchFn = fakeFetch();
    const player = new ClipPlayer({ context: context as ClipAudioContext, pack, fetch: fetchFn });
    const first = player.play(announcement);
    await vi.runAllTimersAsync();
    await expect(first).resolves.toEqual({ audible: true });

    const starts = context.sources.map((s) => s.startedAt!);
    expect(starts).toHaveLength(ids.length);
    starts.slice(1).forEach((at, i) => expect(at - starts[i]!).toBeCloseTo(0.3));

    const second = player.play(announcement);
    await vi.runAllTimersAsync();
    await second;
    // The second announcement reuses the buffers decoded for the first.
    expect(fetchFn).toHaveBeenCalledTimes(new Set(ids).size);
    expect(context.decoded).toHaveLength(new Set(ids).size);
  });

  it('skips a clip that fails to load and plays the rest', async () => {
    const context = new FakeContext();
    const player = new ClipPlayer({ context: context as ClipAudioContext, pack, fetch: fakeFetch(['chime.ogg']) });
    const playing = player.play(announcement);
    await vi.runAllTimersAsync();
    await expect(playing).resolves.toEqual({ audible: true });
    expect(context.sources).toHaveLength(ids.length - 1);
  });

  it('while autoplay is blocked, takes the nominal time and reports it was not heard', async () => {
    const context = new FakeContext();
    context.state = 'suspended';
    const player = new ClipPlayer({ context: context as ClipAudioContext, pack, fetch: fakeFetch() });
    let done = false;
    const playing = player.play(announcement).then((r) => ((done = true), r));
    await vi.advanceTimersByTimeAsync(ids.length * 400 - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(playing).resolves.toEqual({ audible: false });
    expect(context.sources).toHaveLength(0);
  });

  it('stop() silences the scheduled clips', async () => {
    const context = new FakeContext();
    const player = new ClipPlayer({ context: context as ClipAudioContext, pack, fetch: fakeFetch() });
    void player.play(announcement);
    await vi.advanceTimersByTimeAsync(0);
    player.stop();
    expect(context.sources.length).toBeGreaterThan(0);
    expect(context.sources.every((s) => s.stopped)).toBe(true);
  });
});

describe('resumeAudioOnFirstGesture', () => {
  it('resumes on the first gesture and then stops listening', async () => {
    const context = new FakeContext();
    context.state = 'suspended';
    context.resumeUnlocks = true;
    const resume = vi.spyOn(context, 'resume');
    const target = new EventTarget();
    resumeAudioOnFirstGesture(context, target);
    target.dispatchEvent(new Event('pointerdown'));
    await Promise.resolve();
    await Promise.resolve();
    expect(context.state).toBe('running');
    target.dispatchEvent(new Event('keydown'));
    expect(resume).toHaveBeenCalledTimes(1);
  });
});

describe('choosing a player', () => {
  const voice = (lang: string, localService = true) => ({ lang, localService, name: lang }) as SpeechSynthesisVoice;

  it('finds a Vietnamese voice, preferring an on-device one', () => {
    expect(findVoice([voice('en-US'), voice('vi-VN', false), voice('vi_VN')], 'vi')).toEqual(voice('vi_VN'));
    expect(findVoice([voice('en-US')], 'vi')).toBeUndefined();
  });

  it('uses the clip player unless asked for speech and a voice exists', async () => {
    const clipPlayer = { play: vi.fn(async () => ({ audible: true })) };
    const speech = { getVoices: () => [voice('en-US')], speak: vi.fn(), cancel: vi.fn() } as unknown as SpeechSynthesis;
    await chooseAnnouncementPlayer({ clipPlayer, preferSpeechSynthesis: true, speech }).play(announcement);
    expect(clipPlayer.play).toHaveBeenCalledTimes(1);
    expect(chooseAnnouncementPlayer({ clipPlayer, preferSpeechSynthesis: false, speech })).toBe(clipPlayer);
  });

  it('speaks the words with a Vietnamese voice when asked', async () => {
    class Utterance {
      voice: unknown;
      lang = '';
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    const spoken: string[] = [];
    const speech = {
      getVoices: () => [voice('vi-VN')],
      speak: (u: Utterance) => {
        spoken.push(u.text);
        u.onend?.();
      },
      cancel: vi.fn(),
    } as unknown as SpeechSynthesis;
    const clipPlayer = { play: vi.fn(async () => ({ audible: true })) };
    await expect(chooseAnnouncementPlayer({ clipPlayer, preferSpeechSynthesis: true, speech }).play(announcement)).resolves.toEqual({ audible: true });
    expect(spoken).toEqual(['Mời công dân có số thứ tự a một đến quầy số hai']);
    expect(clipPlayer.play).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
