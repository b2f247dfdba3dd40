/** A small population whose cohort counts are worked out by hand in the tests. */

/** The global-transition facts set to "no", so that a patient's own step decides. */
export const NO_GLOBALS = {
  redFlags: [],
  activeSubstanceUseDisorder: false,
  dependenceCriteriaCount: 0,
  declinesPathway: false,
};

/** Lines of the hand-computed population (line 7 is blank, lines 6 and 8 are bad). */
export const HAND_LINES = [
  // 1. vc-a: a red flag → red-flag-investigation by globalTransitions[0]; alert red-flag.
  { id: 'a1', healthCentre: 'vc-a', facts: { redFlags: ['fracture'] } },
  // 2. vc-a: declines → pathway-exit by globalTransitions[2]; no alert fires.
  { id: 'a2', healthCentre: 'vc-a', facts: { ...NO_GLOBALS, declinesPathway: true } },
  // 3. vc-b: not chronic, not at risk → pathway-exit by steps.intake-assessment.transitions[2].
  {
    id: 'b1',
    healthCentre: 'vc-b',
    facts: { ...NO_GLOBALS, painDurationMonths: 1, ompsqShort: 20, startBackPsychosocial: 1 },
  },
  // 4. vc-b: pain duration unknown → stays in intake, needs information (painDurationMonths);
  //    entered 83 days ago, so the baseline measurement (due at week 0 ± 14 days) is overdue.
  {
    id: 'b2',
    healthCentre: 'vc-b',
    currentStep: { id: 'intake-assessment', enteredAt: '2026-09-01' },
    facts: { ...NO_GLOBALS },
  },
  // 5. vc-b: as 3, plus morphine 120 mg/day and diazepam → alerts opioid-dose-very-high
  //    (MME 120) and opioid-benzodiazepine.
  {
    id: 'b3',
    healthCentre: 'vc-b',
    facts: {
      ...NO_GLOBALS,
      painDurationMonths: 1,
      ompsqShort: 20,
      startBackPsychosocial: 1,
      medications: [
        { atc: 'N02AA01', dose: 120, unit: 'mg/day', since: '2026-10-01' },
        { atc: 'N05BA01', dose: 5, unit: 'mg/day', since: '2026-11-01' },
      ],
    },
  },
];

/** The NDJSON text: five patients, then a misspelt fact (line 6), a blank line, and not-JSON (line 8). */
export const HAND_NDJSON = [
  ...HAND_LINES.map((l) => JSON.stringify(l)),
  JSON.stringify({ id: 'c1', healthCentre: 'vc-b', facts: { ompsqShrt: 50 } }),
  '',
  '{ not json',
  '',
].join('\n');

/** The evaluation date of the hand-computed population. */
export const HAND_AS_OF = '2026-11-23';
