// The optional background tiles: a URL template such as https://tile.example.org/{z}/{x}/{y}.png,
// kept in this browser only. With none set the map draws on a plain background (works offline).
const key = 'coproduce.map.tileUrl';

export function tileUrl(): string | null {
  try {
    const value = localStorage.getItem(key)?.trim();
    return value ? value : null;
  } catch {
    return null;
  }
}

/** Saves the template, or forgets it when empty. Only http(s) templates with {z}, {x} and {y}. */
export function setTileUrl(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed && !isTileTemplate(trimmed)) return false;
  try {
    if (trimmed) localStorage.setItem(key, trimmed);
    else localStorage.removeItem(key);
  } catch {
    return false;
  }
  return true;
}

export function isTileTemplate(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value) && ['{z}', '{x}', '{y}'].every((part) => value.includes(part));
}
