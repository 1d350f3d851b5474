/**
 * Voice pack manifests and how a center's own pack is layered over the default.
 *
 * A pack is a folder `public/voice/<pack>/` served at `/voice/<pack>/` holding
 * `manifest.json` and its audio files. Any clip the center's pack lacks is taken
 * from `default`, so a center can re-record only the phrases it cares about.
 */

export const DEFAULT_PACK = 'default';

export interface ManifestClip {
  /** Relative to the manifest's folder; any format the kiosk browser decodes (ogg, mp3, wav). */
  file: string;
  /** Used to pace silent announcements; the clip player measures decoded audio itself. */
  durationMs: number;
  /** What the clip says (NFC). */
  text: string;
}

export interface VoicePackManifest {
  name: string;
  version: 1;
  clips: Record<string, ManifestClip>;
}

export interface ResolvedClip extends ManifestClip {
  id: string;
  url: string;
  /** Which pack supplied it. */
  pack: string;
}

export type ResolvedVoicePack = ReadonlyMap<string, ResolvedClip>;

export interface PackLayer {
  /** URL of the pack folder, ending in '/'. */
  baseUrl: string;
  manifest: VoicePackManifest;
}

function isUsableClip(value: unknown): value is ManifestClip {
  if (typeof value !== 'object' || value === null) return false;
  const clip = value as Partial<ManifestClip>;
  return typeof clip.file === 'string' && clip.file.length > 0;
}

/** Later layers win clip by clip; entries without a file are ignored rather than breaking the pack. */
export function mergeVoicePacks(layers: readonly PackLayer[]): ResolvedVoicePack {
  const merged = new Map<string, ResolvedClip>();
  for (const { baseUrl, manifest } of layers) {
    for (const [rawId, clip] of Object.entries(manifest.clips ?? {})) {
      if (!isUsableClip(clip)) continue;
      // Hand-edited manifests may come from editors that write NFD.
      const id = rawId.normalize('NFC');
      merged.set(id, {
        id,
        file: clip.file,
        url: new URL(clip.file, baseUrl).href,
        durationMs: Number.isFinite(clip.durationMs) && clip.durationMs > 0 ? clip.durationMs : 0,
        text: typeof clip.text === 'string' ? clip.text.normalize('NFC') : '',
        pack: manifest.name ?? baseUrl,
      });
    }
  }
  return merged;
}

export interface LoadVoicePackOptions {
  /** Folder holding the packs; defaults to `/voice/` on the page's origin. */
  root?: string | URL;
  fetch?: typeof fetch;
}

/**
 * Loads the default pack and, if named, the center's pack on top.
 * A missing or broken center pack is not fatal: the default still speaks.
 */
export async function loadVoicePack(pack: string = DEFAULT_PACK, options: LoadVoicePackOptions = {}): Promise<ResolvedVoicePack> {
  const fetchFn = options.fetch ?? fetch;
  const root = new URL(options.root ?? '/voice/', globalThis.location?.href ?? 'http://localhost/');
  const load = async (name: string): Promise<PackLayer> => {
    const baseUrl = new URL(`${encodeURIComponent(name)}/`, root).href;
    const response = await fetchFn(new URL('manifest.json', baseUrl).href);
    if (!response.ok) throw new Error(`voice pack "${name}": HTTP ${response.status}`);
    return { baseUrl, manifest: (await response.json()) as VoicePackManifest };
  };
  const layers = [await load(DEFAULT_PACK)];
  if (pack !== DEFAULT_PACK) {
    try {
      layers.push(await load(pack));
    } catch {
      // Fall back to the default pack alone; the display must keep announcing.
    }
  }
  return mergeVoicePacks(layers);
}

/** Fallback length for a clip whose duration is unknown, roughly one spoken word. */
export const UNKNOWN_CLIP_MS = 500;

/** Nominal length of a clip sequence, used to pace announcements nobody can hear. */
export function clipsDurationMs(clips: readonly string[], pack: ResolvedVoicePack | undefined, gapMs = 0): number {
  return clips.reduce((total, id, i) => {
    const duration = pack?.get(id)?.durationMs || UNKNOWN_CLIP_MS;
    return total + duration + (i > 0 ? gapMs : 0);
  }, 0);
}
