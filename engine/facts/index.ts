/** Patient facts: input validation, derived facts, ATC codes and MME tables. */
export * from './atc';
export * from './derive';
export * from './medication';
export * from './mme';
export * from './bound';
export * from './medication-rules';
export * from './notes';
export * from './rounding';
export * from './validate';
