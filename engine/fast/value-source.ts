/**
 * The line reader's value readers as generated source: the very rules of {@link JsonCursor}'s
 * readers (`num`, `bool`, `str`, `nothing`), written out over the generated function's own
 * locals (`t` the text, `p` the position, `e` the line's end, `ch` the character at `p`)
 * instead of a cursor object's fields. Inlined once into the facts reader's loop, they read a
 * value without a call, a field store or a value of mixed type crossing a call boundary,
 * which is most of what reading one key cost.
 *
 * Each fragment starts with `ch` the value's first character (whitespace skipped) and leaves
 * the value in `v` (`null` for JSON's `null`) and `p` just after it, or `return false`
 * (decline) on anything the cursor would decline. test/fast/line-reader.test.ts checks the
 * reader, these fragments included, against `JSON.parse` and today's loader.
 */

/** The next character into `ch` (-1 past the line's end), whitespace skipped. */
export const WS =
  'ch=p<e?t.charCodeAt(p):-1;while(ch===32||ch===9||ch===10||ch===13){p++;ch=p<e?t.charCodeAt(p):-1;}';

/** The character at `p` into `ch`, -1 past the line's end. */
const AT = 'ch=p<e?t.charCodeAt(p):-1;';

/** `null` at `p` (its `n` already in `ch`): `v=null`, else decline. */
const NULL =
  'if(p+4<=e&&t.charCodeAt(p+1)===117&&t.charCodeAt(p+2)===108&&t.charCodeAt(p+3)===108){p+=4;v=null;}else return false;';

/**
 * A number (JSON's grammar) or `null`, converted as `JsonCursor.num` does: digits ≤ 15 and a
 * power of ten ≤ 22 exactly (`P` the exact powers), else `Number()` of the checked text.
 */
export const NUMBER = `if(ch===110){${NULL}}else{st=p;neg=false;if(ch===45){neg=true;p++;}m=0;d=0;${AT}
if(ch===48){p++;${AT}if(ch>=48&&ch<=57)return false;}
else if(ch>48&&ch<=57){do{m=m*10+(ch-48);d++;p++;${AT}}while(ch>=48&&ch<=57);}
else return false;
sc=0;
if(ch===46){p++;${AT}if(!(ch>=48&&ch<=57))return false;do{m=m*10+(ch-48);if(m!==0)d++;sc--;p++;${AT}}while(ch>=48&&ch<=57);}
if(ch===101||ch===69){p++;${AT}x=0;xn=false;if(ch===45||ch===43){xn=ch===45;p++;${AT}}
if(!(ch>=48&&ch<=57))return false;
do{if(x<10000)x=x*10+(ch-48);p++;${AT}}while(ch>=48&&ch<=57);sc+=xn?-x:x;}
if(d<=15&&sc>=-22&&sc<=22)n=sc<0?m/P[-sc]:m*P[sc];else n=Number(t.slice(neg?st+1:st,p));
v=neg?-n:n;}`;

/** `true`, `false` or `null`. */
export const BOOLEAN = `if(ch===116){if(p+4<=e&&t.charCodeAt(p+1)===114&&t.charCodeAt(p+2)===117&&t.charCodeAt(p+3)===101){p+=4;v=true;}else return false;}
else if(ch===102){if(p+5<=e&&t.charCodeAt(p+1)===97&&t.charCodeAt(p+2)===108&&t.charCodeAt(p+3)===115&&t.charCodeAt(p+4)===101){p+=5;v=false;}else return false;}
else if(ch===110){${NULL}}else return false;`;

/**
 * A string or `null`: its characters sliced, or with an escape decoded by `DS` (`JSON.parse`
 * of the string's own text, as `JsonCursor.str` does).
 */
export const STRING = `if(ch===110){${NULL}}else if(ch!==34)return false;else{st=p+1;q=st;esc=false;
for(;;){if(q>=e)return false;x=t.charCodeAt(q);if(x===34)break;if(x<32)return false;if(x===92){esc=true;q+=2;}else q++;}
p=q+1;if(esc){v=DS(t,st-1,p);if(v===X)return false;}else v=t.slice(st,q);}`;

/** `null` only (a derived fact). */
export const NOTHING = `if(ch===110){${NULL}}else return false;`;

/** A list of strings or `null`: `[]` read here, anything else by the cursor's `strs`. */
export const STRINGS = `if(ch===91&&p+1<e&&t.charCodeAt(p+1)===93){p+=2;v=[];}else{c.p=p;v=c.strs();if(v===X)return false;p=c.p;}`;

/**
 * A medication list or `null`, by the medication reader (`RM`) on the cursor, told the fact
 * (`F[f]`) and the evaluation date's text (`A`) for the record forms it checks itself.
 */
export const MEDICATIONS = 'c.p=p;v=RM(c,F[f],A);if(v===X)return false;p=c.p;';

/** The locals the fragments use, declared once in the generated function. */
export const LOCALS = 'ch=0,v,n=0,m=0,d=0,sc=0,st=0,q=0,x=0,neg=false,xn=false,esc=false';
