/**
 * UUIDv7 (RFC 9562): 48-bit ms timestamp + random, so ids sort by creation and
 * records from several PCs and schools merge without clashes. Uses Web Crypto,
 * available in Node 20 and in the renderer alike.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Random bytes drawn a block at a time: a bulk import makes an id per student, and a
 * call into the system's random source per id cost more than everything else in making it.
 */
const pool = new Uint8Array(4096);
let drawn = pool.length;

/** The last id made, and its millisecond: the next one made in that millisecond follows it. */
const last = new Uint8Array(16);
let lastMs = -1;

/** Random bytes from the pool. */
function draw(n: number): Uint8Array {
  if (drawn + n > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    drawn = 0;
  }
  const b = pool.slice(drawn, drawn + n);
  drawn += n;
  return b;
}

/**
 * Adds `step` to the 74 random bits of an id (bytes 6-15 without the version and variant bits);
 * false when they overflow.
 */
function addToRandomBits(b: Uint8Array, step: number): boolean {
  let carry = step;
  for (let i = 15; i >= 9 && carry > 0; i--) {
    const v = b[i]! + carry;
    b[i] = v % 256;
    carry = Math.floor(v / 256);
  }
  const v8 = (b[8]! & 0x3f) + carry;
  b[8] = 0x80 | (v8 % 64);
  const v7 = b[7]! + Math.floor(v8 / 64);
  b[7] = v7 % 256;
  const v6 = (b[6]! & 0x0f) + Math.floor(v7 / 256);
  b[6] = 0x70 | (v6 % 16);
  return v6 < 16;
}

/** The last id plus a random step of 1 to 2^32, or null once its random bits are used up. */
function followingLast(): Uint8Array | null {
  const r = draw(4);
  const step = 1 + r[0]! * 2 ** 24 + r[1]! * 2 ** 16 + r[2]! * 2 ** 8 + r[3]!;
  const b = last.slice();
  return addToRandomBits(b, step) ? b : null;
}

/** Random bits under the timestamp `now`. */
function freshBytes(now: number): Uint8Array {
  const b = draw(16);
  let ts = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return b;
}

/**
 * A new id for the time `now`. Ids made in one millisecond (a 5,000-row roster import makes 5,000 with the
 * request's time) follow each other: each is the previous plus a random step of up to 2^32 in its
 * random bits (RFC 9562 §6.2, method 2). So they sort in the order they were made, and the
 * indexes on them (students.id and students_id_no) are appended to instead of written
 * at random places: a third of a 5,000-row import's database time. An earlier `now` (a clock set
 * back) gets fresh random bits; the timestamp is always `now`'s.
 */
export function uuidv7(now: number = Date.now()): string {
  const b = (now === lastMs ? followingLast() : null) ?? freshBytes(now);
  last.set(b);
  lastMs = now;
  let h = '';
  for (const x of b) h += HEX[x];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
