import { displayEn } from './display.en';
import { displayVi, type DisplayMessages } from './display.vi';

export type { DisplayMessages };
export type MessageKey = keyof DisplayMessages;

export const vi: DisplayMessages = displayVi;
export const en: DisplayMessages = displayEn;
