// Settlement names for a generated city: words of the kind Cape Town's settlements are named
// with (isiXhosa and isiZulu words of hope and effort, leaders, far-away places, Afrikaans farm
// names), put together so that a name rarely matches a real settlement's. Unique within a city.
import { pick, type Random } from './random.ts';

const words = [
  'Sinethemba',
  'Masiphumelele',
  'Vukuzenzele',
  'Siyakhula',
  'Zanokhanyo',
  'Ekuphumleni',
  'Thembalethu',
  'Sizamile',
  'Masincedane',
  'Luvuyo',
  'Sonwabile',
  'Kuyasa',
  'Zwelihle',
  'Siyazama',
  'Masakhane',
  'Phumlani',
  'Lwandle',
  'Umthombo',
  'Intuthuko',
  'Sakhisizwe',
  'Ilitha',
  'Enkululekweni',
  'Thandokhulu',
  'Nomzamo',
  'Zolani',
  'Ukuthula',
  'Emthonjeni',
  'Kanana',
  'Mandela',
  'Tambo',
  'Biko',
  'Sisulu',
  'Freedom',
  'Sweet Home',
  'Overcome',
  'Europe',
  'Egoli',
  'Soweto',
  'Vygieskraal',
  'Doornbach',
  'Rooidakkies',
  'Kleinvlei',
  'Bokmakierie',
  'Wolwerivier',
  'Sandvlei',
  'Silvertown',
  'Pholile',
  'Themba',
  'Siyahlala',
];
const kinds = ['', '', '', ' Park', ' Village', ' Heights', ' Farm', ' Square', ' Camp', ' Valley'];

/** n different names; after the plain ones are used up, extensions ("… Ext 3") as cities number them. */
export function settlementNames(random: Random, n: number): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  while (names.length < n) {
    const base = `${pick(random, words)}${pick(random, kinds)}`;
    let name = base;
    for (let ext = 2; taken.has(name); ext++) name = `${base} Ext ${ext}`;
    taken.add(name);
    names.push(name);
  }
  return names;
}

/** Another name some residents use, or none. */
export function aliasesOf(random: Random, name: string): string[] {
  const roll = random();
  if (roll < 0.15) return [`${pick(random, words)}`].filter((alias) => alias !== name);
  if (roll < 0.22) return [`${name.split(' ')[0]} informal settlement`];
  return [];
}
