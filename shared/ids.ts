/**
 * UUIDv7 (RFC 9562): 48-bit ms timestamp + random, so ids sort by creation and
 * records from several PCs and schools merge without clashes. Uses Web Crypto,
 * available in Node 20 and in the renderer alike.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Random bytes drawn a block at a time: a bulk import makes an id per student and guardian, and a
 * call into the system's random source per id cost more than everything else in making it.
 */
const pool = new Uint8Array(4096);
let drawn = pool.length;

export function uuidv7(now: number = Date.now()): string {
  if (drawn + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    drawn = 0;
  }
  const b = pool.slice(drawn, drawn + 16);
  drawn += 16;
  let ts = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let h = '';
  for (const x of b) h += HEX[x];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
