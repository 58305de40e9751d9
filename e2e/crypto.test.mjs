// Passphrase-protected files (www/domain/crypto.mjs) under Node's Web Crypto, the same API the
// browser provides: round trip, wrong passphrase, tampering anywhere, damaged and foreign files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decryptText, encryptText, isEncrypted, PBKDF2_ITERATIONS } from "../www/domain/crypto.mjs";

const FAST = 100000; // the minimum accepted, to keep the tests quick
const plain = JSON.stringify({
  format: "stocktake-assessment",
  version: 1,
  notes: "Candid: front door is weak <b>x</b> £ é",
});

test("a protected file opens with its passphrase and gives back exactly what was saved", async () => {
  const file = await encryptText(plain, "correct horse battery", FAST);
  assert.ok(isEncrypted(JSON.parse(file)));
  assert.ok(!file.includes("front door"), "the answers are not readable in the file");
  assert.equal(await decryptText(file, "correct horse battery"), plain);
});

test("the default key derivation is strong", async () => {
  assert.ok(PBKDF2_ITERATIONS >= 600000);
  const file = JSON.parse(await encryptText(plain, "correct horse battery"));
  assert.equal(file.kdf.iterations, PBKDF2_ITERATIONS);
  assert.equal(file.cipher.name, "AES-GCM");
});

test("a wrong passphrase gets a clear message", async () => {
  const file = await encryptText(plain, "correct horse battery", FAST);
  await assert.rejects(decryptText(file, "wrong horse battery"), {
    code: "wrong_passphrase_or_changed",
    message: /passphrase is wrong/,
  });
});

test("changing any part of the file is detected", async () => {
  const file = JSON.parse(await encryptText(plain, "correct horse battery", FAST));
  const flip = (b64) => {
    const bytes = Buffer.from(b64, "base64");
    bytes[bytes.length >> 1] ^= 1;
    return bytes.toString("base64");
  };
  const tampered = [
    { ...file, ciphertext: flip(file.ciphertext) },
    { ...file, cipher: { ...file.cipher, iv: flip(file.cipher.iv) } },
    { ...file, kdf: { ...file.kdf, salt: flip(file.kdf.salt) } },
    { ...file, kdf: { ...file.kdf, iterations: file.kdf.iterations + 1 } },
  ];
  for (const t of tampered) {
    await assert.rejects(decryptText(JSON.stringify(t), "correct horse battery"), {
      code: "wrong_passphrase_or_changed",
    });
  }
});

test("damaged, foreign and weak inputs get their own messages", async () => {
  const file = JSON.parse(await encryptText(plain, "correct horse battery", FAST));
  await assert.rejects(decryptText("not json", "x"), { code: "not_json" });
  await assert.rejects(decryptText(plain, "x"), { code: "not_encrypted" });
  await assert.rejects(decryptText(JSON.stringify({ ...file, version: 2 }), "x"), { code: "newer_version" });
  await assert.rejects(decryptText(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1 } }), "x"), {
    code: "damaged",
  });
  await assert.rejects(decryptText(JSON.stringify({ ...file, ciphertext: "%%%" }), "x"), { code: "damaged" });
  await assert.rejects(encryptText(plain, "short"), { code: "weak_passphrase" });
});
