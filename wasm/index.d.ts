// Types of the article-inspector package. Hand-written to match the report
// JSON the core emits (core/report_json.cc) field for field.
//
//   import { createInspector, highlight } from 'article-inspector';
//   const inspector = await createInspector();
//   const report = inspector.inspect(text, { referenceDate: new Date() });
//   for (const person of report.people()) console.log(person.name, person.mentions.length);
//
// Offsets: every `start`/`end` is end-exclusive and, by default, in UTF-16 code
// units of the string you passed, so `text.slice(span.start, span.end) === span.text`
// holds for every span in the report (also for text with unpaired surrogates).
// With `offsets: 'codepoint'` or `'byte'` they count code points (Python string
// indices) or UTF-8 bytes instead.

/** A stretch of the input: `text.slice(start, end) === text` (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'person' | 'organization' | 'location' | 'misc';

export interface Entity {
  /** "e1", "e2", ... in order of first mention. */
  id: string;
  type: EntityType;
  /** Canonical (fullest) form of the name, e.g. "Kassym-Jomart Tokayev". */
  name: string;
  /** Every mention, sorted by start. */
  mentions: Span[];
  /** Titles and roles the text gives the entity: "President", "police spokesman". */
  roles: string[];
}

export type FigureKind =
  | 'count' | 'money' | 'percent' | 'measure' | 'date' | 'time' | 'duration'
  | 'ordinal' | 'age' | 'ratio' | 'range' | 'number';

/**
 * An amount: a number when exact, `{ min, max }` for ranges and fuzzy amounts.
 * `null` stands for an unbounded side ("more than 5" is `{ min: 5, max: null }`).
 */
export type Amount = number | { min: number | null; max: number | null };

export interface Figure extends Span {
  kind: FigureKind;
  /** The amount as written, in `unit`, with multipliers applied ("$1.13bn" is 1130000000). */
  value: Amount;
  /** Canonical unit code ("USD", "%", "km", "day"), or null for a bare count. */
  unit: string | null;
  /** The amount converted to a base unit (metres, kilograms, seconds...) when that means something. */
  normalized: { value: Amount; unit: string } | null;
  /** True for "about", "nearly", "dozens" and the like. */
  approx: boolean;
  /** The qualifier as written, lower-cased: "about", "more than". */
  qualifier: string | null;
  /** What is counted or measured: "police officers". */
  counted: string | null;
  /** For dates and periods: ISO "YYYY-MM-DD", or a period such as "1990s". Absent otherwise. */
  date?: string;
}

export interface Speaker {
  name: string;
  /** The id of the entity speaking, or null when the speaker is not a recognised entity. */
  entity: string | null;
}

export interface Quote extends Span {
  /** Who is quoted, or null when the text does not say. */
  speaker: Speaker | null;
  /** The attribution verb: "said", "told", "according to". */
  verb: string | null;
  /** True for a short quoted phrase inside a sentence. */
  fragment: boolean;
}

export interface Source {
  /** "Home Ministry", "officials". */
  name: string;
  /** The entity id, or null for an anonymous source. */
  entity: string | null;
  named: boolean;
  /** The spans that cite it. */
  citations: Span[];
  /** How many sentences rest on it. */
  sentences: number;
}

export type BoilerplateReason = 'teaser' | 'navigation' | 'promo' | 'legal' | 'caption' | 'credit' | (string & {});

export interface Boilerplate extends Span {
  reason: BoilerplateReason;
}

export type CheckKind = 'unit-conversion' | 'change' | 'repeated-figure' | (string & {});

export interface Check {
  kind: CheckKind;
  ok: boolean;
  /** What was computed, so a reader can verify it. */
  message: string;
  spans: Span[];
}

export interface Dateline extends Span {
  /** "MOSCOW". */
  place: Span | null;
  /** "AP". */
  agency: Span | null;
  /** ISO "YYYY-MM-DD" when the dateline states the full date. */
  date: string | null;
  /** The date as written, also when it gives no year ("Jan 5"). */
  dateText: Span | null;
}

