/** The demo commune center seeded on an empty database (SEED=demo). */
import { KIOSK_SETTING_DEFAULTS, type Center, type CenterSettings, type Counter, type PriorityCategory, type Service } from '../../protocol/domain';

export const DEFAULT_SETTINGS: CenterSettings = {
  recallsBeforeNoShow: 2,
  callNextWhileServing: 'complete',
  // Fair between services: a line past its target wait goes first (routing.ts); databases made before it: migration 6.
  routing: 'target-wait',
  maxPriorityStreak: 3,
  numberDigits: 3,
  noticeLine: 'Công dân vui lòng chuẩn bị đầy đủ giấy tờ tùy thân và hồ sơ trước khi đến quầy. Giờ làm việc: sáng 7:30–11:30, chiều 13:30–17:00, từ thứ Hai đến thứ Sáu và sáng thứ Bảy.',
  noticeLineEn: 'Please have your ID and documents ready before coming to the counter. Opening hours: 7:30–11:30 and 13:30–17:00, Monday to Friday, and Saturday morning.',
  voiceVariant: 'north',
  voiceDigitByDigit: false,
  announceEnglish: false,
  ...KIOSK_SETTING_DEFAULTS,
};

export const DEMO_CENTER_ID = 'demo';

export function demoCenter(timeZone: string): Center {
  return {
    id: DEMO_CENTER_ID,
    name: 'Bộ phận Một cửa – UBND phường Hòa Bình',
    nameEn: 'One-Stop Shop – Hoa Binh Ward People’s Committee',
    address: 'Số 1 đường Trần Hưng Đạo, phường Hòa Bình',
    timeZone,
    settings: DEFAULT_SETTINGS,
  };
}

const service = (s: Partial<Service> & Pick<Service, 'id' | 'code' | 'name' | 'nameEn' | 'field' | 'prefix' | 'icon' | 'sortOrder'>): Service => ({
  numberStart: 1,
  numberEnd: 999,
  dailyQuota: null,
  openingHours: null,
  targetWaitMinutes: 20,
  defaultServiceMinutes: 8,
  active: true,
  ...s,
});

// Letters follow the Vietnamese alphabet (no F, J, W, Z) so every prefix is spoken naturally.
export const DEMO_SERVICES: Service[] = [
  service({ id: 'svc-hotich', code: 'HT', name: 'Hộ tịch', nameEn: 'Civil status', field: 'Hộ tịch', prefix: 'A', icon: 'family', sortOrder: 1, defaultServiceMinutes: 10 }),
  service({ id: 'svc-chungthuc', code: 'CT', name: 'Chứng thực', nameEn: 'Certification', field: 'Chứng thực', prefix: 'B', icon: 'stamp', sortOrder: 2, defaultServiceMinutes: 5, targetWaitMinutes: 15 }),
  service({ id: 'svc-datdai', code: 'DD', name: 'Đất đai', nameEn: 'Land', field: 'Đất đai', prefix: 'C', icon: 'land', sortOrder: 3, defaultServiceMinutes: 15, targetWaitMinutes: 30 }),
  service({ id: 'svc-xaydung', code: 'XD', name: 'Xây dựng', nameEn: 'Construction', field: 'Xây dựng', prefix: 'D', icon: 'building', sortOrder: 4, defaultServiceMinutes: 12, targetWaitMinutes: 30 }),
  service({ id: 'svc-kinhdoanh', code: 'KD', name: 'Đăng ký kinh doanh hộ', nameEn: 'Household business registration', field: 'Đăng ký kinh doanh', prefix: 'E', icon: 'shop', sortOrder: 5, defaultServiceMinutes: 12 }),
  service({ id: 'svc-baotro', code: 'BT', name: 'Bảo trợ xã hội – Người có công', nameEn: 'Social protection – Merit', field: 'Bảo trợ xã hội', prefix: 'G', icon: 'care', sortOrder: 6, defaultServiceMinutes: 10 }),
  service({ id: 'svc-cutru', code: 'CR', name: 'Cư trú', nameEn: 'Residence', field: 'Cư trú', prefix: 'H', icon: 'home', sortOrder: 7, defaultServiceMinutes: 8 }),
  service({ id: 'svc-bhyt', code: 'BH', name: 'BHXH – BHYT', nameEn: 'Social & health insurance', field: 'BHXH – BHYT', prefix: 'K', icon: 'health', sortOrder: 8, defaultServiceMinutes: 7, targetWaitMinutes: 15 }),
];

export const DEMO_COUNTERS: Counter[] = [
  { id: 'ctr-1', number: 1, name: 'Quầy 1 – Hộ tịch', serviceIds: ['svc-hotich', 'svc-chungthuc'], area: 'Tầng 1', staffId: null, active: true },
  { id: 'ctr-2', number: 2, name: 'Quầy 2 – Chứng thực', serviceIds: ['svc-chungthuc', 'svc-hotich'], area: 'Tầng 1', staffId: null, active: true },
  { id: 'ctr-3', number: 3, name: 'Quầy 3 – Đất đai, Xây dựng', serviceIds: ['svc-datdai', 'svc-xaydung'], area: 'Tầng 1', staffId: null, active: true },
  { id: 'ctr-4', number: 4, name: 'Quầy 4 – Kinh doanh, Bảo trợ xã hội', serviceIds: ['svc-kinhdoanh', 'svc-baotro', 'svc-bhyt'], area: 'Tầng 1', staffId: null, active: true },
  { id: 'ctr-5', number: 5, name: 'Quầy 5 – Cư trú, BHXH – BHYT', serviceIds: ['svc-cutru', 'svc-bhyt', 'svc-baotro'], area: 'Tầng 1', staffId: null, active: true },
];

export const DEMO_PRIORITIES: PriorityCategory[] = [
  { id: 'pri-merit', code: 'NCC', name: 'Người có công với cách mạng', nameEn: 'Person with meritorious service', weight: 4, icon: 'medal', active: true, sortOrder: 1 },
  { id: 'pri-elderly', code: 'NCT', name: 'Người cao tuổi (từ 60 tuổi)', nameEn: 'Elderly (60 and over)', weight: 3, icon: 'elderly', active: true, sortOrder: 2 },
  { id: 'pri-disability', code: 'NKT', name: 'Người khuyết tật', nameEn: 'Person with a disability', weight: 3, icon: 'disability', active: true, sortOrder: 3 },
  { id: 'pri-pregnant', code: 'PNMT', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman', weight: 3, icon: 'pregnant', active: true, sortOrder: 4 },
  { id: 'pri-child', code: 'TRE', name: 'Người bế trẻ em dưới 36 tháng tuổi', nameEn: 'Carrying a child under 36 months', weight: 2, icon: 'child', active: true, sortOrder: 5 },
];

export const DEMO_STAFF: { username: string; displayName: string; role: 'staff' | 'director' | 'admin' }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'director', displayName: 'Trần Thị Thu Hà', role: 'director' },
  { username: 'staff1', displayName: 'Nguyễn Văn An', role: 'staff' },
  { username: 'staff2', displayName: 'Lê Thị Bích Ngọc', role: 'staff' },
  { username: 'staff3', displayName: 'Phạm Quốc Dũng', role: 'staff' },
  { username: 'staff4', displayName: 'Hoàng Thị Mai', role: 'staff' },
  { username: 'staff5', displayName: 'Đỗ Minh Tuấn', role: 'staff' },
];
