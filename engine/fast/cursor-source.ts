/**
 * The line cursor's class, generated from the value readers' fragments
 * (engine/fast/value-source.ts): JSON's grammar is written once, and made into a class twice,
 * over a line's characters (`JsonCursor`, engine/fast/json-cursor.ts) and over its UTF-8
 * bytes (`ByteCursor`, engine/fast/byte-cursor.ts). The generated facts reader inlines the very
 * same fragments, so the two cursors and the facts reader cannot read a value differently.
 *
 * Each method leaves the position where the hand-written cursors did: past white space it
 * skipped, past what it read, and at the start of a value it declined on (past a string whose
 * escapes do not decode).
 */
import type { Decline, LineCursor } from './json-cursor';
import { valueSource, type Access } from './value-source';

/** Text out of the line `t[from, to)`, or DECLINE. */
export type TextOf = (t: never, from: number, to: number) => string | Decline;

/** What the generated methods call: the constants and helpers the fragments name. */
export interface CursorParts {
  /** DECLINE. */
  X: Decline;
  /** The powers of ten that are exact doubles. */
  P: readonly number[];
  /** A string with escapes, decoded (`JSON.parse` of its own text), or DECLINE. */
  DS: TextOf;
  /** Text of a string without escapes, or DECLINE (bytes only). */
  BT?: TextOf;
  /** ASCII text of a number (bytes only). */
  AT?: TextOf;
}

/**
 * The cursor class over `access` (`t` the text or the bytes): `empty` is its text before the
 * first reset; `bytes` adds `dv`, a DataView of the bytes (for the facts reader's four- and
 * eight-byte reads), made again only when other bytes are given.
 */
export function cursorClass<T>(
  access: Access,
  empty: T,
  bytes: boolean,
  parts: CursorParts,
): new () => LineCursor<T> {
  const { WS, NUMBER, BOOLEAN, STRING, NOTHING, LOCALS } = valueSource(
    access,
    'return X;',
    '{this.p=p;return X;}',
  );
  const at = access.at;
  /** A method's locals: the line, its end, the position. */
  const open = `var t=this.t,e=this.e,p=this.p,${LOCALS};${WS}this.p=p;`;
  /** A value read by `read`, then the position after it. */
  const value = (read: string): string => `{${open}${read}this.p=p;return v;}`;
  const source = `"use strict";return class Cursor{
constructor(){this.t=E;this.p=0;this.e=0;${bytes ? 'this.dv=new DataView(new ArrayBuffer(0));' : ''}}
reset(text,start,end){${bytes ? 'if(text!==this.t)this.dv=new DataView(text.buffer,text.byteOffset,text.byteLength);' : ''}this.t=text;this.p=start;this.e=end;}
ws(){var t=this.t,e=this.e,p=this.p,ch=0;${WS}this.p=p;return ch;}
take(code){if(this.ws()!==code)return false;this.p++;return true;}
key(){var t=this.t,e=this.e,p=this.p+1,c=0;while(p<e){c=${at('p')};if(c===34){this.p=p+1;return this.take(58)?p:-1;}if(c===92||c<32)return -1;p++;}return -1;}
matches(a,w){var t=this.t;if(a+w.length>this.e)return false;for(var i=0;i<w.length;i++)if(${at('a+i')}!==w.charCodeAt(i))return false;return true;}
num()${value(NUMBER)}
bool()${value(BOOLEAN)}
nothing()${value(NOTHING)}
str()${value(STRING)}
strs(){${open}if(ch===110){${NOTHING}this.p=p;return v;}if(ch!==91)return X;p++;this.p=p;${WS}this.p=p;var list=[];if(ch===93){this.p=p+1;return list;}
for(;;){if(ch!==34)return X;${STRING}list.push(v);${WS}p++;this.p=p;if(ch===93)return list;if(ch!==44)return X;${WS}this.p=p;}}
next(close){var c=this.ws();this.p++;if(c===44)return true;if(c===close)return false;return X;}
atEnd(){return this.ws()===-1;}
};`;
  // Generated from the fragments' fixed text and character codes only.
  const factory = new Function('X', 'P', 'DS', 'BT', 'AT', 'E', source) as (
    ...args: unknown[]
  ) => new () => LineCursor<T>;
  return factory(parts.X, parts.P, parts.DS, parts.BT, parts.AT, empty);
}
