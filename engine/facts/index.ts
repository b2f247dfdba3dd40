/** Patient facts: input validation, derived facts, dates, ATC codes and MME tables. */
export * from './atc';
export * from './dates';
export * from './derive';
export * from './medication';
export * from './mme';
export * from './mme-sum';
export * from './notes';
export * from './rounding';
export * from './validate';
