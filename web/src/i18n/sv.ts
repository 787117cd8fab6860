/** Every visible string in Swedish (the default); en.ts has the same keys in English. */
export const sv = {
  layout: { skipToContent: 'Till huvudinnehållet', navigation: 'Huvudmeny' },
  nav: {
    start: 'Start',
    search: 'Sök',
    statistics: 'Statistik',
    signIn: 'Logga in',
    accessibility: 'Tillgänglighetsredogörelse',
  },
  role: {
    ADMIN: 'administratör',
    COORDINATOR: 'samordnare',
    CONTACT_PERSON: 'miljökontaktperson',
    READER: 'läsare',
  },
  common: {
    loading: 'Hämtar …',
    errorTitle: 'Något gick fel',
    problemTitle: 'Det finns ett problem',
  },
  auth: {
    title: 'Logga in',
    intro: 'Logga in med den token som din organisations administratör har gett dig.',
    token: 'Token',
    signIn: 'Logga in',
    signOut: 'Logga ut',
    tokenMissing: 'Skriv in din token',
    tokenRejected: 'Token gäller inte: den är fel, har gått ut eller har dragits tillbaka',
  },
  start: { title: 'Start' },
  statistics: {
    title: 'Statistik över uppföljningar',
    intro:
      'Anonymiserad statistik över delade, slutförda uppföljningar. Den nämner ingen leverantör, vara eller organisation.',
    followUps: 'Uppföljningar',
    measurements: 'Analysresultat',
    byCategory: 'Resultat per produktområde',
    bySubstance: 'Resultat per ämne (de tio vanligaste)',
    category: 'Produktområde',
    substance: 'Ämne',
    noCategory: 'Leverantörsuppföljning',
  },
  verdict: {
    PASS: 'Godkänd',
    FAIL: 'Underkänd',
    INCONCLUSIVE: 'Går inte att avgöra',
    INCOMPLETE: 'Ofullständig',
    NO_DATA: 'Inga data',
    NOT_COMPARABLE: 'Inte jämförbar',
  },
  accessibility: {
    title: 'Tillgänglighetsredogörelse',
    intro:
      'kemkollen ska kunna användas av alla. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service (2018:1937).',
    statusTitle: 'Hur tillgänglig är webbplatsen?',
    status:
      'Webbplatsen är gjord för att uppfylla WCAG 2.1 nivå AA (EN 301 549). Varje sida testas automatiskt med axe, och flödet för att registrera en uppföljning går att göra med enbart tangentbord.',
    knownTitle: 'Kända brister',
    knownCharts:
      'Diagrammen visas också som tabeller med samma siffror; diagrammen i sig läses inte upp av skärmläsare.',
    reportTitle: 'Rapportera brister',
    report: 'Om något inte fungerar för dig, skriv till oss så svarar vi inom två arbetsdagar:',
    supervisionTitle: 'Tillsyn',
    supervision:
      'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.',
  },
  notFound: { title: 'Sidan finns inte', back: 'Till startsidan' },
};

export type Dictionary = typeof sv;
