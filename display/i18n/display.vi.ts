/** Display texts, Vietnamese: the base catalog; English must have the same keys. */
export const displayVi = {
  nowCalling: 'Mời công dân có số thứ tự',
  toCounter: 'đến quầy số',
  counter: 'Quầy',
  counterShort: 'Quầy số',
  /** Label before the name of the officer working the counter. */
  staff: 'Cán bộ',
  recall: 'Gọi lại',
  priority: 'Ưu tiên',
  history: 'Các số vừa gọi',
  waiting: 'Đang chờ',
  waitingUnit: 'người chờ',
  noCallsYet: 'Chưa có số nào được gọi',
  connecting: 'Đang kết nối…',
  reconnecting: 'Đang kết nối lại',
  serving: 'Đang phục vụ',
  called: 'Mời vào quầy',
  idle: 'Sẵn sàng – đang chờ gọi số',
  paused: 'Tạm dừng',
  counterInactive: 'Quầy không hoạt động',
  counterNotFound: 'Không tìm thấy quầy {number}',
  service: 'Dịch vụ',
  number: 'Số',
} as const;

export type DisplayMessages = { readonly [K in keyof typeof displayVi]: string };
