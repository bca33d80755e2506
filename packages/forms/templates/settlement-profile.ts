// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { EN, form, group, list, q, YES_NO } from './dsl.ts';

/**
 * Settlement profile: a rapid, settlement-level assessment with leaders and a boundary walk
 * (domain-enumeration.md §1 "Profile fields"); no household-level questions.
 */
export const settlementProfile = form(
  {
    formId: 'settlement_profile',
    formTitle: 'Settlement profile',
    version: '2026112501',
    defaultLanguage: EN,
    instanceName: 'concat(${settlement_name}, " ", ${today})',
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
      'identity',
      ['Identity', 'Ubunjalo'],
      [
        q('text', 'settlement_name', ['Name of the settlement', 'Igama lendawo yokuhlala'], {
          required: true,
        }),
        q('text', 'other_names', ['Other names people use for it', 'Amanye amagama abantu abayibiza ngawo']),
        q('geopoint', 'centre', ['Centre point of the settlement', 'Iphuzu elimaphakathi lendawo']),
        q('geoshape', 'boundary', ['Boundary, walked with the leaders', 'Umngcele, ohanjwe nabaholi'], {
          hint: [
            'Walk the boundary and record points as you go.',
            'Hamba umngcele ubhale amaphuzu njengoba uhamba.',
          ],
        }),
        q('decimal', 'area_hectares', ['Area (hectares)', 'Ubukhulu bendawo (amahektha)'], {
          constraint: '. > 0',
        }),
        q(
          'integer',
          'year_established',
          ['Year the settlement was established', 'Unyaka okwasungulwa ngawo le ndawo'],
          {
            constraint: '. >= 1900 and . <= format-date(today(), "%Y")',
            constraintMessage: [
              'Enter a year between 1900 and this year.',
              'Faka unyaka ophakathi kuka-1900 nalo nyaka.',
            ],
          },
        ),
      ],
    ),
    group(
      'land',
      ['Land', 'Umhlaba'],
      [
        q('select_one land_owner', 'land_owner', ['Who owns the land?', 'Ubani ongumnikazi womhlaba?']),
        q('select_one yes_no', 'evicted_before', [
          'Have people been evicted from this land before?',
          'Ingabe abantu bake baxoshwa kulo mhlaba?',
        ]),
        q('select_one yes_no', 'eviction_threat', [
          'Is there an eviction threat now?',
          'Ingabe kukhona usongo lokuxoshwa manje?',
        ]),
        q('text', 'eviction_details', ['What happened?', 'Kwenzekeni?'], {
          relevant: "${evicted_before} = 'yes' or ${eviction_threat} = 'yes'",
          appearance: 'multiline',
        }),
      ],
    ),
    group(
      'size',
      ['Size', 'Ubukhulu'],
      [
        q('integer', 'structures', ['Estimated number of structures', 'Inani elilinganisiwe lezakhiwo'], {
          constraint: '. >= 0',
        }),
        q('integer', 'households', ['Estimated number of households', 'Inani elilinganisiwe lemindeni'], {
          constraint: '. >= 0',
        }),
        q('integer', 'population', ['Estimated population', 'Inani elilinganisiwe labantu'], {
          constraint: '. >= ${households}',
          constraintMessage: [
            'The population cannot be smaller than the number of households.',
            'Inani labantu alinakuba ngaphansi kwenani lemindeni.',
          ],
        }),
        q('select_multiple material', 'materials', [
          'Main building materials',
          'Izinto zokwakha eziyinhloko',
        ]),
      ],
    ),
    group(
      'water',
      ['Water', 'Amanzi'],
      [
        q('integer', 'taps_total', ['Number of taps', 'Inani lemipompi'], { constraint: '. >= 0' }),
        q('integer', 'taps_working', ['Number of working taps', 'Inani lemipompi esebenzayo'], {
          constraint: '. <= ${taps_total}',
          constraintMessage: ['Cannot be more than the number of taps.', 'Angeke kwedlule inani lemipompi.'],
        }),
        q('decimal', 'water_cost', [
          'Cost per 25-litre container (rand), if water is bought',
          'Intengo yesitsha samalitha angu-25 (ngamarandi), uma amanzi ethengwa',
        ]),
        q('calculate', 'people_per_tap', undefined, {
          calculation: 'if(${taps_working} > 0, round(${population} div ${taps_working}, 0), 0)',
        }),
      ],
    ),
    group(
      'toilets',
      ['Toilets', 'Amathoyilethi'],
      [
        q('integer', 'toilets_flush', ['Flush toilets', 'Amathoyilethi akhuculwayo'], {
          constraint: '. >= 0',
        }),
        q(
          'integer',
          'toilets_chemical',
          ['Chemical or portable toilets', 'Amathoyilethi amakhemikhali noma aphathwayo'],
          { constraint: '. >= 0' },
        ),
        q('integer', 'toilets_pit', ['Pit latrines', 'Amathoyilethi omgodi'], { constraint: '. >= 0' }),
        q(
          'integer',
          'toilets_working',
          ['Working toilets (all types)', 'Amathoyilethi asebenzayo (zonke izinhlobo)'],
          {
            constraint: '. <= ${toilets_flush} + ${toilets_chemical} + ${toilets_pit}',
          },
        ),
        q('select_one yes_no', 'toilets_paid', [
          'Do people pay to use toilets?',
          'Ingabe abantu bayakhokha ukusebenzisa amathoyilethi?',
        ]),
        q('select_one yes_no', 'toilets_accessible', [
          'Can people with disabilities use them?',
          'Ingabe abantu abakhubazekile bangawasebenzisa?',
        ]),
      ],
    ),
    group(
      'energy',
      ['Energy and refuse', 'Amandla nodoti'],
      [
        q('select_one electricity', 'electricity', ['Electricity in most homes', 'Ugesi emakhaya amaningi']),
        q('select_one refuse_frequency', 'refuse_frequency', [
          'How often is refuse collected?',
          'Udoti uqoqwa kangaki?',
        ]),
      ],
    ),
    group(
      'environment',
      ['Environment', 'Imvelo'],
      [
        q('select_one yes_no', 'drainage', [
          'Is there storm-water drainage?',
          'Ingabe kukhona imisele yamanzi emvula?',
        ]),
        q('select_one yes_no', 'street_lighting', [
          'Is there street lighting?',
          'Ingabe kukhona izibani zasemgwaqeni?',
        ]),
        q('select_multiple hazard', 'hazards', ['Hazards', 'Izingozi']),
      ],
    ),
    group(
      'nearby',
      ['Nearby facilities', 'Izinsiza eziseduze'],
      [
        q('integer', 'minutes_clinic', [
          'Minutes to walk to the nearest clinic',
          'Imizuzu yokuhamba uya emtholampilo oseduze',
        ]),
        q('integer', 'minutes_school', [
          'Minutes to walk to the nearest school',
          'Imizuzu yokuhamba uya esikoleni esiseduze',
        ]),
        q('integer', 'minutes_police', [
          'Minutes to walk to the nearest police station',
          'Imizuzu yokuhamba uya esiteshini samaphoyisa esiseduze',
        ]),
      ],
    ),
    group(
      'community',
      ['Community', 'Umphakathi'],
      [
        q(
          'text',
          'organisations',
          ['Community organisations active here', 'Izinhlangano zomphakathi ezisebenzayo lapha'],
          { appearance: 'multiline' },
        ),
        q('rank priority', 'priorities', [
          "Rank the community's priorities",
          'Hlela okubalulekile emphakathini ngokulandelana',
        ]),
        q(
          'text',
          'contact_leader',
          ['Name and phone number of a contact leader', 'Igama nenombolo yocingo yomholi wokuxhumana'],
          {
            sensitivity: 'personal',
          },
        ),
      ],
    ),
  ],
  [
    YES_NO,
    list('land_owner', [
      ['municipality', 'Municipality', 'Umasipala'],
      ['province', 'Province', 'Isifundazwe'],
      ['national', 'National government', 'Uhulumeni kazwelonke'],
      ['private', 'Private owner', 'Umnikazi ozimele'],
      ['traditional', 'Traditional authority', 'Ubuholi bendabuko'],
      ['unknown', 'Unknown', 'Akwaziwa'],
    ]),
    list('material', [
      ['zinc', 'Corrugated iron', 'Uthayela'],
      ['wood', 'Wood', 'Izingodo'],
      ['brick', 'Brick or block', 'Izitini'],
      ['mud', 'Mud', 'Udaka'],
      ['plastic', 'Plastic or cardboard', 'Upulasitiki noma ikhadibhodi'],
    ]),
    list('electricity', [
      ['formal', 'Formal connection', 'Uxhumano olusemthethweni'],
      ['informal', 'Informal connection', 'Uxhumano olungekho emthethweni'],
      ['none', 'None', 'Awukho'],
    ]),
    list('refuse_frequency', [
      ['weekly', 'Every week', 'Njalo ngesonto'],
      ['monthly', 'About once a month', 'Cishe kanye ngenyanga'],
      ['rarely', 'Rarely', 'Kuyaqabukela'],
      ['never', 'Never', 'Akwenzeki neze'],
    ]),
    list('hazard', [
      ['flood', 'Flooding', 'Izikhukhula'],
      ['fire', 'Fire', 'Umlilo'],
      ['slope', 'Steep slope', 'Umthambeka omkhulu'],
      ['dump', 'Dump site', 'Indawo yokulahla udoti'],
      ['rail', 'Railway line', 'Ujantshi wesitimela'],
      ['power_lines', 'Power lines', 'Izintambo zikagesi'],
    ]),
    list('priority', [
      ['housing', 'Housing', 'Izindlu'],
      ['water', 'Water', 'Amanzi'],
      ['toilets', 'Toilets', 'Amathoyilethi'],
      ['electricity', 'Electricity', 'Ugesi'],
      ['safety', 'Safety', 'Ukuphepha'],
      ['jobs', 'Jobs', 'Imisebenzi'],
      ['drainage', 'Drainage', 'Ukugeleza kwamanzi'],
    ]),
  ],
);
