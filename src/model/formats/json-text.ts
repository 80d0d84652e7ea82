/**
 * JSON from a file the user chose, with the failure said in Dutch and
 * placed (line and character), instead of the engine's English parser text.
 * Pure.
 */

/** `problem` is a Dutch clause without subject, for the caller's sentence ("… geen geldige JSON: <problem>"). */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Parses `text` (a leading BOM is ignored). */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, problem: 'het bestand is leeg' };
  // NUL bytes or many replacement characters: a binary file (a zip, an image), not text.
  if (/\u0000/.test(body.slice(0, 4096)) || (body.slice(0, 4096).match(/\uFFFD/g)?.length ?? 0) > 8) {
    return { ok: false, problem: 'het bestand is geen tekstbestand (binaire inhoud)' };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const english = error instanceof Error ? error.message : String(error);
    if (/unexpected end|unterminated|end of (json )?(input|data)/i.test(english)) {
      return { ok: false, problem: `het houdt halverwege op (na ${body.length.toLocaleString('nl-NL')} tekens); afgebroken of onvolledig opgeslagen` };
    }
    const at = /position (\d+)/i.exec(english);
    if (at) {
      const { line, column } = lineAndColumn(body, Number(at[1]));
      return { ok: false, problem: `fout op regel ${line}, teken ${column}` };
    }
    return { ok: false, problem: 'de tekst is geen JSON' };
  }
}
