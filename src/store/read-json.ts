import type { ReadDocument } from '../domain/document.ts';

/**
 * A read result as JSON and back, exactly: spreadsheet cells may hold Dates, which plain JSON
 * would turn into strings and so change what the extractor sees. A Date is written as
 * `{"$date": "…"}`; nothing else a reader produces needs more than JSON.
 */
export function readToJson(read: ReadDocument): string {
  return JSON.stringify(read, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() } : value;
  });
}

/** The inverse of {@link readToJson}, from the parsed JSONB value or from its text. */
export function readFromJson(json: unknown): ReadDocument {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  return reviveDates(value) as ReadDocument;
}

function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveDates(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === '$date') {
      return obj.$date === null ? new Date(NaN) : new Date(obj.$date as string);
    }
    for (const key of keys) obj[key] = reviveDates(obj[key]);
  }
  return value;
}
