/**
 * The `facts` object of a patients line, read by code generated from the pathway's fact
 * dictionary: each key is recognised from its characters (its first one, then its text) without
 * making a string of it, each value is read by the cursor reader of its fact's type and
 * checked by the loader's own generated check ({@link valueCheck}), then put in its slot.
 *
 * Like the loader it only accepts or declines: an unknown key (a misspelling, `__proto__`), a
 * repeated key, a value of another type, out of range or not allowed, a derived fact given a
 * value, or anything the cursor is not sure of declines, and the reference route (`JSON.parse`
 * and `validateInput`) then gives today's answer or error.
 */
import type { Fact, Pathway } from '../model/types';
import { isoDay } from './dates';
import { DECLINE, EXACT_POWERS, decodeString, type LineCursor } from './json-cursor';
import type { SlotLayout } from './layout';
import { inputSlot, medicationsOk, stringsOk, valueCheck } from './loader';
import { checkedByReader, readMedications, readMedicationsBytes } from './medication-reader';
import { asciiText, bytesText, decodeBytesString } from './byte-text';
import { BYTE_SOURCE, TEXT_SOURCE } from './value-source';

/**
 * Reads a `facts` object at the cursor into `slots` (which the caller has cleared), with
 * `asOfDay` the evaluation day medication start dates are checked against and `asOf` that
 * date's text. False: decline.
 */
export type FactsReader = (
  c: LineCursor<unknown>,
  slots: unknown[],
  asOfDay: number,
  asOf: string,
  resume?: boolean,
) => boolean;

/**
 * A facts reader that also says where it declined, so that the line diagnosis
 * (engine/fast/line-diagnosis.ts) reads only the member it declined on by the slow route and
 * hands the rest of the object back to the reader (`resume`: the cursor stands after a
 * member's comma, and the keys read so far in this object stay seen).
 */
export interface ResumableFactsReader extends FactsReader {
  /** Where the member the reader declined on starts (its key's quote, whitespace skipped). */
  declinedAt(): number;
  /**
   * The medication list of the member the reader declined on, when it was read whole (the
   * loader's check refused it, or what follows it did), else DECLINE; it ends at
   * {@link declinedListEnd}.
   */
  declinedList(): unknown;
  declinedListEnd(): number;
  /** When each fact was last read: equal to {@link generation} when read in this object. */
  readonly seen: Float64Array;
  /** The generation of the object being read (one per object read from its brace). */
  generation(): number;
}

const READER_OF: Record<Fact['type'], number> = {
  integer: 0,
  number: 0,
  boolean: 1,
  string: 2,
  date: 2,
  'string[]': 3,
  medications: 4,
};
/** The reader of a fact that may only be given as unknown (`null`): a derived one. */
const NOTHING = 5;

/**
 * The generated statements telling which key starts at `ks`: a decision tree over the
 * characters where the candidate names differ (each name followed by its closing quote, so
 * a name that is the start of another is told apart by the quote). Sets `f`, the index of
 * the one fact the key can be; anything else returns false. The caller then compares the
 * whole key once for every fact (a slice in the facts reader, {@link sameKey} in the fact
 * index) rather than writing a comparison out per fact: written out, the generated function
 * took seconds to optimise.
 */
function keyTree(
  names: readonly { codes: ArrayLike<number>; index: number }[],
  at: (i: string) => string,
  otherwise = 'return false;',
): string {
  if (names.length === 1) return `f=${(names[0] as { index: number }).index};`;
  const shortest = Math.min(...names.map((k) => k.codes.length));
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < shortest; i++) {
    const count = new Set(names.map((k) => k.codes[i])).size;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  const groups = new Map<number, { codes: ArrayLike<number>; index: number }[]>();
  for (const k of names) {
    const code = k.codes[best] as number;
    groups.set(code, [...(groups.get(code) ?? []), k]);
  }
  const cases = [...groups].map(
    ([code, group]) => `case ${code}:${keyTree(group, at, otherwise)}break;`,
  );
  return `switch(${at(`ks+${best}`)}){${cases.join('\n')}\ndefault:${otherwise}}`;
}

/** Each fact's key as written (its name and closing quote) as character codes, by index. */
const keyChars = (pathway: Pathway): { codes: number[]; index: number }[] =>
  pathway.facts.map((fact, index) => {
    const key = `${fact.name}"`;
    return { codes: Array.from({ length: key.length }, (_, k) => key.charCodeAt(k)), index };
  });

