// Persistent storage: without it the browser may clear IndexedDB under storage pressure, which
// would lose unsent work. The screen shows whether it was granted and how much space is left.

export interface StorageState {
  /** null when this browser has no StorageManager (the screen says "unknown"). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Asks once (Chromium grants installed or engaged sites without a prompt), then reports. */
export async function requestPersistentStorage(): Promise<StorageState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return { persisted: null, usageBytes: null, quotaBytes: null };
  const persisted = (await storage.persisted()) || (await storage.persist());
  return { persisted, ...(await spaceLeft()) };
}

export async function spaceLeft(): Promise<Omit<StorageState, 'persisted'>> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return { usageBytes: null, quotaBytes: null };
  const { usage, quota } = await storage.estimate();
  return { usageBytes: usage ?? null, quotaBytes: quota ?? null };
}
