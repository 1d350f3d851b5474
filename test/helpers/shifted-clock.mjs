/**
 * Preloaded into server processes under test (`node --import`): their Date runs TEST_CLOCK_OFFSET_MS away from the
 * machine's, from the tests' fixed day (test/helpers/clock.ts), so a suite started at 23:59 never sees midnight.
 * Plain JavaScript: it loads before any TypeScript loader.
 */
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0);
if (offset) {
  const RealDate = Date;
  const now = () => RealDate.now() + offset;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length) super(...args);
      else super(now());
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = ShiftedDate;
}
