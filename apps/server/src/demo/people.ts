import type { EndpointBodyInput, endpoints } from '@coproduce/contract';

/** What a client sends to create a person: defaults may be left out. */
type DemoPerson = EndpointBodyInput<typeof endpoints.createPerson> & { displayName: string };

/**
 * A dozen people of a Gauteng shack dwellers' federation and its Pune partners: most have no
 * email; several are reached by post, through a day centre, on a notice board or only in person.
 * Names are invented.
 */
export const demoPeople: DemoPerson[] = [
  {
    displayName: 'Nomvula M.',
    legalName: 'Nomvula Mkhize',
    languages: ['zu', 'en'],
    contactChannels: [
      { kind: 'whatsapp', phone: '+27 82 555 0101' },
      { kind: 'in_person', where: 'Thursday meetings at the crèche' },
    ],
    accessNeeds: { childcare: true, preferredTimes: 'after 15:00' },
  },
  {
    displayName: 'Sipho',
    languages: ['zu'],
    contactChannels: [
      { kind: 'care_of', name: 'Sonop day centre', address: '14 Church Street, Pretoria West' },
    ],
    accessNeeds: { travel: true, interpreter: { language: 'zu' } },
    notes: 'Collects post at the day centre on Mondays.',
  },
  {
    displayName: 'Thandeka Zulu',
    legalName: 'Thandeka Zulu',
    languages: ['zu', 'en'],
    contactChannels: [
      { kind: 'sms', phone: '+27 71 555 0144' },
      { kind: 'email', address: 'thandeka@example.org' },
    ],
  },
  {
    displayName: 'Lwazi',
    languages: ['xh', 'en'],
    contactChannels: [{ kind: 'notice_board', location: 'Notice board at the Mamelodi community hall' }],
    accessNeeds: { stepFree: true },
  },
  {
    displayName: 'Ayanda Nqaba',
    languages: ['xh'],
    contactChannels: [{ kind: 'post', address: 'PO Box 2231, Khayelitsha, 7784' }],
    accessNeeds: { largePrint: true, interpreter: { language: 'xh' } },
  },
  {
    displayName: 'Gogo Mavis',
    languages: ['zu', 'xh'],
    contactChannels: [{ kind: 'in_person' }],
    accessNeeds: { stepFree: true, quietRoom: true, preferredTimes: 'mornings only' },
    notes: 'Prefers a visit at home; ask the block leader first.',
  },
  {
    displayName: 'Sunita Jadhav',
    legalName: 'Sunita Ramesh Jadhav',
    languages: ['mr', 'hi'],
    contactChannels: [{ kind: 'whatsapp', phone: '+91 98220 55501' }],
    accessNeeds: { childcare: true, interpreter: { language: 'mr' } },
  },
  {
    displayName: 'रेखा पाटील',
    languages: ['mr'],
    contactChannels: [
      { kind: 'care_of', name: 'Mahila Milan savings group', address: 'Room 4, Janata Vasahat, Pune 411009' },
    ],
    accessNeeds: { largePrint: true },
  },
  {
    displayName: 'Imran Shaikh',
    languages: ['hi', 'en'],
    contactChannels: [
      { kind: 'sms', phone: '+91 98900 55502' },
      { kind: 'post', address: 'Near the water tank, Yerawada, Pune' },
    ],
  },
  {
    displayName: 'Priya',
    languages: ['hi'],
    contactChannels: [{ kind: 'notice_board', location: 'Board outside the ration shop' }],
    accessNeeds: { other: 'Works night shifts: weekend afternoons are best.' },
  },
  {
    displayName: 'Johan',
    legalName: 'Johannes van der Merwe',
    languages: ['en'],
    contactChannels: [
      { kind: 'care_of', name: 'Keyworker Lerato at the shelter', address: '3 Burger Street, Pretoria' },
    ],
    accessNeeds: { travel: true },
  },
  {
    displayName: 'Zoë',
    languages: ['en', 'zu'],
    contactChannels: [{ kind: 'email', address: 'zoe@example.org' }],
    accessNeeds: { quietRoom: true },
  },
];
