/**
 * The words of publishing, new versions and unsaved work (drafts per tab, save conflicts), in
 * Swedish, Danish and English. Kept apart from strings.ts so that this slice adds words
 * without touching the shared table.
 */

/** Languages these words are written in. */
export type PublishLanguage = 'sv' | 'da' | 'en';

/** Every string of publishing, new versions and unsaved work. */
export interface PublishStrings {
  newDraftFrom: (version: string, from: string) => string;
  publish: string;
  publishTitle: (id: string, version: string) => string;
  close: string;
  running: string;
  saveFirst: string;
  lintHeading: string;
  lintClean: string;
  lintErrors: (n: number) => string;
  lintWarnings: (n: number) => string;
  scenariosHeading: string;
  scenariosSummary: (passed: number, failed: number) => string;
  noScenarios: string;
  inherited: (basis: string) => string;
  impactHeading: (against: string) => string;
  impactFirstVersion: string;
  impactSummary: (differ: number, evaluated: number, step: number, alerts: number) => string;
  impactNone: (evaluated: number) => string;
  impactRow: (who: string, from: string, to: string) => string;
  alertsGained: (ids: string) => string;
  alertsLost: (ids: string) => string;
  patientsFile: string;
  patientsFileHelp: string;
  patientsGroup: (file: string) => string;
  badLines: (n: number) => string;
  cohortCountsOnly: (file: string) => string;
  ackScenarios: (names: string) => string;
  ackImpact: (differ: number, against: string) => string;
  note: string;
  effectiveFrom: string;
  confirmPublish: string;
  publishing: string;
  published: (version: string, from: string) => string;
  publishFailed: (message: string) => string;
  /** A patients file (or the request carrying it) over the publish limit; sizes in MiB. */
  patientsFileTooLarge: (size: string | undefined, limit: string) => string;
  blockedByLint: string;
  otherTabDrafts: (n: number) => string;
  otherTabDraft: (savedAt: string) => string;
  takeDraft: string;
  discardDraft: string;
  conflictTitle: string;
  conflictIntro: (version: string) => string;
  conflictElement: string;
  conflictTheirChange: string;
  conflictMine: string;
  keepMine: string;
  takeTheirs: string;
  bothChanged: string;
  onlyTheyChanged: string;
  onlyIChanged: string;
  saveMerge: string;
  cancel: string;
  absent: string;
  showConflict: string;
}

