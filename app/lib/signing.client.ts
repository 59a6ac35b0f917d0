// Signing in the browser: a non-extractable key per user and device, kept in IndexedDB; only the
// public key (a JWK) is ever exported. Ed25519 where the browser has it, else ECDSA P-256.
import { type SigningPayload, signingPayload, toBase64Url } from "./hash/signing-payload";

const DB_NAME = "portal-signing";
const STORE = "keys";

type DeviceKey = { privateKey: CryptoKey; publicJwk: JsonWebKey; algorithm: "Ed25519" | "ECDSA-P256" };

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function request<T>(db: IDBDatabase, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = run(db.transaction(STORE, mode).objectStore(STORE));
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

async function generate(): Promise<DeviceKey> {
  try {
    const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
    return { privateKey: pair.privateKey, publicJwk: await crypto.subtle.exportKey("jwk", pair.publicKey), algorithm: "Ed25519" };
  } catch {
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    return { privateKey: pair.privateKey, publicJwk: await crypto.subtle.exportKey("jwk", pair.publicKey), algorithm: "ECDSA-P256" };
  }
}

/** This device's key for the user, created (and stored) on first use. */
export async function deviceKey(userId: string, { renew = false } = {}): Promise<DeviceKey> {
  if (!globalThis.crypto?.subtle || !globalThis.indexedDB) throw new Error("unsupported");
  const db = await openStore();
  try {
    const stored = renew ? undefined : await request<DeviceKey | undefined>(db, "readonly", (s) => s.get(userId));
    if (stored) return stored;
    const created = await generate();
    await request(db, "readwrite", (s) => s.put(created, userId));
    return created;
  } finally {
    db.close();
  }
}

/** A short name for this device, shown on the keys page. */
export function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad/.test(ua)
        ? "iOS"
        : /Mac OS/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return `${browser}${os ? ` · ${os}` : ""}`;
}

/** The fields a signed form adds: signedAt, publicKey (JWK as JSON text), signature, deviceLabel. */
export async function signFields(payload: Omit<SigningPayload, "signedAt">, opts: { renew?: boolean } = {}) {
  const key = await deviceKey(payload.signerId, opts);
  const signedAt = new Date().toISOString();
  const data = new TextEncoder().encode(signingPayload({ ...payload, signedAt }));
  const params = key.algorithm === "Ed25519" ? { name: "Ed25519" } : { name: "ECDSA", hash: "SHA-256" };
  const signature = toBase64Url(new Uint8Array(await crypto.subtle.sign(params, key.privateKey, data)));
  const { kty, crv, x, y } = key.publicJwk;
  return { signedAt, publicKey: JSON.stringify(y ? { kty, crv, x, y } : { kty, crv, x }), signature, deviceLabel: deviceLabel() };
}
