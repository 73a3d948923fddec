// The record of one analysed statement while the result lives in the engine: its positions are
// flat fields, not two objects. A 50 MB script has ~165 k statements, and every object that lasts
// as long as the analysis is work for each full collection of the heap. As JSON (sessions, the
// codec, responses) it is the plain StatementInfo.
import type { StatementInfo } from './types.js'

type Position = StatementInfo['start']

/** nothing read or written: one shared array (frozen, so no holder can change it for the others) */
const NONE: string[] = Object.freeze([]) as unknown as string[]

export class StatementRecord implements StatementInfo {
  reads: string[] = NONE
  writes: string[] = NONE
  constructor(
    readonly index: number,
    readonly file: string | undefined,
    readonly hashCode: string,
    private readonly sl: number, private readonly sc: number, private readonly so: number,
    private readonly el: number, private readonly ec: number, private readonly eo: number,
    public kind: string,
    public ok: boolean,
  ) {}

  get start(): Position { return { line: this.sl, column: this.sc, offset: this.so } }
  get end(): Position { return { line: this.el, column: this.ec, offset: this.eo } }

  /** the ids in a set, or the shared empty list */
  static ids(s: Set<string>): string[] { return s.size ? [...s] : NONE }

  toJSON(): StatementInfo {
    return { index: this.index, file: this.file, hashCode: this.hashCode, start: this.start, end: this.end, kind: this.kind, ok: this.ok, reads: this.reads, writes: this.writes }
  }
}
