import type { Procedure } from '../../../protocol/procedure';

/** A valid record; tests override only what they are about. */
export function makeProcedure(overrides: Partial<Procedure> & Pick<Procedure, 'id' | 'code' | 'name'>): Procedure {
  return {
    field: 'Hộ tịch',
    level: 'commune',
    agency: 'Ủy ban nhân dân cấp xã',
    steps: ['Nộp hồ sơ tại Bộ phận Một cửa.', 'Trả kết quả.'],
    submissionMethods: ['Trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân cấp xã'],
    documents: [{ name: 'Tờ khai theo mẫu', copies: '01 bản chính' }],
    timeLimit: 'Ngay trong ngày tiếp nhận hồ sơ.',
    fees: 'Miễn lệ phí.',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    result: 'Trích lục.',
    conditions: 'Không.',
    online: 'none',
    onlineUrl: null,
    serviceId: 'svc-hotich',
    ...overrides,
  };
}
