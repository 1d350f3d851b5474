/**
 * Chromium starts an AudioContext "suspended" until the page sees a user gesture.
 * A wall display may never be touched, so kiosks should launch Chromium with
 * `--autoplay-policy=no-user-gesture-required`; without that flag the first tap
 * or key press anywhere on the page resumes audio. Until then announcements are
 * still shown and logged, just not heard.
 */

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

export interface ResumableAudio {
  readonly state: string;
  resume(): Promise<void>;
}

/** Returns a function that removes the listeners (call it from disconnectedCallback). */
export function resumeAudioOnFirstGesture(context: ResumableAudio, target: EventTarget = document): () => void {
  const remove = (): void => {
    for (const type of GESTURES) target.removeEventListener(type, onGesture, true);
  };
  function onGesture(): void {
    if (context.state === 'running') {
      remove();
      return;
    }
    context.resume().then(
      () => {
        if (context.state === 'running') remove();
      },
      () => {
        // Keep listening: the next gesture may succeed.
      },
    );
  }
  for (const type of GESTURES) target.addEventListener(type, onGesture, true);
  return remove;
}
