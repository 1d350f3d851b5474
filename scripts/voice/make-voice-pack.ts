/**
 * Regenerates the default voice pack in public/voice/default/ from the clip catalog.
 *
 *   npx tsx scripts/voice/make-voice-pack.ts
 *
 * Needs espeak-ng (voices vi, vi-vn-x-south, en-us) and sox with Ogg Vorbis support
 * on the machine that builds the pack; kiosks only need the committed files.
 * Output is reproducible: sox runs with -R so encoder and dither randomness is fixed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHIME_CLIP, clipCatalog, type CatalogClip, type VoiceId } from '../../display/voice/clip-catalog';
import type { VoicePackManifest } from '../../display/voice/voice-pack';

const OUT_DIR = resolve(import.meta.dirname, '../../public/voice/default');
const SAMPLE_RATE = 16000;
/** Vorbis quality 1 (~45 kbit/s nominal, far less on short speech) keeps the pack small but clear. */
const VORBIS_QUALITY = '1';

const ESPEAK_VOICE: Record<VoiceId, { voice: string; wordsPerMinute: number }> = {
  // Well below espeak's default of 175: its Vietnamese syllables are clipped (a
  // single word lasts ~0.2 s at 140), the hall is noisy and many listeners are elderly.
  'vi-north': { voice: 'vi', wordsPerMinute: 115 },
  'vi-south': { voice: 'vi-vn-x-south', wordsPerMinute: 115 },
  en: { voice: 'en-us', wordsPerMinute: 140 },
};

/**
 * Trim leading and trailing silence (reverse trick trims the tail), then add a
 * short fixed pad so stitched words neither clip nor drift apart.
 * Peak-normalise so no clip is noticeably louder than its neighbours.
 */
const SPEECH_EFFECTS = [
  // A low threshold keeps soft onsets such as the "tr" of "triệu".
  'silence', '1', '0.005', '0.1%', 'reverse',
  'silence', '1', '0.005', '0.1%', 'reverse',
  'pad', '0.02', '0.06',
  'gain', '-n', '-3',
];

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fileFor(id: string): string {
  return `${id}.ogg`;
}

function encodeOgg(input: string[], output: string, effects: string[]): void {
  mkdirSync(dirname(output), { recursive: true });
  run('sox', ['-R', ...input, '-r', String(SAMPLE_RATE), '-c', '1', '-C', VORBIS_QUALITY, output, ...effects]);
}

function synthesizeSpeech(clip: CatalogClip, voice: VoiceId, work: string, output: string): void {
  const { voice: espeakVoice, wordsPerMinute } = ESPEAK_VOICE[voice];
  const wav = join(work, 'speech.wav');
  // Letter names like "e-lờ" are written with a hyphen but spoken as two syllables.
  const text = clip.text.replace(/-/g, ' ');
  run('espeak-ng', ['-v', espeakVoice, '-s', String(wordsPerMinute), '-w', wav, text]);
  encodeOgg([wav], output, SPEECH_EFFECTS);
}

/** "Ding-dong": a higher then a lower soft sine, each fading out, then a breath of silence. */
function synthesizeChime(work: string, output: string): void {
  const tone = (name: string, hz: number): string => {
    const path = join(work, name);
    run('sox', ['-R', '-n', '-r', String(SAMPLE_RATE), '-c', '1', path,
      'synth', '0.55', 'sine', String(hz), 'synth', '0.55', 'sine', 'mix', String(hz * 2),
      'vol', '0.35', 'fade', 'q', '0.01', '0.55', '0.45']);
    return path;
  };
  encodeOgg([tone('high.wav', 784), tone('low.wav', 659)], output, ['pad', '0', '0.25', 'gain', '-n', '-6']);
}

function durationMs(path: string): number {
  return Math.round(Number(run('soxi', ['-D', path]).trim()) * 1000);
}

function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? folderSize(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}

function main(): void {
  // Start clean so clips removed from the catalog do not linger in the pack.
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'voice-pack-'));
  const manifest: VoicePackManifest = { name: 'default', version: 1, clips: {} };
  try {
    for (const clip of clipCatalog()) {
      const file = fileFor(clip.id);
      const output = join(OUT_DIR, file);
      if (clip.id === CHIME_CLIP) synthesizeChime(work, output);
      else synthesizeSpeech(clip, clip.voice as VoiceId, work, output);
      manifest.clips[clip.id] = { file, durationMs: durationMs(output), text: clip.text };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const count = Object.keys(manifest.clips).length;
  console.log(`voice pack: ${count} clips, ${(folderSize(OUT_DIR) / 1024).toFixed(0)} KiB in public/voice/default/`);
}

main();
