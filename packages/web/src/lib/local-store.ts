import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from './outbox';

export const DB_NAME = 'tocsin';

/** The device key: the private half cannot be exported, only used to sign. */
export interface StoredDeviceKey {
  id: 'device';
  keyPair: CryptoKeyPair;
  /** Raw public key, base64url, as the API knows it. */
  publicKey: string;
  createdAt: number;
}

interface TocsinSchema extends DBSchema {
  keys: { key: string; value: StoredDeviceKey };
  outbox: { key: string; value: OutboxItem };
  /** Alert ids already shown, so a replayed or redelivered alert is shown once. */
  seen: { key: string; value: { id: string; at: number }; indexes: { at: number } };
  meta: { key: string; value: unknown };
}

/**
 * The app's one IndexedDB database. Everything the app keeps on the phone is here or in
 * localStorage, so the panic wipe knows where to look.
 */
export class LocalStore {
  #db: Promise<IDBPDatabase<TocsinSchema>> | null = null;
  #closed = false;

  db(): Promise<IDBPDatabase<TocsinSchema>> {
    if (this.#closed) return Promise.reject(new Error('local storage was wiped'));
    this.#db ??= openDB<TocsinSchema>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('keys', { keyPath: 'id' });
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('seen', { keyPath: 'id' }).createIndex('at', 'at');
        db.createObjectStore('meta');
      },
    });
    return this.#db;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await (await this.db()).get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await (await this.db()).put('meta', value, key);
  }

  async deleteMeta(key: string): Promise<void> {
    await (await this.db()).delete('meta', key);
  }

  /** Closes the connection for good (before the database is deleted). */
  async close(): Promise<void> {
    this.#closed = true;
    const db = this.#db;
    this.#db = null;
    if (db) (await db.catch(() => null))?.close();
  }
}
