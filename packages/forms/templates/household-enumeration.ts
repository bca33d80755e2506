// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { EN, form, group, q, repeat } from './dsl.ts';
import { householdChoices } from './household-enumeration-choices.ts';

/**
 * Household enumeration, from domain-enumeration.md §7 (sections A–G): one submission per
 * structure, sections B–G once for each household in it. Its entities sheet and save_to column
 * make the records (the server's settlements/structure-entities.ts, households/household-entities.ts).
 */
export const householdEnumeration = form(
  {
    formId: 'household_enumeration',
    formTitle: 'Household enumeration',
    version: '2026112501',
    defaultLanguage: EN,
    instanceName: "concat('Structure ', ${painted_number})",
    style: 'pages',
    extra: {},
  },
  [
    q('start', 'start'),
    q('end', 'end'),
    q('today', 'today'),
    q('deviceid', 'deviceid'),
    q('username', 'username'),
    group(
      'structure',
      ['A. Structure', 'A. Isakhiwo'],
      [
        q('note', 'structure_note', [
          'The enumerator fills in this section.',
          'Lesi sigaba sigcwaliswa ngumbali.',
        ]),
        q('text', 'painted_number', ['Painted number on the structure', 'Inombolo ependiwe esakhiweni'], {
          required: true,
          sensitivity: 'personal',
          saveTo: 'structures#number',
        }),
        q('geopoint', 'location', ['GPS location of the structure', 'Indawo ye-GPS yesakhiwo'], {
          sensitivity: 'personal',
          parameters: { 'capture-accuracy': '10' },
          saveTo: 'structures#point',
        }),
        q('text', 'section', ['Section of the settlement', 'Isigaba sendawo'], {
          saveTo: 'structures#section',
        }),
        q(
          'select_one structure_use',
          'use',
          ['What is the structure used for?', 'Isakhiwo sisetshenziselwa ini?'],
          { required: true, saveTo: 'structures#use' },
        ),
        q('select_one wall_material', 'wall_material', ['Main wall material', 'Izinto ezakhe udonga'], {
          saveTo: 'structures#wall_material',
        }),
        q('select_one roof_material', 'roof_material', ['Main roof material', 'Izinto ezakhe uphahla'], {
          saveTo: 'structures#roof_material',
        }),
        q('integer', 'rooms', ['Number of rooms', 'Inani lamakamelo'], {
          constraint: '. >= 1 and . <= 30',
          constraintMessage: ['Enter between 1 and 30 rooms.', 'Faka amakamelo aphakathi kuka-1 no-30.'],
          saveTo: 'structures#rooms',
        }),
        q('decimal', 'floor_area', ['Floor area (m², tape measure)', 'Ubukhulu baphansi (m², ngetheyiphu)'], {
          constraint: '. > 0 and . < 500',
          constraintMessage: [
            'Enter an area above 0 and below 500 m².',
            'Faka ubukhulu obungaphezu kuka-0 nangaphansi kuka-500 m².',
          ],
          saveTo: 'structures#floor_area_m2',
        }),
        q('integer', 'people_sleeping', ['How many people sleep here?', 'Bangaki abantu abalala lapha?'], {
          constraint: '. >= 0 and . <= 50',
          saveTo: 'structures#stated_occupants',
        }),
        q(
          'integer',
          'households_here',
          ['How many households live in this structure?', 'Yimindeni emingaki ehlala kulesi sakhiwo?'],
          {
            required: true,
            constraint: '. >= 0 and . <= 20',
            saveTo: 'structures#stated_households',
          },
        ),
      ],
    ),
    // One entry per household of the structure (1–3 as a rule), each with its consent, its
    // answers and its members: one submission enumerates the whole structure.
    repeat(
      'households',
      ['Households', 'Imindeni'],
      [
        q(
          'select_one visit_outcome',
          'outcome',
          ['What came of the visit to this household?', 'Kwaba yini ngokuvakashela lo mndeni?'],
          { required: true, saveTo: 'households#outcome' },
        ),
        group(
          'consent',
          ['B. Consent', 'B. Imvume'],
          [
            q(
              'acknowledge',
              'notice_read',
              [
                'I have read the notice to the respondent in their language.',
                'Ngimfundele umphenduli isaziso ngolimi lwakhe.',
              ],
              {
                required: true,
              },
            ),
            q(
              'select_one notice_language',
              'notice_language',
              ['In which language was the notice read?', 'Isaziso sifundwe ngaluphi ulimi?'],
              { required: true, saveTo: 'households#consent_language' },
            ),
            // The version of the notice this form reads out; a new notice is a new form version.
            q('calculate', 'notice_version', undefined, {
              calculation: "'2026-1'",
              saveTo: 'households#consent_notice',
            }),
            q(
              'select_one consent_method',
              'consent_method',
              ['How was consent given?', 'Imvume inikezwe kanjani?'],
              { required: true, saveTo: 'households#consent_method' },
            ),
            q(
              'text',
              'witness',
              ['Witness (name or enumerator code)', 'Ufakazi (igama noma ikhodi yombali)'],
              {
                required: true,
                relevant: "${consent_method} != 'signed'",
                sensitivity: 'personal',
                saveTo: 'households#consent_witness',
              },
            ),
            q(
              'select_multiple consent_purpose',
              'purposes',
              [
                'Which uses does the respondent agree to?',
                'Yikuphi ukusetshenziswa umphenduli avumelana nakho?',
              ],
              {
                hint: [
                  'Tick each purpose the respondent agrees to.',
                  'Khetha inhloso ngayinye umphenduli ayivumayo.',
                ],
                saveTo: 'households#consent_purposes',
              },
            ),
            q('select_one consenter', 'who_consented', ['Who gave consent?', 'Ubani onikeze imvume?'], {
              required: true,
            }),
            q('calculate', 'given_by', undefined, {
              calculation: "if(${who_consented} = 'proxy', 'proxy', 'self')",
              saveTo: 'households#consent_given_by',
            }),
            q('calculate', 'consent_given', undefined, {
              calculation: "if(selected(${purposes}, 'community_planning'), 'yes', 'no')",
            }),
            q(
              'note',
              'no_consent_note',
              [
                'Without consent for community planning, thank the respondent and stop here.',
                'Uma kungekho mvume yokuhlela komphakathi, bonga umphenduli bese uma lapha.',
              ],
              {
                relevant: "${consent_given} = 'no'",
              },
            ),
          ],
          { relevant: "${outcome} = 'enumerated'" },
        ),
        group(
          'household',
          ['C. Household', 'C. Umndeni'],
          [
            q(
              'integer',
              'years_here',
              [
                'How many years has the household lived in this settlement?',
                'Umndeni usuneminyaka emingaki uhlala kule ndawo?',
              ],
              {
                constraint: '. >= 0 and . <= 100',
                saveTo: 'households#years_in_settlement',
              },
            ),
            q(
              'integer',
              'household_size',
              ['How many people are in this household?', 'Bangaki abantu abakulo mndeni?'],
              {
                required: true,
                constraint: '. >= 1 and . <= 30',
                saveTo: 'households#size_stated',
              },
            ),
            q('text', 'previous_place', [
              'Where did the household live before? (province or district, or country)',
              'Umndeni wawuhlalaphi ngaphambili? (isifundazwe noma isifunda, noma izwe)',
            ]),
            q('select_one tenure', 'tenure', ['Tenure', 'Ubunikazi bendawo'], {
              required: true,
              saveTo: 'households#tenure',
            }),
            q('decimal', 'rent', ['Monthly rent (rand)', 'Irenti yanyanga zonke (ngamarandi)'], {
              relevant: "${tenure} = 'tenant'",
              constraint: '. >= 0',
            }),
            q('select_one yes_no', 'on_housing_list', [
              'Is the household on the housing demand database?',
              'Ingabe umndeni ukuhlu lwabalindele izindlu?',
            ]),
            q(
              'select_one income_band',
              'income_band',
              ['Monthly household income', 'Iholo lomndeni lanyanga zonke'],
              {
                sensitivity: 'personal',
              },
            ),
            q(
              'select_one income_source',
              'income_source',
              ['Main source of income', 'Umthombo omkhulu weholo'],
              {
                sensitivity: 'personal',
              },
            ),
            q('select_multiple grants', 'grants', ['Grants received', 'Izibonelelo ezitholwayo'], {
              sensitivity: 'personal',
            }),
            q('select_multiple expenses', 'main_expenses', ['Main expenses', 'Izindleko eziyinhloko']),
          ],
          { relevant: "${consent_given} = 'yes'" },
        ),
        repeat(
          'member',
          ['D. Members', 'D. Amalungu'],
          [
            q('text', 'initials', ['Initials (optional)', 'Izinhlamvu zokuqala zegama (akuphoqelekile)'], {
              sensitivity: 'personal',
            }),
            q(
              'select_one relationship',
              'relationship',
              ['Relationship to the head of household', 'Ubuhlobo nenhloko yomndeni'],
              { required: true, saveTo: 'household_members#relationship' },
            ),
            q('select_one sex', 'sex', ['Sex', 'Ubulili'], {
              required: true,
              sensitivity: 'personal',
              saveTo: 'household_members#sex',
            }),
            q('integer', 'age', ['Age in years', 'Iminyaka yobudala'], {
              required: true,
              constraint: '. >= 0 and . <= 120',
              constraintMessage: [
                'Age must be between 0 and 120.',
                'Iminyaka kumele ibe phakathi kuka-0 no-120.',
              ],
              sensitivity: 'personal',
              saveTo: 'household_members#age',
            }),
            q('select_one yes_no', 'in_school', ['In school or crèche?', 'Usesikoleni noma enkulisa?'], {
              relevant: '${age} < 25',
              saveTo: 'household_members#school_enrolled',
            }),
            q('select_one work_status', 'work_status', ['Work status', 'Isimo somsebenzi'], {
              relevant: '${age} >= 15',
              saveTo: 'household_members#employment',
            }),
            q(
              'select_multiple disability',
              'difficulties',
              [
                'Does this person have difficulty with any of these?',
                'Ingabe lo muntu unobunzima kunoma yikuphi kulokhu?',
              ],
              {
                sensitivity: 'special',
              },
            ),
            // The record keeps only whether there is a difficulty, not which (special-category data).
            q('calculate', 'has_difficulty', undefined, {
              calculation: "if(count-selected(${difficulties}) > 0, 'yes', 'no')",
              saveTo: 'household_members#disability',
            }),
          ],
          { relevant: "${consent_given} = 'yes'", repeatCount: '${household_size}' },
        ),
        group(
          'services',
          ['E. Services', 'E. Izinsiza'],
          [
            q('select_one water_source', 'water_source', ['Main water source', 'Umthombo omkhulu wamanzi']),
            q(
              'integer',
              'minutes_to_tap',
              ['Minutes to walk to the tap', 'Imizuzu yokuhamba uya empompini'],
              {
                relevant: "${water_source} = 'communal_tap'",
                constraint: '. >= 0 and . <= 240',
              },
            ),
            q(
              'select_one yes_no',
              'tap_working',
              ['Is the tap working this week?', 'Ingabe umpompi uyasebenza kuleli sonto?'],
              {
                relevant: "${water_source} = 'communal_tap'",
              },
            ),
            q('select_one toilet', 'toilet', [
              'Which toilet does the household use?',
              'Umndeni usebenzisa yiliphi ithoyilethi?',
            ]),
            q(
              'integer',
              'toilet_sharing',
              ['How many households share it?', 'Yimindeni emingaki ehlanganyela kulo?'],
              {
                relevant: "${toilet} != 'none' and ${toilet} != 'own'",
              },
            ),
            q(
              'select_one yes_no',
              'toilet_safe_night',
              ['Is it safe to use at night?', 'Ingabe kuphephile ukulisebenzisa ebusuku?'],
              {
                relevant: "${toilet} != 'none'",
              },
            ),
            q('select_one electricity', 'electricity', ['Electricity', 'Ugesi']),
            q('select_multiple fuel', 'cooking_fuel', ['Cooking fuel', 'Okusetshenziselwa ukupheka']),
            q('select_multiple fuel', 'lighting_fuel', ['Lighting fuel', 'Okusetshenziselwa ukukhanyisa']),
            q('select_one refuse', 'refuse', ['How is refuse disposed of?', 'Udoti ulahlwa kanjani?']),
          ],
          { relevant: "${consent_given} = 'yes'" },
        ),
        group(
          'risks',
          ['F. Risks', 'F. Izingozi'],
          [
            q('select_multiple disaster', 'disasters', [
              'Fire or flood in the last 12 months',
              'Umlilo noma isikhukhula ezinyangeni eziyi-12 ezedlule',
            ]),
            q('select_one yes_no', 'eviction_threat', [
              'Is the household threatened with eviction?',
              'Ingabe umndeni usongelwa ngokuxoshwa?',
            ]),
            q('text', 'safety_concerns', ['Safety concerns', 'Ukukhathazeka ngokuphepha'], {
              appearance: 'multiline',
            }),
          ],
          { relevant: "${consent_given} = 'yes'" },
        ),
        group(
          'priorities',
          ['G. Priorities', 'G. Okubalulekile'],
          [
            q(
              'select_multiple priority',
              'top_priorities',
              ['The three most important needs', 'Izidingo ezintathu ezibaluleke kakhulu'],
              {
                constraint: 'count-selected(.) <= 3',
                constraintMessage: ['Choose at most three.', 'Khetha okungekho ngaphezu kwezintathu.'],
              },
            ),
          ],
          { relevant: "${consent_given} = 'yes'" },
        ),
        group(
          'optional',
          ['Optional questions', 'Imibuzo ongakhetha ukuyiphendula'],
          [
            q('select_one yes_no', 'optional_agreed', [
              'Does the respondent agree to optional questions about health and nationality?',
              'Ingabe umphenduli uyavuma imibuzo ongakhetha ukuyiphendula mayelana nezempilo nobuzwe?',
            ]),
            q(
              'select_one yes_no',
              'chronic_illness',
              [
                'Does anyone in the household have a chronic illness?',
                'Ingabe ukhona emndenini onesifo esingapheli?',
              ],
              {
                relevant: "${optional_agreed} = 'yes'",
                sensitivity: 'special',
              },
            ),
            q(
              'select_one nationality',
              'nationality',
              ['Nationality of the head of household', 'Ubuzwe benhloko yomndeni'],
              {
                relevant: "${optional_agreed} = 'yes'",
                sensitivity: 'special',
              },
            ),
          ],
          { relevant: "${consent_given} = 'yes'" },
        ),
      ],
      { repeatCount: '${households_here}' },
    ),
  ],
  householdChoices,
  // ODK entities: the structure by its painted number (an update when the settlement has it),
  // each household of the repeat with its consent, and each member inside it (RECORD_LISTS).
  [
    { list: 'structures', label: '${painted_number}', extra: {} },
    { list: 'households', label: "concat('Household of ', ${household_size})", extra: {} },
    { list: 'household_members', label: "concat('Member aged ', ${age})", extra: {} },
  ],
);
