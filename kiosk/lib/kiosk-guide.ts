/**
 * The kiosk's spoken guidance, as a Lit controller of `<qm-kiosk>`: it watches the kiosk's screens and the
 * citizen's touches and says, through KioskVoice:
 * - the greeting (and "mời quý khách chọn lĩnh vực" when the touch leaves the citizen on the home screen's
 *   services) at the first touch of a new citizen on the home screen — a touch, because browsers play audio
 *   only after a gesture; a new citizen is one after a ticket, or after `idle-seconds` without a touch;
 *   a tap straight on a service says no greeting: the number follows at once;
 * - "mời quý khách chọn lĩnh vực" on the services of a priority group;
 * - the number when the server confirmed it, with the printer's trouble when the slip cannot print, and
 *   the printer's trouble alone when it is learned after the number was read.
 * The center's settings decide: `kioskVoice` (off = nothing is loaded or played) and `kioskVolume`.
 * A browser that is not a kiosk device (a phone, a page embedding the kiosk) stays silent.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PrinterStatusView, PublicSnapshot } from '../../protocol/realtime';
import type { TicketView } from '../../protocol/schemas';
import type { Lang } from './i18n';
import { printerProblem, ticketPrintNote } from './print-state';
import { KioskVoice, type KioskVoiceOptions, type KioskVoiceSettings } from './kiosk-voice';
import type { KioskLine } from './kiosk-speech';
import { viVoice } from '../../display/voice/clip-catalog';

/** What the guide reads of the kiosk (a subset of KioskState). */
export interface GuidedKioskState {
  lang: Lang;
  center: Pick<PublicSnapshot['center'], 'voiceVariant' | 'voiceDigitByDigit' | 'kioskVoice' | 'kioskVolume'> | null;
  printers: PrinterStatusView[];
  printerId: string | null;
  kioskDevice: boolean | null;
  screen: { name: string; ticket?: TicketView };
}

export interface GuidedKiosk extends ReactiveControllerHost, HTMLElement {
  state: GuidedKioskState;
  idleSeconds: number;
}

export class KioskGuide implements ReactiveController {
  readonly voice: KioskVoice;
  /** A citizen is being served: their first touch was greeted. */
  private session = false;
  private lastTouchAt = -Infinity;
  /** A new citizen's first touch, until the kiosk has acted on it and the greeting is said. */
  private starting = false;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private lastScreen: GuidedKioskState['screen'] | null = null;
  /** The ticket whose slip trouble was already said. */
  private faultSaidFor: string | null = null;

  /** Seen before any part of the kiosk acts on the click (capture on the host). */
  private readonly onClick = () => this.touched();

  constructor(
    private readonly host: GuidedKiosk,
    options: KioskVoiceOptions = {},
  ) {
    this.voice = new KioskVoice(options);
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('click', this.onClick, { capture: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('click', this.onClick, { capture: true });
    clearTimeout(this.startTimer);
    this.voice.dispose();
  }

  hostUpdated(): void {
    const s = this.host.state;
    // The pack is fetched and decoded only when the center wants the kiosk to speak.
    // The center's voice and English (a citizen may switch) are decoded ahead; the kiosk then speaks offline.
    // A center's own recordings: <qm-kiosk voice-pack="hcc-ba-dinh"> (?pack= on the kiosk page), over the default pack.
    const pack = this.host.getAttribute('voice-pack') ?? '';
    if (this.speaking() && s.center?.kioskVoice) void this.voice.prepare([viVoice(s.center.voiceVariant), 'en'], /^[A-Za-z0-9_-]{1,64}$/.test(pack) ? pack : undefined);
    const screen = s.screen;
    const before = this.lastScreen;
    this.lastScreen = screen;
    if (screen === before) return this.followPrinter();
    // On a citizen's first touch the greeting carries the prompt.
    if (screen.name === 'priority-service' && before?.name !== 'priority-service' && !this.starting) this.say({ kind: 'choose-field' });
    // A walk-in's CCCD was scanned: the service is asked next, as for a priority group.
    if (screen.name === 'cccd-service' && before?.name !== 'cccd-service') this.say({ kind: 'choose-field' });
    if (screen.name === 'issued' && screen.ticket && before?.ticket !== screen.ticket) {
      const fault = this.printFault(screen.ticket);
      if (fault) this.faultSaidFor = screen.ticket.id;
      this.say({ kind: 'issued', number: screen.ticket.number, printerFault: fault });
      // The next touch on the home screen is the next citizen's.
      this.session = false;
    }
    this.followPrinter();
  }

  /**
   * A click anywhere in the kiosk, before the kiosk acts on it. A new citizen's first touch on the home screen
   * is greeted once the kiosk has acted on it (a task later): with the prompt if it leaves them choosing a
   * service, with nothing if it went straight to a ticket (the number comes instead).
   */
  private touched(): void {
    const at = Date.now();
    const idle = at - this.lastTouchAt > this.host.idleSeconds * 1000;
    this.lastTouchAt = at;
    if (this.host.state.screen.name !== 'home' || (this.session && !idle)) return;
    this.session = true;
    this.starting = true;
    clearTimeout(this.startTimer);
    this.startTimer = setTimeout(() => {
      this.starting = false;
      const to = this.host.state.screen.name;
      if (to === 'issuing' || to === 'issued') return;
      this.say({ kind: 'greeting', withPrompt: to === 'home' || to === 'priority-service' });
    }, 0);
  }

  /** A slip that fails after its number was read: say what to do, after the number. */
  private followPrinter(): void {
    const screen = this.host.state.screen;
    if (screen.name !== 'issued' || !screen.ticket || this.faultSaidFor === screen.ticket.id) return;
    if (!this.printFault(screen.ticket)) return;
    this.faultSaidFor = screen.ticket.id;
    this.say({ kind: 'printer-fault' }, { continues: true });
  }

  private printFault(ticket: TicketView): boolean {
    const s = this.host.state;
    const note = ticketPrintNote(ticket, printerProblem(s.printers, ticket.print?.printerId ?? s.printerId));
    return note.problem && !note.notKiosk;
  }

  /** A kiosk device (or one not known yet) on its own origin speaks; a phone or an embedding page does not. */
  private speaking(): boolean {
    return this.host.state.kioskDevice !== false;
  }

  private settings(): KioskVoiceSettings | null {
    const { center, lang } = this.host.state;
    if (!center) return null;
    return {
      enabled: center.kioskVoice,
      volume: center.kioskVolume,
      lang,
      variant: center.voiceVariant,
      digitByDigit: center.voiceDigitByDigit,
    };
  }

  private say(line: KioskLine, options: { continues?: boolean } = {}): void {
    const settings = this.settings();
    if (!settings || !this.speaking()) return;
    this.voice.say(line, settings, options);
  }
}
