/**
 * Builds one spoken call: the caption shown on screen, the words a speech
 * synthesizer would read, and the ordered clip ids the clip player stitches.
 */
import { CHIME_CLIP, enClip, viClip } from './clip-catalog';
import {
  enNumberWords,
  enTicketWords,
  enWordsToText,
  viNumberWords,
  viTicketWords,
  viWordsToText,
  type ViVariant,
} from './number-words';

export type AnnouncementLang = 'vi' | 'en';

export interface AnnouncementRequest {
  /** As printed on the ticket: 'A023', '1023', 'AB12'. */
  number: string;
  counterNumber: number;
  /**
   * Shown in the caption only: a free-form name has no clip, and "quầy số 3"
   * is what people look for on the counter sign.
   */
  counterName?: string;
  recall: boolean;
  lang: AnnouncementLang;
  variant: ViVariant;
  digitByDigit: boolean;
  /** Defaults to true; a second-language part right after the first skips it. */
  chime?: boolean;
}

export interface Announcement {
  lang: AnnouncementLang;
  /** Caption with the ticket as printed: "Mời công dân có số thứ tự A023 đến quầy số 3". */
  text: string;
  /** Everything in words, for a speech synthesizer: "… a hai mươi ba đến quầy số ba". */
  spokenText: string;
  clips: string[];
}

export function buildAnnouncement(request: AnnouncementRequest): Announcement {
  return request.lang === 'vi' ? buildVietnamese(request) : buildEnglish(request);
}

function counterSuffix(counterName: string | undefined): string {
  const name = counterName?.trim();
  return name ? ` (${name})` : '';
}

function buildVietnamese(request: AnnouncementRequest): Announcement {
  const { variant } = request;
  const ticketWords = viTicketWords(request.number, variant, { digitByDigit: request.digitByDigit });
  const counterWords = viNumberWords(request.counterNumber, variant);
  const opening = request.recall ? 'Xin mời lần nữa, công dân có số thứ tự' : 'Mời công dân có số thứ tự';
  const openingClips = request.recall
    ? [viClip(variant, 'phrase-recall'), viClip(variant, 'phrase-citizen-number')]
    : [viClip(variant, 'phrase-invite')];
  return {
    lang: 'vi',
    text: `${opening} ${request.number} đến quầy số ${request.counterNumber}${counterSuffix(request.counterName)}`,
    spokenText: `${opening} ${viWordsToText(ticketWords, variant)} đến quầy số ${viWordsToText(counterWords, variant)}`,
    clips: [
      ...(request.chime === false ? [] : [CHIME_CLIP]),
      ...openingClips,
      ...ticketWords.map((w) => viClip(variant, w)),
      viClip(variant, 'phrase-to-counter'),
      ...counterWords.map((w) => viClip(variant, w)),
    ],
  };
}

function buildEnglish(request: AnnouncementRequest): Announcement {
  const ticketWords = enTicketWords(request.number, { digitByDigit: request.digitByDigit });
  const counterWords = enNumberWords(request.counterNumber);
  const opening = request.recall ? 'Once again, ticket number' : 'Ticket number';
  const openingClips = request.recall
    ? [enClip('phrase-once-again'), enClip('phrase-ticket-number')]
    : [enClip('phrase-ticket-number')];
  return {
    lang: 'en',
    text: `${opening} ${request.number}, please go to counter ${request.counterNumber}${counterSuffix(request.counterName)}`,
    spokenText: `${opening} ${enWordsToText(ticketWords)}, please go to counter ${enWordsToText(counterWords)}`,
    clips: [
      ...(request.chime === false ? [] : [CHIME_CLIP]),
      ...openingClips,
      ...ticketWords.map(enClip),
      enClip('phrase-go-to-counter'),
      ...counterWords.map(enClip),
    ],
  };
}
