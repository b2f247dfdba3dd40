/**
 * The line reader's value readers as generated source: the very rules of {@link JsonCursor}'s
 * readers (`num`, `bool`, `str`, `nothing`), written out over the generated function's own
 * locals (`t` the text, `p` the position, `e` the line's end, `ch` the character at `p`)
 * instead of a cursor object's fields. Inlined once into the facts reader's loop, they read a
 * value without a call, a field store or a value of mixed type crossing a call boundary,
 * which is most of what reading one key cost.
 *
 * The same fragments are written out over a line's UTF-8 bytes too ({@link BYTE_SOURCE}, `t`
 * then a Uint8Array): one set of rules, two ways of getting at a character, so the byte
 * reader cannot read a value differently from the string reader.
 *
 * Each fragment starts with `ch` the value's first character (whitespace skipped) and leaves
 * the value in `v` (`null` for JSON's `null`) and `p` just after it, or `return false`
 * (decline) on anything the cursor would decline. test/fast/line-reader.test.ts checks the
 * reader, these fragments included, against `JSON.parse` and today's loader.
 */

/** How the fragments get at the line: a character code, the text of a value, a number's text. */
export interface Access {
  /** The code at position `i` (an expression). */
  at: (i: string) => string;
  /**
   * Statements putting the text `[from, to)` of a string without escapes in `v`, or declining
   * with `fail`.
   */
  keep: (from: string, to: string, fail?: string) => string;
  /** The (ASCII) text `[from, to)` of a number (an expression). */
  ascii: (from: string, to: string) => string;
}

/** The value readers written out for one {@link Access}. */
export interface ValueSource {
  WS: string;
  NUMBER: string;
  BOOLEAN: string;
  STRING: string;
  NOTHING: string;
  STRINGS: string;
  MEDICATIONS: string;
  LOCALS: string;
}

/**
 * The value readers written out for `access`. `fail` is the statement that declines (`return
 * false;` in the facts reader, `return X;` — DECLINE — in a cursor's method); `failDecoded`
 * the one for a string whose escapes do not decode, once `p` is past it.
 */
export function valueSource(
  { at, keep, ascii }: Access,
  fail = 'return false;',
  failDecoded = fail,
): ValueSource {
  /** The character at `p` into `ch`, -1 past the line's end. */
  const AT = `ch=p<e?${at('p')}:-1;`;
  /** `null` at `p` (its `n` already in `ch`): `v=null`, else decline. */
  const NULL = `if(p+4<=e&&${at('p+1')}===117&&${at('p+2')}===108&&${at('p+3')}===108){p+=4;v=null;}else ${fail}`;
  return {
    /** The next character into `ch` (-1 past the line's end), whitespace skipped. */
    WS: `${AT}while(ch===32||ch===9||ch===10||ch===13){p++;${AT}}`,
    /**
     * A number (JSON's grammar) or `null`, converted as `JsonCursor.num` does: digits ≤ 15 and
     * a power of ten ≤ 22 exactly (`P` the exact powers), else `Number()` of the checked text.
     */
    NUMBER: `if(ch===110){${NULL}}else{st=p;neg=false;if(ch===45){neg=true;p++;}m=0;d=0;${AT}
if(ch===48){p++;${AT}if(ch>=48&&ch<=57)${fail}}
else if(ch>48&&ch<=57){do{m=m*10+(ch-48);d++;p++;${AT}}while(ch>=48&&ch<=57);}
else ${fail}
sc=0;
if(ch===46){p++;${AT}if(!(ch>=48&&ch<=57))${fail}do{m=m*10+(ch-48);if(m!==0)d++;sc--;p++;${AT}}while(ch>=48&&ch<=57);}
if(ch===101||ch===69){p++;${AT}x=0;xn=false;if(ch===45||ch===43){xn=ch===45;p++;${AT}}
if(!(ch>=48&&ch<=57))${fail}
do{if(x<10000)x=x*10+(ch-48);p++;${AT}}while(ch>=48&&ch<=57);sc+=xn?-x:x;}
if(d<=15&&sc>=-22&&sc<=22)n=sc<0?m/P[-sc]:m*P[sc];else n=Number(${ascii('neg?st+1:st', 'p')});
v=neg?-n:n;}`,
    /** `true`, `false` or `null`. */
    BOOLEAN: `if(ch===116){if(p+4<=e&&${at('p+1')}===114&&${at('p+2')}===117&&${at('p+3')}===101){p+=4;v=true;}else ${fail}}
else if(ch===102){if(p+5<=e&&${at('p+1')}===97&&${at('p+2')}===108&&${at('p+3')}===115&&${at('p+4')}===101){p+=5;v=false;}else ${fail}}
else if(ch===110){${NULL}}else ${fail}`,
    /**
     * A string or `null`: its characters kept, or with an escape decoded by `DS` (`JSON.parse`
     * of the string's own text, as `JsonCursor.str` does).
     */
    STRING: `if(ch===110){${NULL}}else if(ch!==34)${fail}else{st=p+1;q=st;esc=false;
for(;;){if(q>=e)${fail}x=${at('q')};if(x===34)break;if(x<32)${fail}if(x===92){esc=true;q+=2;}else q++;}
p=q+1;if(esc){v=DS(t,st-1,p);if(v===X)${failDecoded}}else{${keep('st', 'q', fail)}}}`,
    /** `null` only (a derived fact). */
    NOTHING: `if(ch===110){${NULL}}else ${fail}`,
    /** A list of strings or `null`: `[]` read here, anything else by the cursor's `strs`. */
    STRINGS: `if(ch===91&&p+1<e&&${at('p+1')}===93){p+=2;v=[];}else{c.p=p;v=c.strs();if(v===X)${fail}p=c.p;}`,
    /**
     * A medication list or `null`, by the medication reader (`RM`) on the cursor, told the
     * fact (`F[f]`) and the evaluation date's text (`A`) for the record forms it checks itself.
     */
    MEDICATIONS: `c.p=p;v=RM(c,F[f],A);if(v===X)${fail}p=c.p;`,
    /** The locals the fragments use, declared once in the generated function. */
    LOCALS: 'ch=0,v,n=0,m=0,d=0,sc=0,st=0,q=0,x=0,neg=false,xn=false,esc=false',
  };
}

/** How the fragments get at a line's characters (`t` a string). */
export const TEXT_ACCESS: Access = {
  at: (i) => `t.charCodeAt(${i})`,
  keep: (from, to) => `v=t.slice(${from},${to});`,
  ascii: (from, to) => `t.slice(${from},${to})`,
};

/** The fragments over a line's characters (`t` a string). */
export const TEXT_SOURCE = valueSource(TEXT_ACCESS);

/**
 * The fragments over a line's UTF-8 bytes (`t` a Uint8Array): a string's text is made by
 * `BT` (engine/fast/byte-text.ts, declining bytes that are not UTF-8), a number's by `AT`.
 */
export const BYTE_ACCESS: Access = {
  at: (i) => `t[${i}]`,
  keep: (from, to, fail = 'return false;') => `v=BT(t,${from},${to});if(v===X)${fail}`,
  ascii: (from, to) => `AT(t,${from},${to})`,
};

/** The fragments over a line's UTF-8 bytes (`t` a Uint8Array). */
export const BYTE_SOURCE = valueSource(BYTE_ACCESS);
