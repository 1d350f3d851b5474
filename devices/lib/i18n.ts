/**
 * Texts of the pairing page and of the "not paired" notices device pages show. Vietnamese is
 * the base catalog; English has the same keys (`Messages = typeof vi`), so a missing one fails to compile.
 */
import { format, type Lang } from '../../protocol/i18n';
import { DEVICE_KIND_LABELS, type DeviceKind } from '../../protocol/devices';

export type { Lang };

export const vi = {
  title: 'Ghép thiết bị với trung tâm',
  intro: 'Chọn loại thiết bị của máy này rồi bấm “Xin ghép”. Màn hình sẽ hiện một mã để quản trị viên duyệt.',
  kindLegend: 'Máy này là',
  counter: 'Số quầy',
  counterHint: 'Quầy mà máy này phục vụ',
  needCounter: 'Vui lòng nhập số quầy (số nguyên dương).',
  submit: 'Xin ghép',
  submitting: 'Đang gửi…',
  codeLabel: 'Mã ghép',
  instruction: 'Quản trị viên nhập mã này trong Bảng điều khiển › Thiết bị',
  waiting: 'Đang chờ duyệt. Trang sẽ tự mở khi được duyệt.',
  asked: 'Đã xin ghép: {kind}',
  askedCounter: 'Đã xin ghép: {kind}, quầy {counter}',
  changeKind: 'Chọn lại loại thiết bị',
  approved: 'Đã được duyệt: {name}',
  opening: 'Đang mở trang làm việc…',
  open: 'Mở trang làm việc',
  revoked: 'Máy này đã bị thu hồi khỏi danh sách thiết bị của trung tâm.',
  revokedHint: 'Nếu cần dùng lại, hãy xin ghép lại và báo mã mới cho quản trị viên.',
  askAgain: 'Xin ghép lại',
  offline: 'Mất kết nối với máy chủ. Đang thử lại…',
  language: 'English',
};

export type Messages = typeof vi;
export type MessageKey = keyof Messages;

export const en: Messages = {
  title: 'Pair this device with the center',
  intro: 'Choose what this device is, then tap “Request pairing”. The screen shows a code for an administrator to approve.',
  kindLegend: 'This device is a',
  counter: 'Counter number',
  counterHint: 'The counter this device serves',
  needCounter: 'Please enter the counter number (a positive whole number).',
  submit: 'Request pairing',
  submitting: 'Sending…',
  codeLabel: 'Pairing code',
  instruction: 'An administrator enters this code in the Console › Devices',
  waiting: 'Waiting for approval. This page opens by itself once approved.',
  asked: 'Requested: {kind}',
  askedCounter: 'Requested: {kind}, counter {counter}',
  changeKind: 'Choose another kind',
  approved: 'Approved: {name}',
  opening: 'Opening its page…',
  open: 'Open its page',
  revoked: 'This device was revoked from the center’s devices.',
  revokedHint: 'To use it again, request pairing again and give the new code to an administrator.',
  askAgain: 'Request pairing again',
  offline: 'No connection to the server. Trying again…',
  language: 'Tiếng Việt',
};

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return format((lang === 'en' ? en : vi)[key], params);
}

export function kindLabel(kind: DeviceKind, lang: Lang): string {
  return DEVICE_KIND_LABELS[kind][lang];
}
