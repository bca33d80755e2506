function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date cell's text as pyxform writes it (Python's str of a datetime): `2024-05-01 00:00:00`,
 * or `08:30:00` for a time alone (Excel keeps those on its first day, 1899-12-30).
 */
export function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (d.getUTCFullYear() === 1899 && d.getUTCMonth() === 11 && d.getUTCDate() === 30) return time;
  return `${day} ${time}`;
}
