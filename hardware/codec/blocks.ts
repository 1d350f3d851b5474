/** What a printout is made of, before any printer-specific bytes: layouts produce these, renderers consume them. */
export type Align = 'left' | 'center' | 'right';

export type Block =
  /** One already-wrapped line; scale 2 doubles width and height. */
  | { kind: 'text'; text: string; align: Align; scale?: 1 | 2; bold?: boolean }
  /** The queue number: always native text at a large GS ! size, also in raster mode. */
  | { kind: 'big'; text: string; align: Align }
  | { kind: 'qr'; data: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };
