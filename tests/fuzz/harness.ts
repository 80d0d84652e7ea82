/**
 * The generated hostile-input suite (issues #17 and #18). A family is one
 * small module (tests/fuzz/families/*.ts): an arbitrary that generates
 * cases and a `run` that feeds one case to the app's own reader and says
 * whether it was accepted (checked against what the case means) or refused
 * with messages. The runner classifies every case as exactly one outcome:
 *
 *   accepted      read, and what was read equals what the input means
 *   refused       refused with Dutch messages that say where
 *   unclear       refused, but a message is English or does not say where
 *   wrong         accepted, but the result differs from what the input means,
 *                 or the prototype of Object was changed
 *   uncaught      the reader threw instead of refusing
 *   hang          one case took longer than `perCaseMs`
 *   memory        the heap grew by more than `memoryMb` in one case
 *
 * Used by tests/fuzz/fuzz.test.ts (small, in `npm test`) and by
 * scripts/fuzz.ts (`npm run fuzz`, larger, prints the table).
 */
import fc from 'fast-check';

export type Verdict = { kind: 'accepted'; wrong?: string } | { kind: 'refused'; messages: string[] };

export interface FuzzFamily<T = unknown> {
  /** Dutch name for the table. */
  name: string;
  /** `ci` keeps `npm test` short; `large` is for `npm run fuzz`. */
  cases(size: 'ci' | 'large'): fc.Arbitrary<T>;
  run(input: T): Promise<Verdict>;
  /** Short description of a case for failure reports. */
  describe(input: T): string;
}

export const OUTCOMES = ['accepted', 'refused', 'unclear', 'wrong', 'uncaught', 'hang', 'memory'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: 'correct geaccepteerd',
  refused: 'geweigerd met plaats',
  unclear: 'onduidelijke melding',
  wrong: 'stil fout geaccepteerd',
  uncaught: 'onafgevangen fout',
  hang: 'hangt',
  memory: 'geheugen',
};

export interface FamilyReport {
  family: string;
  cases: number;
  counts: Record<Outcome, number>;
  /** First few cases per bad outcome, for the failure message. */
  examples: string[];
}

export interface RunOptions {
  seed: number;
  size: 'ci' | 'large';
  casesPerFamily: number;
  perCaseMs: number;
  memoryMb: number;
}

// English words the app's own messages never use; a message holding one passes parser or engine text through.
const ENGLISH = /\b(the|cannot|undefined|unexpected|expected|invalid|property|reading|token|position|maximum call stack|is not a)\b/i;
// A message says where when it names a line, row, column, cell, JSON path, sheet or the file (a served .wvk or .pmtiles too).
const WHERE = /regel \d|rij \d|kolom|cel [A-Z]{1,3}\d|teken \d|werkblad|object \d|\.(csv|tsv|txt|xlsx|json|geojson|wvk|pmtiles)\b|^[A-Za-z_]+(\[\d+\])?(\.[^\s:]+)*:|het bestand/i;

export function isClearMessage(message: string): boolean {
  return message.trim() !== '' && !ENGLISH.test(message) && WHERE.test(message);
}

function prototypeIntact(): string | null {
  const probe = {} as Record<string, unknown>;
  if ('polluted' in probe || Object.keys(Object.prototype).length > 0) return 'Object.prototype is veranderd (prototype pollution)';
  if ((Array.prototype as unknown as Record<string, unknown>).polluted !== undefined) return 'Array.prototype is veranderd';
  return null;
}

function heapUsed(): number {
  return typeof process !== 'undefined' && process.memoryUsage ? process.memoryUsage().heapUsed : 0;
}

export async function runFamily<T>(family: FuzzFamily<T>, options: RunOptions): Promise<FamilyReport> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const examples: string[] = [];
  const inputs = fc.sample(family.cases(options.size), { seed: options.seed, numRuns: options.casesPerFamily });
  for (const input of inputs) {
    const before = heapUsed();
    const started = performance.now();
    let outcome: Outcome;
    let note = '';
    try {
      const verdict = await family.run(input);
      if (verdict.kind === 'accepted') {
        const wrong = verdict.wrong ?? prototypeIntact();
        outcome = wrong ? 'wrong' : 'accepted';
        note = wrong ?? '';
      } else {
        const bad = verdict.messages.length === 0 ? '(geen melding)' : verdict.messages.find((m) => !isClearMessage(m));
        outcome = bad === undefined ? 'refused' : 'unclear';
        note = bad ?? '';
        const polluted = prototypeIntact();
        if (polluted) { outcome = 'wrong'; note = polluted; }
      }
    } catch (error) {
      outcome = 'uncaught';
      note = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const ms = performance.now() - started;
    if (ms > options.perCaseMs) { outcome = 'hang'; note = `${Math.round(ms)} ms`; }
    const grownMb = (heapUsed() - before) / 1024 / 1024;
    if (grownMb > options.memoryMb) { outcome = 'memory'; note = `${Math.round(grownMb)} MB`; }
    counts[outcome]++;
    if (outcome !== 'accepted' && outcome !== 'refused' && examples.length < 5) examples.push(`${OUTCOME_LABELS[outcome]}: ${family.describe(input)} → ${note.slice(0, 300)}`);
  }
  return { family: family.name, cases: inputs.length, counts, examples };
}

/** The table as Markdown, as written in docs/reliability.md. */
export function reportTable(reports: FamilyReport[]): string {
  const head = `| familie | gevallen | ${OUTCOMES.map((o) => OUTCOME_LABELS[o]).join(' | ')} |`;
  const rule = `|---|---:|${OUTCOMES.map(() => '---:').join('|')}|`;
  const rows = reports.map((r) => `| ${r.family} | ${r.cases} | ${OUTCOMES.map((o) => r.counts[o]).join(' | ')} |`);
  const total = reports.reduce((t, r) => t + r.cases, 0);
  const sums = OUTCOMES.map((o) => reports.reduce((t, r) => t + r.counts[o], 0));
  return [head, rule, ...rows, `| **totaal** | **${total}** | ${sums.map((s) => `**${s}**`).join(' | ')} |`].join('\n');
}

// ── Shared generators ────────────────────────────────────────────────────────

/** Text that a hostile or broken export might hold in a cell. */
export const hostileCell = fc.oneof(
  fc.constantFrom('=1+1', '+31', '-', '@SUM(A1)', '\t', '"', '""', ';', ',', '\r\n', '1e999', '-1e999', 'NaN', 'Infinity', '-0', '0x1F', '１２', '٣', '\u0000', '\uFEFF', '__proto__', 'constructor', 'ë', '€'),
  fc.string({ maxLength: 12 }),
);

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON document, so a mutation can reach any field. */
export function jsonPaths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...at, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      jsonPaths(v as Json, p, out);
    }
  }
  return out;
}

/** A copy of `doc` with `value` at `path`; undefined removes the key. */
export function setAt(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(doc) as Json;
  let o = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  return copy;
}

/** A string cut at a random place (a download that stopped). */
export function truncated(text: string) {
  return fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((k) => text.slice(0, k));
}
