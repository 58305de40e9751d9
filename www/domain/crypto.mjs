// Passphrase-protected files, so a self-evaluation can be emailed to a peer reviewer safely.
// AES-256-GCM with a key derived by PBKDF2-HMAC-SHA-256 (600,000 iterations: OWASP's 2023 figure)
// from the passphrase and a random 16-byte salt; a random 12-byte IV per file. The file's header
// (format, version, KDF and cipher parameters) is bound to the ciphertext as additional
// authenticated data, so changing any byte of the file is detected. Uses only Web Crypto.

export const ENCRYPTED_FORMAT = "stocktake-encrypted";
export const PBKDF2_ITERATIONS = 600000;
const MAX_ITERATIONS = 5000000;

const enc = new TextEncoder();

function toBase64(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(text) {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A failure to open an encrypted file, with a code the page can explain. */
export class CryptoFileError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

async function deriveKey(passphrase, salt, iterations, usage) {
  const material = await crypto.subtle.importKey("raw", enc.encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    [usage],
  );
}

function headerText(h) {
  return JSON.stringify({ format: h.format, version: h.version, kdf: h.kdf, cipher: h.cipher });
}

/** Encrypts `plaintext` (the assessment's JSON text) with `passphrase`; returns the file's text. */
export async function encryptText(plaintext, passphrase, iterations = PBKDF2_ITERATIONS) {
  if (!passphrase || passphrase.length < 8)
    throw new CryptoFileError("weak_passphrase", "Enter a passphrase of at least 8 characters");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: ENCRYPTED_FORMAT,
    version: 1,
    kdf: { name: "PBKDF2", hash: "SHA-256", iterations, salt: toBase64(salt) },
    cipher: { name: "AES-GCM", iv: toBase64(iv) },
  };
  const key = await deriveKey(passphrase, salt, iterations, "encrypt");
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: enc.encode(headerText(header)) },
    key,
    enc.encode(plaintext),
  );
  return JSON.stringify({ ...header, ciphertext: toBase64(new Uint8Array(data)) }, null, 1);
}

/** Whether parsed JSON looks like an encrypted Stocktake file. */
export function isEncrypted(value) {
  return value != null && typeof value === "object" && value.format === ENCRYPTED_FORMAT;
}

/** Decrypts an encrypted file's text; throws CryptoFileError with a plain-English message. */
export async function decryptText(fileText, passphrase) {
  let file;
  try {
    file = JSON.parse(fileText);
  } catch {
    throw new CryptoFileError("not_json", "The file is not a Stocktake file");
  }
  if (!isEncrypted(file))
    throw new CryptoFileError("not_encrypted", "The file is not a passphrase-protected Stocktake file");
  if (file.version !== 1)
    throw new CryptoFileError("newer_version", "The file was protected by a newer version of Stocktake");
  const kdf = file.kdf ?? {};
  const iterations = kdf.iterations;
  let salt, iv, data;
  try {
    if (kdf.name !== "PBKDF2" || kdf.hash !== "SHA-256" || file.cipher?.name !== "AES-GCM") throw new Error();
    if (!Number.isInteger(iterations) || iterations < 100000 || iterations > MAX_ITERATIONS) throw new Error();
    salt = fromBase64(kdf.salt);
    iv = fromBase64(file.cipher.iv);
    data = fromBase64(file.ciphertext);
    if (salt.length !== 16 || iv.length !== 12 || data.length < 16) throw new Error();
  } catch {
    throw new CryptoFileError(
      "damaged",
      "The protected file is damaged: its protection details are missing or changed",
    );
  }
  if (!passphrase) throw new CryptoFileError("no_passphrase", "Enter the passphrase for this file");
  const key = await deriveKey(passphrase, salt, iterations, "decrypt");
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv, additionalData: enc.encode(headerText(file)) },
      key,
      data,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new CryptoFileError(
      "wrong_passphrase_or_changed",
      "The passphrase is wrong, or the file has been changed since it was saved",
    );
  }
}