/** Each fact's key as written (its name and closing quote) as UTF-8 bytes, by index. */
const keyBytes = (pathway: Pathway): { codes: Uint8Array; index: number }[] => {
  const encoder = new TextEncoder();
  return pathway.facts.map((fact, index) => ({ codes: encoder.encode(`${fact.name}"`), index }));
};

/**
 * The names of the facts, each followed by its closing quote, as character codes one after
 * the other, with where each starts.
 */
function keyCodes(pathway: Pathway): { codes: Uint16Array; starts: Uint32Array } {
  const starts = new Uint32Array(pathway.facts.length + 1);
  let text = '';
  pathway.facts.forEach((fact, index) => {
    starts[index] = text.length;
    text += `${fact.name}"`;
  });
  starts[pathway.facts.length] = text.length;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return { codes, starts };
}

/**
 * True when `t` holds the key of fact `f` (its name and closing quote) at `at`, compared a
 * character at a time (a call of `startsWith` costs more than the whole comparison).
 */
function sameKey(
  t: string,
  at: number,
  f: number,
  codes: Uint16Array,
  starts: Uint32Array,
): boolean {
  const from = starts[f] as number;
  const length = (starts[f + 1] as number) - from;
  for (let i = 0; i < length; i++) if (t.charCodeAt(at + i) !== codes[from + i]) return false;
  return true;
}

/**
 * The keys' bytes laid end to end (`KB`), each from a multiple of four (`KS[f]`, length
 * `KL[f]`), and the same bytes as little-endian 32-bit words (`KW`): a key is compared four
 * bytes at a time, the bytes past its last whole word one at a time.
 */
function laidOut(keys: readonly { codes: Uint8Array }[]): {
  KB: Uint8Array;
  KS: Uint32Array;
  KL: Uint32Array;
  KW: Uint32Array;
} {
  const KS = new Uint32Array(keys.length);
  const KL = new Uint32Array(keys.length);
  let size = 0;
  keys.forEach((k, f) => {
    KS[f] = size;
    KL[f] = k.codes.length;
    size += (k.codes.length + 3) & ~3;
  });
  const KB = new Uint8Array(size);
  keys.forEach((k, f) => KB.set(k.codes, KS[f]));
  const words = new DataView(KB.buffer);
  const KW = new Uint32Array(size / 4);
  for (let w = 0; w < KW.length; w++) KW[w] = words.getUint32(w * 4, true);
  return { KB, KS, KL, KW };
}

/**
 * Each key as the byte reader checks a guess of it: its name, closing quote and colon
 * (`KQ[f]` bytes). A key of 8 bytes or more is compared 8 bytes at a time as doubles: its
 * whole 8-byte pieces (`KV`, fact f's from `KP[f]`) and its last 8 bytes (`KG[f]`, which
 * may overlap the piece before). Two doubles are equal only when their bytes are, except
 * NaN (never equal: a miss, then the whole comparison) and ±0 (no key's bytes are all zero,
 * since names are not empty). A shorter key is compared as its first and last four bytes
 * (`KI`, `KJ`); one under four bytes is never guessed (`KQ[f]` 0).
 */
function guesses(keys: readonly { codes: Uint8Array }[]): {
  KP: Int32Array;
  KQ: Int32Array;
  KV: Float64Array;
  KG: Float64Array;
  KI: Int32Array;
  KJ: Int32Array;
} {
  const n = keys.length;
  const KP = new Int32Array(n);
  const KQ = new Int32Array(n);
  const KG = new Float64Array(n);
  const KI = new Int32Array(n);
  const KJ = new Int32Array(n);
  const pieces: number[] = [];
  keys.forEach((k, f) => {
    const key = new Uint8Array(k.codes.length + 1);
    key.set(k.codes);
    key[k.codes.length] = 58; // the colon
    const view = new DataView(key.buffer);
    const length = key.length;
    KP[f] = pieces.length;
    if (length >= 8) {
      for (let i = 0; i + 8 < length; i += 8) pieces.push(view.getFloat64(i, true));
      KG[f] = view.getFloat64(length - 8, true);
    } else if (length >= 4) {
      KI[f] = view.getInt32(0, true);
      KJ[f] = view.getInt32(length - 4, true);
    }
    // A piece that is NaN could never match: such a key is left to the decision tree.
    const usable = length >= 4 && !pieces.slice(KP[f]).some(Number.isNaN) && !Number.isNaN(KG[f]);
    KQ[f] = usable ? length : 0;
  });
  return { KP, KQ, KV: Float64Array.from(pieces), KG, KI, KJ };
}

