import { describe, expect, it } from 'vitest';
import { canonicalJson, type PackageManifest, SIGNING_CONTEXT } from '../../shared/domain/district-package';
import { Decrypter, Encrypter } from 'age-encryption';
import {
  type DistrictKeys,
  fingerprintOf,
  keyIdOf,
  newDistrictIdentity,
  newSigningKey,
  openPackage,
  parsePublicKey,
  publicKeyPem,
  sealPackage,
  type SigningKey,
} from '../../electron/services/district/package-crypto';

const PAYLOAD = { statistics: { tables: [{ id: 'sessions.byGrade', cells: [[12, 30]] }] } };

async function fixture() {
  const district = await newDistrictIdentity();
  const school = newSigningKey();
  const fields = (key: SigningKey, recipient = district.recipient): Omit<PackageManifest, 'payloadSha256'> => ({
    schemaVersion: 1,
    packageId: '0190f5a0-0000-7000-8000-000000000001',
    school: { name: '示例市第一中学', code: '3301020001', district: '示例区教育局' },
    schoolKeyId: keyIdOf(key.publicKey),
    schoolPublicKey: Buffer.from(key.publicKey).toString('base64'),
    period: { from: '2025-02-17', to: '2025-07-04' },
    contents: ['statistics'],
    recipient,
    k: 5,
    createdAt: 1_750_000_000_000,
  });
  const keys: DistrictKeys = { ...district, schoolKey: (id) => (id === keyIdOf(school.publicKey) ? school.publicKey : null) };
  const sealed = await sealPackage(fields(school), PAYLOAD, school);
  return { district, school, fields, keys, sealed };
}

/** Decrypts with the district's identity, changes the plaintext, and encrypts it again: what anyone with the district's public key can do. */
async function reseal(bytes: Uint8Array, identity: string, recipient: string, change: (lines: string[]) => void): Promise<Uint8Array> {
  const d = new Decrypter();
  d.addIdentity(identity);
  const lines = (await d.decrypt(bytes, 'text')).split('\n');
  change(lines);
  const e = new Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(lines.join('\n'));
}

const flip = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('district package format', () => {
  it('round-trips: the district opens what the school sealed and reads the manifest and payload', async () => {
    const { keys, sealed, school } = await fixture();
    const opened = await openPackage(sealed.bytes, keys);
    expect(opened).toMatchObject({ ok: true, manifest: sealed.manifest, payload: PAYLOAD });
    expect(new TextDecoder().decode(sealed.bytes.subarray(0, 21))).toBe('age-encryption.org/v1');
    expect(fingerprintOf(school.publicKey)).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(parsePublicKey(publicKeyPem(school.publicKey))).toEqual(school.publicKey);
  });

  it('refuses a flipped byte in every part of the file, each with its reason', async () => {
    const { keys, sealed } = await fixture();
    const text = new TextDecoder('latin1').decode(sealed.bytes);
    const headerEnd = text.indexOf('\n---') + 1;
    const stanza = text.indexOf('-> X25519 ') + 12;
    // The recipient stanza (its ephemeral share): the file key no longer unwraps for this identity.
    // Another base64 character, not a flipped bit: that can make a character base64 does not have
    // ('A' ^ 1 is '@'), and the header is then refused as malformed instead.
    const share = new Uint8Array(sealed.bytes);
    share[stanza] = share[stanza] === 0x41 ? 0x42 : 0x41;
    expect(await openPackage(share, keys)).toMatchObject({ ok: false, reason: 'wrongIdentity' });
    // The header MAC line.
    expect(await openPackage(flip(sealed.bytes, headerEnd + 6), keys)).toMatchObject({ ok: false, reason: 'altered' });
    // The nonce and the encrypted chunk (manifest and payload live here).
    expect(await openPackage(flip(sealed.bytes, text.indexOf('\n', headerEnd) + 3), keys)).toMatchObject({ ok: false, reason: 'altered' });
    expect(await openPackage(flip(sealed.bytes, sealed.bytes.length - 40), keys)).toMatchObject({ ok: false, reason: 'altered' });
    expect(await openPackage(sealed.bytes.subarray(0, sealed.bytes.length - 20), keys)).toMatchObject({ ok: false, reason: 'altered' });
    expect(await openPackage(sealed.bytes.subarray(0, 30), keys)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(await openPackage(new TextEncoder().encode('PK\u0003\u0004 not an age file at all'), keys)).toMatchObject({ ok: false, reason: 'notPackage' });
  });

  it('refuses a package re-encrypted with its manifest or payload changed: the signature and the payload hash', async () => {
    const { keys, sealed, district } = await fixture();
    const manifestChanged = await reseal(sealed.bytes, district.identity, district.recipient, (l) => {
      l[1] = l[1]!.replace('"k":5', '"k":6');
    });
    expect(await openPackage(manifestChanged, keys)).toMatchObject({ ok: false, reason: 'badSignature' });
    const payloadChanged = await reseal(sealed.bytes, district.identity, district.recipient, (l) => {
      l[3] = l[3]!.replace('12', '13');
    });
    expect(await openPackage(payloadChanged, keys)).toMatchObject({ ok: false, reason: 'payloadHash' });
    const sigChanged = await reseal(sealed.bytes, district.identity, district.recipient, (l) => {
      const sig = Buffer.from(l[2]!, 'base64');
      sig[10] = sig[10]! ^ 1;
      l[2] = sig.toString('base64');
    });
    expect(await openPackage(sigChanged, keys)).toMatchObject({ ok: false, reason: 'badSignature' });
    const contextChanged = await reseal(sealed.bytes, district.identity, district.recipient, (l) => {
      l[0] = `${SIGNING_CONTEXT}x`;
    });
    expect(await openPackage(contextChanged, keys)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('names a wrong identity, an unregistered key (offering its manifest), a package meant for another district', async () => {
    const { keys, sealed, fields, district } = await fixture();
    const other = await newDistrictIdentity();
    expect(await openPackage(sealed.bytes, { ...keys, ...other })).toMatchObject({ ok: false, reason: 'wrongIdentity' });

    const stranger = newSigningKey();
    const unknown = await sealPackage(fields(stranger), PAYLOAD, stranger);
    const refused = await openPackage(unknown.bytes, keys);
    expect(refused).toMatchObject({ ok: false, reason: 'unregisteredKey', manifest: { schoolKeyId: keyIdOf(stranger.publicKey) } });

    // A school's package for district A, decrypted by A and re-encrypted to us: the manifest names A.
    const elsewhere = newSigningKey();
    const forOther = await sealPackage(fields(elsewhere, other.recipient), PAYLOAD, elsewhere);
    const passedOn = await reseal(forOther.bytes, other.identity, district.recipient, () => {});
    const trusting: DistrictKeys = { ...keys, schoolKey: () => parsePublicKey(forOther.manifest.schoolPublicKey) };
    expect(await openPackage(passedOn, trusting)).toMatchObject({ ok: false, reason: 'otherDistrict' });
  });

  it('signs exactly the context line and the manifest line, canonical JSON with sorted keys', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });
});