/** Words per language. */
export const PUBLISH_STRINGS: Record<PublishLanguage, PublishStrings> = {
  sv: {
    newDraftFrom: (v, from) =>
      `Nytt utkast ${v}, kopierat från version ${from}: ännu inte sparat på disk.`,
    publish: 'Publicera …',
    publishTitle: (id, v) => `Publicera ${id} ${v}`,
    close: 'Stäng',
    running: 'Kontrollerar …',
    saveFirst: 'Spara ändringarna först: det som publiceras är versionen på disk.',
    lintHeading: '1. Granskning',
    lintClean: 'Inga problem.',
    lintErrors: (n) => `${n} fel: rätta dem innan versionen kan publiceras.`,
    lintWarnings: (n) => `${n} varningar (hindrar inte publicering).`,
    scenariosHeading: '2. Testpatienter',
    scenariosSummary: (p, f) => `${p} godkända, ${f} underkända`,
    noScenarios: 'Versionen har inga testpatienter.',
    inherited: (b) => `ärvd från ${b}`,
    impactHeading: (a) => `3. Påverkan jämfört med ${a}`,
    impactFirstVersion: '3. Påverkan: första versionen, inget att jämföra med.',
    impactSummary: (d, e, s, a) =>
      `${d} av ${e} patienter får ett annat utfall: ${s} byter steg, ${a} får andra varningar.`,
    impactNone: (e) => `Ingen av ${e} patienter får ett annat utfall.`,
    impactRow: (who, from, to) => `${who}: ${from} → ${to}`,
    alertsGained: (ids) => `nya varningar: ${ids}`,
    alertsLost: (ids) => `försvunna varningar: ${ids}`,
    patientsFile: 'Patientfil (NDJSON) …',
    patientsFileHelp: 'Valfritt: en rad per patient, som pathway synth skriver.',
    patientsGroup: (f) => `Patienter i ${f}`,
    badLines: (n) => `${n} rader kunde inte läsas`,
    cohortCountsOnly: (f) =>
      `${f} innehåller bara antal, inga patienter: läs in kohortens patientfil för att se påverkan på den.`,
    ackScenarios: (names) => `Jag publicerar trots underkända testpatienter: ${names}`,
    ackImpact: (d, a) => `Jag har sett att ${d} patienter får ett annat utfall än med ${a}`,
    note: 'Anteckning (sparas i den publicerade versionen)',
    effectiveFrom: 'Gäller från',
    confirmPublish: 'Publicera och frys',
    publishing: 'Publicerar …',
    published: (v, from) => `Version ${v} är publicerad och fryst, gäller från ${from}.`,
    publishFailed: (m) => `Publiceringen misslyckades: ${m}`,
    patientsFileTooLarge: (size, limit) =>
      `Patientfilen är för stor för att skickas med publiceringen${size === undefined ? '' : ` (${size} MiB)`}: gränsen är ${limit} MiB. Välj en mindre fil, t.ex. en vårdcentrals patienter.`,
    blockedByLint: 'Kan inte publiceras förrän felen är rättade.',
    otherTabDrafts: (n) => `Osparat arbete från ${n} annan flik finns för den här versionen.`,
    otherTabDraft: (at) => `Osparat i en annan flik (${at})`,
    takeDraft: 'Öppna det',
    discardDraft: 'Släng det',
    conflictTitle: 'Filen ändrades av någon annan',
    conflictIntro: (v) =>
      `Version ${v} ändrades på disk efter att du öppnade den. Välj för varje del vad som ska sparas.`,
    conflictElement: 'Del',
    conflictTheirChange: 'Den andra ändringen',
    conflictMine: 'Din ändring',
    keepMine: 'Behåll min',
    takeTheirs: 'Ta deras',
    bothChanged: 'båda ändrade',
    onlyTheyChanged: 'bara de ändrade',
    onlyIChanged: 'bara du ändrade',
    saveMerge: 'Spara sammanslagningen',
    cancel: 'Avbryt',
    absent: '(finns inte)',
    showConflict: 'Visa ändringarna …',
  },
  da: {
    newDraftFrom: (v, from) =>
      `Ny kladde ${v}, kopieret fra version ${from}: endnu ikke gemt på disken.`,
    publish: 'Udgiv …',
    publishTitle: (id, v) => `Udgiv ${id} ${v}`,
    close: 'Luk',
    running: 'Kontrollerer …',
    saveFirst: 'Gem ændringerne først: det der udgives, er versionen på disken.',
    lintHeading: '1. Gennemgang',
    lintClean: 'Ingen problemer.',
    lintErrors: (n) => `${n} fejl: ret dem, før versionen kan udgives.`,
    lintWarnings: (n) => `${n} advarsler (forhindrer ikke udgivelse).`,
    scenariosHeading: '2. Testpatienter',
    scenariosSummary: (p, f) => `${p} bestået, ${f} ikke bestået`,
    noScenarios: 'Versionen har ingen testpatienter.',
    inherited: (b) => `arvet fra ${b}`,
    impactHeading: (a) => `3. Virkning sammenlignet med ${a}`,
    impactFirstVersion: '3. Virkning: første version, intet at sammenligne med.',
    impactSummary: (d, e, s, a) =>
      `${d} af ${e} patienter får et andet udfald: ${s} skifter trin, ${a} får andre advarsler.`,
    impactNone: (e) => `Ingen af ${e} patienter får et andet udfald.`,
    impactRow: (who, from, to) => `${who}: ${from} → ${to}`,
    alertsGained: (ids) => `nye advarsler: ${ids}`,
    alertsLost: (ids) => `bortfaldne advarsler: ${ids}`,
    patientsFile: 'Patientfil (NDJSON) …',
    patientsFileHelp: 'Valgfrit: én linje pr. patient, som pathway synth skriver.',
    patientsGroup: (f) => `Patienter i ${f}`,
    badLines: (n) => `${n} linjer kunne ikke læses`,
    cohortCountsOnly: (f) =>
      `${f} indeholder kun antal, ingen patienter: indlæs kohortens patientfil for at se virkningen på den.`,
    ackScenarios: (names) => `Jeg udgiver trods testpatienter, der ikke består: ${names}`,
    ackImpact: (d, a) => `Jeg har set, at ${d} patienter får et andet udfald end med ${a}`,
    note: 'Note (gemmes i den udgivne version)',
    effectiveFrom: 'Gælder fra',
    confirmPublish: 'Udgiv og frys',
    publishing: 'Udgiver …',
    published: (v, from) => `Version ${v} er udgivet og frosset, gælder fra ${from}.`,
    publishFailed: (m) => `Udgivelsen mislykkedes: ${m}`,
    patientsFileTooLarge: (size, limit) =>
      `Patientfilen er for stor til at blive sendt med udgivelsen${size === undefined ? '' : ` (${size} MiB)`}: grænsen er ${limit} MiB. Vælg en mindre fil, fx patienterne fra én enhed.`,
    blockedByLint: 'Kan ikke udgives, før fejlene er rettet.',
    otherTabDrafts: (n) => `Ikke-gemt arbejde fra ${n} anden fane findes for denne version.`,
    otherTabDraft: (at) => `Ikke gemt i en anden fane (${at})`,
    takeDraft: 'Åbn det',
    discardDraft: 'Kassér det',
    conflictTitle: 'Filen blev ændret af en anden',
    conflictIntro: (v) =>
      `Version ${v} blev ændret på disken, efter du åbnede den. Vælg for hver del, hvad der skal gemmes.`,
    conflictElement: 'Del',
    conflictTheirChange: 'Den anden ændring',
    conflictMine: 'Din ændring',
    keepMine: 'Behold min',
    takeTheirs: 'Tag deres',
    bothChanged: 'begge ændret',
    onlyTheyChanged: 'kun de ændrede',
    onlyIChanged: 'kun du ændrede',
    saveMerge: 'Gem sammenfletningen',
    cancel: 'Annullér',
    absent: '(findes ikke)',
    showConflict: 'Vis ændringerne …',
  },
  en: {
    newDraftFrom: (v, from) =>
      `New draft ${v}, copied from version ${from}: not saved to disk yet.`,
    publish: 'Publish …',
    publishTitle: (id, v) => `Publish ${id} ${v}`,
    close: 'Close',
    running: 'Checking …',
    saveFirst: 'Save your changes first: what is published is the version on disk.',
    lintHeading: '1. Review',
    lintClean: 'No problems.',
    lintErrors: (n) => `${n} errors: fix them before the version can be published.`,
    lintWarnings: (n) => `${n} warnings (they do not stop publishing).`,
    scenariosHeading: '2. Test patients',
    scenariosSummary: (p, f) => `${p} pass, ${f} fail`,
    noScenarios: 'The version has no test patients.',
    inherited: (b) => `inherited from ${b}`,
    impactHeading: (a) => `3. Impact compared with ${a}`,
    impactFirstVersion: '3. Impact: first version, nothing to compare with.',
    impactSummary: (d, e, s, a) =>
      `${d} of ${e} patients get a different outcome: ${s} change step, ${a} get other alerts.`,
    impactNone: (e) => `None of ${e} patients gets a different outcome.`,
    impactRow: (who, from, to) => `${who}: ${from} → ${to}`,
    alertsGained: (ids) => `new alerts: ${ids}`,
    alertsLost: (ids) => `alerts gone: ${ids}`,
    patientsFile: 'Patients file (NDJSON) …',
    patientsFileHelp: 'Optional: one line per patient, as pathway synth writes.',
    patientsGroup: (f) => `Patients in ${f}`,
    badLines: (n) => `${n} lines could not be read`,
    cohortCountsOnly: (f) =>
      `${f} holds counts only, no patients: load the cohort's patients file to see the impact on it.`,
    ackScenarios: (names) => `I publish despite failing test patients: ${names}`,
    ackImpact: (d, a) => `I have seen that ${d} patients get a different outcome than with ${a}`,
    note: 'Note (kept in the published version)',
    effectiveFrom: 'In effect from',
    confirmPublish: 'Publish and freeze',
    publishing: 'Publishing …',
    published: (v, from) => `Version ${v} is published and frozen, in effect from ${from}.`,
    publishFailed: (m) => `Publishing failed: ${m}`,
    patientsFileTooLarge: (size, limit) =>
      `The patients file is too large to send with the publication${size === undefined ? '' : ` (${size} MiB)`}: the limit is ${limit} MiB. Choose a smaller file, e.g. one health centre's patients.`,
    blockedByLint: 'Cannot be published until the errors are fixed.',
    otherTabDrafts: (n) => `Unsaved work from ${n} other tab(s) exists for this version.`,
    otherTabDraft: (at) => `Unsaved in another tab (${at})`,
    takeDraft: 'Open it',
    discardDraft: 'Discard it',
    conflictTitle: 'Someone else changed the file',
    conflictIntro: (v) =>
      `Version ${v} changed on disk after you opened it. Choose, for each part, what to save.`,
    conflictElement: 'Part',
    conflictTheirChange: 'The other change',
    conflictMine: 'Your change',
    keepMine: 'Keep mine',
    takeTheirs: 'Take theirs',
    bothChanged: 'both changed',
    onlyTheyChanged: 'only they changed',
    onlyIChanged: 'only you changed',
    saveMerge: 'Save the merge',
    cancel: 'Cancel',
    absent: '(not there)',
    showConflict: 'Show the changes …',
  },
};
