// A user-agent string means nothing to most people: name the browser and the system instead.
const browsers: [RegExp, string][] = [
  [/SamsungBrowser/i, 'Samsung Internet'],
  [/OPR\/|Opera/i, 'Opera'],
  [/Edg\//i, 'Edge'],
  [/Firefox\//i, 'Firefox'],
  [/Chrome\/|Chromium\/|CriOS\//i, 'Chrome'],
  [/Safari\//i, 'Safari'],
  [/curl|node|undici|python/i, 'Script'],
];
const systems: [RegExp, string][] = [
  [/Android/i, 'Android'],
  [/iPhone|iPad|iOS/i, 'iPhone'],
  [/Windows/i, 'Windows'],
  [/Mac OS X|Macintosh/i, 'Mac'],
  [/CrOS/i, 'ChromeOS'],
  [/Linux/i, 'Linux'],
];

export function describeDevice(userAgent: string | null): { browser: string; system: string } | null {
  if (!userAgent) return null;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !system) return null;
  return { browser: browser ?? '?', system: system ?? '?' };
}
