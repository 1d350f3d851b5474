/** Vietnamese texts of the admin API's warnings (a change saved, with something to check): the base catalog. */
export const warningsVi = {
  PREFIX_SOUNDS_ALIKE:
    'Cảnh báo: loa gọi số đọc tiền tố “{prefix}” (“{reading}”) giống tiền tố “{other}” (“{otherReading}”) của dịch vụ “{service}” theo giọng {region}. Công dân sẽ khó phân biệt hai số; nên chọn chữ cái khác.',
  PREFIX_NAMES_SOUND_ALIKE:
    'Lưu ý: tiền tố “{prefix}” và tiền tố “{other}” của dịch vụ “{service}” nghe giống nhau theo giọng {region} khi đọc tên chữ cái (“{name}” – “{otherName}”). Loa gọi số đọc khác nhau (“{reading}” – “{otherReading}”), nhưng công dân và cán bộ vẫn dễ nhầm khi tự đọc số; nên chọn chữ cái khác.',
  'region.north': 'miền Bắc',
  'region.south': 'miền Nam',
} as const;
