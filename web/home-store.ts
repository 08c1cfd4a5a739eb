// The page's keeping of /home across reloads: one IndexedDB record holding the entries the worker listed
// (web/home-files.ts). Every call settles, never rejects: without IndexedDB (a private window that refuses
// it) the page still runs, with a /home that lasts as long as the tab.

import type { HomeEntry } from './home-files.js';

const DB_NAME = 'pagoda';
const STORE = 'home';
const KEY = 'entries';

function open(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = (): void => { req.result.createObjectStore(STORE); };
      req.onsuccess = (): void => resolve(req.result);
      req.onerror = (): void => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

/** Runs one request on the store; its result, or undefined on any failure. */
async function withStore<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      let result: T | undefined;
      req.onsuccess = (): void => { result = req.result; };
      tx.oncomplete = (): void => { db.close(); resolve(result); };
      tx.onerror = tx.onabort = (): void => { db.close(); resolve(undefined); };
    } catch {
      db.close();
      resolve(undefined);
    }
  });
}

/** The /home kept by an earlier visit, or undefined (first visit, after a reset, or no IndexedDB). */
export async function loadHome(): Promise<HomeEntry[] | undefined> {
  const v = await withStore('readonly', (s) => s.get(KEY) as IDBRequest<HomeEntry[] | undefined>);
  return Array.isArray(v) ? v : undefined;
}

/** Keeps `entries` as /home for the next visit; true once stored. */
export async function saveHome(entries: HomeEntry[]): Promise<boolean> {
  return (await withStore('readwrite', (s) => s.put(entries, KEY))) !== undefined;
}

/** Forgets the kept /home: the next boot has the boot image's. */
export async function clearHome(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(KEY));
}
