import type * as z from "zod";
import { describeZodError } from "./errors.js";

/** A document that does not match its schema: names the document, so a log line says which one to fix. */
export class DocumentShapeError extends Error {
  override name = "DocumentShapeError";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} does not match its schema: ${problem}`);
  }
}

/**
 * The one way a stored document becomes typed data, on the web (through a Firestore converter) and in functions:
 * parsed by the collection's zod document schema, never mapped field by field by hand.
 */
export function parseDoc<S extends z.ZodType>(schema: S, path: string, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new DocumentShapeError(path, describeZodError(result.error));
  return result.data;
}