/**
 * Generates the facts reader of `pathway`: one function over the text with the position in
 * a local. The key's decision tree, then its whole text compared with the fact's name, the
 * value is read by its type's inline reader (engine/fast/value-source.ts) and checked by the
 * fact's own generated check ({@link valueCheck}), then put in its slot.
 */
export function buildFactsReader(
  pathway: Pathway,
  layout: SlotLayout,
  over: 'text' | 'bytes' = 'text',
): ResumableFactsReader {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    constants.push(value);
    return `K[${constants.length - 1}]`;
  };
  const kinds = pathway.facts.map((fact) =>
    inputSlot(fact, layout) === undefined ? NOTHING : READER_OF[fact.type],
  );
  const stores = pathway.facts.flatMap((fact, index) => {
    const slot = inputSlot(fact, layout);
    return slot === undefined
      ? []
      : [`case ${index}:${valueCheck(fact, constant)}s[${slot}]=v;break;`];
  });
  const bytes = over === 'bytes';
  const {
    WS,
    NUMBER,
    BOOLEAN,
    STRING,
    STRINGS,
    MEDICATIONS,
    NOTHING: NULL_ONLY,
    LOCALS,
  } = bytes ? BYTE_SOURCE : TEXT_SOURCE;
  // A medication list read is kept with where its member starts and its value ends, so that
  // when the loader's check then refuses it, the diagnosis takes it instead of reading it again.
  const reads = [NUMBER, BOOLEAN, STRING, STRINGS, MEDICATIONS, NULL_ONLY].map(
    (read, kind) =>
      `case ${kind}:${read}${kind === READER_OF.medications ? 'ml=v;me=p;ma=at;mg=g;' : ''}break;`,
  );
  const keys = bytes ? keyBytes(pathway) : keyChars(pathway);
  const tree = keyTree(keys, bytes ? (i) => `t[${i}]` : (i) => `t.charCodeAt(${i})`);
  // The whole key compared with the fact's: as a slice of the text (which costs less than a
  // character at a time), or byte by byte against the names' bytes laid end to end (`KB`,
  // fact f's from `KS[f]` to `KS[f+1]`).
  const sameKey = bytes
    ? 'x=KS[f];q=KL[f];if(ks+q>e)return false;for(i=0;i+4<=q;i+=4)if(dv.getUint32(ks+i,true)!==KW[(x+i)>>2])return false;for(;i<q;i++)if(t[ks+i]!==KB[x+i])return false;'
    : 'x=KN[f];q=x.length;if(ks+q>e||t.slice(ks,ks+q)!==x)return false;';
  // Over bytes, the key is first guessed: the key that followed the previous one on the line
  // read last (`NX`, by the previous key's index + 1; files from one system write their keys
  // in one order), checked as the name, its closing quote and the colon (`KP`) four bytes at
  // a time, the last word masked (`KM`) — one comparison of the key's bytes, no decision tree.
  // On a miss (another order, white space, a key near the line's end, an unknown key), the
  // decision tree and the whole comparison as before, and the guess is learnt.
  /** `f` checked as the key at `ks` (a guess): on a match, `p` after its colon and out of `g0`. */
  const check = `if(f>=0){q=KQ[f];if(ks+q<=e){if(q>=8){x=KP[f];for(i=0;i+8<q;i+=8)if(dv.getFloat64(ks+i,true)!==KV[x+(i>>3)])break;if(i+8>=q&&dv.getFloat64(ks+q-8,true)===KG[f]){p=ks+q;break g0;}}else if(q>=4&&dv.getInt32(ks,true)===KI[f]&&dv.getInt32(ks+q-4,true)===KJ[f]){p=ks+q;break g0;}}}`;
  // The second guess is the key that followed the first guess: the first guess's fact is
  // often simply not given on this line.
  const guessed = bytes
    ? `g0:{f=NX[pr];${check}if(f>=0){f=NX[f+1];${check}}
${tree}
${sameKey}
NX[pr]=f;p=ks+q;${WS}if(ch!==58)return false;p++;}pr=f+1;`
    : `${tree}
${sameKey}
p=ks+q;${WS}if(ch!==58)return false;p++;`;
  // `at` records where each member starts (the decline hand-over); a key is marked seen once
  // its value is accepted, so that a member declined on is not seen (the diagnosis reads it).
  const source = `"use strict";var seen=new Float64Array(${pathway.facts.length}),gen=0,at=-1,ml=null,me=-1,ma=-1,mg=-1,T=new Uint8Array([${kinds.join(',')}]),NX=new Int16Array(${pathway.facts.length + 1}).fill(-1);
function readFacts(c,s,a,A,r){var g=r===true?gen:++gen,t=c.t,${bytes ? 'dv=c.dv,pr=0,' : ''}p=c.p,e=c.e,f=0,ks=0,i=0,${LOCALS};
if(r===true){${WS}}else{at=-1;${WS}if(ch!==123)return false;p++;${WS}if(ch===125){c.p=p+1;return true;}}
for(;;){at=p;if(ch!==34)return false;ks=p+1;
${guessed}
if(seen[f]===g)return false;
${WS}switch(T[f]){${reads.join('\n')}default:return false;}
if(v!==null)switch(f){${stores.join('\n')}
default:return false;}
seen[f]=g;
${WS}p++;if(ch===125){c.p=p;return true;}if(ch!==44)return false;${WS}}}
readFacts.declinedAt=function(){return at;};readFacts.declinedList=function(){return ma===at&&mg===gen?ml:X;};readFacts.declinedListEnd=function(){return me;};readFacts.seen=seen;readFacts.generation=function(){return gen;};
return readFacts;`;
  const { KB, KS, KL, KW } = laidOut(keyBytes(pathway));
  const { KP, KQ, KV, KG, KI, KJ } = guesses(keyBytes(pathway));
  // Generated from fact indexes, slot numbers, character codes and constants only.
  const factory = new Function(
    'K',
    'SA',
    'D',
    'M',
    'RM',
    'X',
    'DS',
    'P',
    'KN',
    'F',
    'BT',
    'AT',
    'KB',
    'KS',
    'KL',
    'KW',
    'KP',
    'KQ',
    'KV',
    'KG',
    'KI',
    'KJ',
    source,
  ) as (...args: unknown[]) => ResumableFactsReader;
  return factory(
    constants,
    stringsOk,
    isoDay,
    // A list the medication reader checked with validateInput's own check is not asked again.
    (list: unknown, asOfDay: number) => checkedByReader(list) || medicationsOk(list, asOfDay),
    bytes
      ? (c: Parameters<typeof readMedicationsBytes>[0], fact: Fact, asOf: string) =>
          readMedicationsBytes(c, fact, asOf, asciiText)
      : readMedications,
    DECLINE,
    bytes ? decodeBytesString : decodeString,
    EXACT_POWERS,
    pathway.facts.map((fact) => `${fact.name}"`),
    pathway.facts,
    bytesText,
    asciiText,
    KB,
    KS,
    KL,
    KW,
    KP,
    KQ,
    KV,
    KG,
    KI,
    KJ,
  );
}

