import { DocumentShapeError, notificationDocSchema } from "@mentormatch/shared";
import type { QueryDocumentSnapshot } from "firebase/firestore";
import { afterEach, describe, expect, it, vi } from "vitest";
import { converterFor, listOf } from "./parse";

const ts = { seconds: 1, nanoseconds: 0, toMillis: () => 1000, toDate: () => new Date(1000) };
const good = { kind: "welcome", text: "Hi", link: "/", read: false, createdAt: ts, readAt: null };

/** The part of a snapshot the converter reads, recording the options it was read with. */
function fakeSnapshot(id: string, data: unknown) {
  const calls: unknown[] = [];
  const snapshot = { id, ref: { path: `users/u1/notifications/${id}` }, data: (options: unknown) => (calls.push(options), data) };
  return { snapshot: snapshot as unknown as QueryDocumentSnapshot, calls };
}

const converter = converterFor(notificationDocSchema, (data, id) => ({ id, text: data.text }));

describe("converterFor", () => {
  it("parses with the schema, shapes with the id and estimates pending server timestamps", () => {
    const { snapshot, calls } = fakeSnapshot("n1", good);
    expect(converter.fromFirestore(snapshot)).toEqual({ id: "n1", text: "Hi" });
    expect(calls).toEqual([{ serverTimestamps: "estimate" }]);
  });
  it("throws an error naming the document when it does not match", () => {
    const { snapshot } = fakeSnapshot("n2", { ...good, link: "https://evil.example" });
    expect(() => converter.fromFirestore(snapshot)).toThrow(DocumentShapeError);
    expect(() => converter.fromFirestore(snapshot)).toThrow(/users\/u1\/notifications\/n2/);
  });
  it("never writes", () => expect(() => converter.toFirestore({ id: "x", text: "y" })).toThrow(/only read/));
});

describe("listOf", () => {
  afterEach(() => vi.restoreAllMocks());
  it("skips and logs a document that does not parse, keeping the rest", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const docs = [good, { ...good, kind: "nope" }, { ...good, text: "Third" }].map((data, i) => {
      const { snapshot } = fakeSnapshot(`n${i}`, data);
      return { data: () => converter.fromFirestore(snapshot) } as unknown as QueryDocumentSnapshot<{ id: string; text: string }>;
    });
    expect(listOf(docs)).toEqual([
      { id: "n0", text: "Hi" },
      { id: "n2", text: "Third" },
    ]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain("users/u1/notifications/n1");
  });
});
