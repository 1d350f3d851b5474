import pino from 'pino';
import type { ChecklistPrint, TicketPrint } from '../../hardware';

export const silentLogger = pino({ level: 'silent' });

export const ticket = (over: Partial<TicketPrint> = {}): TicketPrint => ({
  kind: 'ticket',
  centerName: 'Ủy ban nhân dân phường Hòa Bình',
  serviceName: 'Đăng ký khai sinh',
  number: 'A012',
  priorityName: null,
  waitingAhead: 4,
  etaMinutes: 18,
  // 23:45 UTC on 31/12/2026 is already 01/01/2027 in Hà Nội.
  issuedAt: Date.UTC(2026, 11, 31, 23, 45),
  timeZone: 'Asia/Ho_Chi_Minh',
  phoneUrl: 'https://hcc.example.vn/t/01HX7Q2ABC',
  ...over,
});

export const checklist = (over: Partial<ChecklistPrint> = {}): ChecklistPrint => ({
  kind: 'checklist',
  centerName: 'Trung tâm Phục vụ hành chính công',
  code: '1.001193',
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  field: 'Chứng thực',
  documents: [
    { name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', copies: 1 },
    { name: 'Bản sao cần chứng thực', copies: 'Theo nhu cầu' },
    { name: 'Giấy tờ tùy thân' },
  ],
  timeLimit: 'Trong ngày làm việc',
  fee: '2.000 đồng/trang',
  onlineUrl: 'https://dichvucong.gov.vn/p/1.001193',
  printedAt: Date.UTC(2026, 4, 6, 2, 5),
  timeZone: 'Asia/Ho_Chi_Minh',
  ...over,
});
