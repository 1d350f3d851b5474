// The characters the embedded raster font carries, in the order of its glyph table.
// Anything else prints as '?', so this list must cover every Vietnamese letter (NFC).
const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const latin1Vi = 'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý';
const extraVi = 'ĂăĐđĨĩŨũƠơƯư';
const latinExtAdditional = Array.from({ length: 0x1efa - 0x1ea0 }, (_, i) => String.fromCharCode(0x1ea0 + i)).join('');
const punctuation = '–—‘’“”…•·°×©';

export const FONT_CHARS = ascii + latin1Vi + extraVi + latinExtAdditional + punctuation;