/** The index of the fact whose key (name and closing quote) starts at `ks` in `t`, or -1. */
export type FactIndex = (t: string, ks: number) => number;

/** Generates {@link FactIndex} for `pathway`: the facts reader's own decision tree over the key. */
export function buildFactIndex(pathway: Pathway): FactIndex {
  const tree = keyTree(keyChars(pathway), (i) => `t.charCodeAt(${i})`, 'return -1;');
  const source = `"use strict";return function factIndex(t,ks){var f;${tree}return SK(t,ks,f,KC,KS)?f:-1;};`;
  // Generated from fact indexes and character codes only.
  const factory = new Function('SK', 'KC', 'KS', 'KN', source) as (...args: unknown[]) => FactIndex;
  const { codes, starts } = keyCodes(pathway);
  return factory(sameKey, codes, starts);
}

/**
 * True when `v`, a value given for fact `f` (not `null`), is one the loader accepts, with `a`
 * the evaluation day; false too for a fact that may not be given.
 */
export type FactCheck = (f: number, v: unknown, a: number) => boolean;

/** Generates {@link FactCheck} for `pathway` from the loader's own checks ({@link valueCheck}). */
export function buildFactCheck(pathway: Pathway, layout: SlotLayout): FactCheck {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    constants.push(value);
    return `K[${constants.length - 1}]`;
  };
  const cases = pathway.facts.flatMap((fact, index) =>
    inputSlot(fact, layout) === undefined
      ? []
      : [`case ${index}:${valueCheck(fact, constant)}return true;`],
  );
  const source = `"use strict";return function factOk(f,v,a){switch(f){${cases.join('\n')}\ndefault:return false;}};`;
  // Generated from fact indexes and constants only.
  const factory = new Function('K', 'SA', 'D', 'M', source) as (...args: unknown[]) => FactCheck;
  return factory(constants, stringsOk, isoDay, medicationsOk);
}
