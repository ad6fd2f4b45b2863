// The session kept in this browser (IndexedDB), so that a reload loses nothing: the open
// reports with the user's corrections, the pasted text, the comparison's options. Nothing
// of it leaves the machine; `clearSession` removes it.

const DB = 'envreport';
const STORE = 'session';
const KEY = 'current';

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The saved session, or null (also when the browser keeps no storage for this page). */
export async function loadSession() {
  try {
    return (await run('readonly', (s) => s.get(KEY))) ?? null;
  } catch {
    return null;
  }
}

/** Saves the session (a structured-clonable object). */
export async function saveSession(session) {
  try {
    await run('readwrite', (s) => s.put(session, KEY));
  } catch {
    // private windows may refuse storage: the page works without it
  }
}

/** Forgets the session. */
export async function clearSession() {
  try {
    await run('readwrite', (s) => s.delete(KEY));
  } catch {
    // nothing kept
  }
}
