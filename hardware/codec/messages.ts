/** The fixed wording of printouts. Vietnamese is the reference; English is for foreign citizens. */
export const ticketMessages = {
  vi: {
    yourNumber: 'SỐ THỨ TỰ CỦA BẠN',
    priority: 'Ưu tiên',
    waitingAhead: 'Số người chờ trước',
    eta: 'Thời gian chờ dự kiến',
    minutes: 'phút',
    about: 'khoảng',
    soon: 'sắp đến lượt',
    noWait: 'không phải chờ',
    noEta: 'đang cập nhật',
    issuedAt: 'Giờ lấy số',
    instruction: 'Vui lòng chờ đến khi số của bạn được gọi trên màn hình và loa.',
    scan: 'Quét mã để theo dõi lượt chờ trên điện thoại',
  },
  en: {
    yourNumber: 'YOUR NUMBER',
    priority: 'Priority',
    waitingAhead: 'People ahead',
    eta: 'Estimated wait',
    minutes: 'min',
    about: 'about',
    soon: 'your turn soon',
    noWait: 'no wait',
    noEta: 'updating',
    issuedAt: 'Issued',
    instruction: 'Please wait until your number is shown on the screen and announced.',
    scan: 'Scan to follow your turn on your phone',
  },
} as const;

export const checklistMessages = {
  title: 'PHIẾU HƯỚNG DẪN HỒ SƠ',
  code: 'Mã thủ tục',
  field: 'Lĩnh vực',
  documents: 'Thành phần hồ sơ',
  copies: 'Số lượng',
  timeLimit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  online: 'Nộp hồ sơ trực tuyến',
  printedAt: 'In lúc',
} as const;