export interface Layout {
  headline: Span | null;
  dateline: Dateline | null;
  byline: Span | null;
}

export interface Stats {
  /** Code points of the article body (clutter excluded). */
  characters: number;
  words: number;
  sentences: number;
  paragraphs: number;
  /** At 230 words a minute, one decimal. */
  readingMinutes: number;
  quotes: number;
  namedSources: number;
  anonymousSources: number;
  /** Figures outside the clutter. */
  figures: number;
  /** Entities per type. */
  entities: Record<EntityType, number>;
}

export interface Warning {
  /** "invalid-utf8", "unpaired-surrogate", ... */
  code: string;
  message: string;
}

/** The JSON contract: what `JSON.stringify(report)` contains. Arrays of spans are sorted by start. */
export interface ReportData {
  entities: Entity[];
  figures: Figure[];
  quotes: Quote[];
  sources: Source[];
  boilerplate: Boilerplate[];
  checks: Check[];
  layout: Layout;
  stats: Stats;
  warnings: Warning[];
}

export interface FigureFilter {
  kind?: FigureKind;
  unit?: string;
}

/** A report with convenience methods (on its prototype: JSON.stringify gives plain ReportData). */
export interface Report extends ReportData {
  /** Entities of type person. */
  people(): Entity[];
  /** Entities of type location. */
  places(): Entity[];
  /** Entities of type organization. */
  organizations(): Entity[];
  /** Entities of type misc. */
  misc(): Entity[];
  /** Figures matching every given field, e.g. `findFigures({ kind: 'money' })`; all figures without a filter. */
  findFigures(filter?: FigureFilter): Figure[];
  /** Checks whose figures do not agree. */
  failedChecks(): Check[];
}

export type ReportKind = 'entities' | 'figures' | 'quotes' | 'sources' | 'boilerplate' | 'checks';

export interface InspectOptions {
  /** Which parts to compute (default: all); the others come back empty. */
  kinds?: ReportKind[];
  /** Resolves relative dates ("last Thursday"): "YYYY-MM-DD", or a Date (its local calendar day). Default: the dateline's date. */
  referenceDate?: string | Date | null;
  /** Offset unit: 'utf16' (default, JavaScript string indices), 'codepoint' (Python), 'byte' (UTF-8). */
  offsets?: 'utf16' | 'codepoint' | 'byte';
  /** Report phone numbers as figures (default false). */
  phoneNumbers?: boolean;
}

export interface CreateInspectorOptions extends InspectOptions {
  /** Longest text accepted, in UTF-16 units (or bytes for a Uint8Array). Default 134217728 (128 Mi). */
  maxTextLength?: number;
}

export interface Inspector {
  /** The engine version, "MAJOR.MINOR.PATCH". */
  readonly version: string;
  /** The longest text `inspect` accepts. */
  readonly maxTextLength: number;
  /**
   * Inspects `text`, synchronously. A Uint8Array is read as UTF-8 and repaired
   * as TextDecoder would; offsets then index `new TextDecoder().decode(bytes)`.
   * Throws an Error for a wrong argument type, a text over `maxTextLength`, or bad options.
   */
  inspect(text: string | Uint8Array, options?: InspectOptions): Report;
  /**
   * Like `inspect`, but returns the report as the compact JSON text the engine
   * wrote (no helpers; where `text` has unpaired surrogates, span texts hold U+FFFD).
   */
  inspectJson(text: string | Uint8Array, options?: InspectOptions): string;
}

/**
 * Starts the engine (once per process, page or worker) and resolves to an
 * Inspector. Without options, every call resolves to the same Inspector; the
 * inspect options given here become defaults for its `inspect` calls.
 */
export function createInspector(options?: CreateInspectorOptions): Promise<Inspector>;

/**
 * `text` as HTML with every entity mention and figure wrapped in
 * `<mark data-kind="...">` (entities also get `data-entity="<id>"`); all other
 * text is escaped. Throws when the report was not made from `text` with UTF-16 offsets.
 */
export function highlight(text: string, report: ReportData): string;
