import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { ACTORS, OPERATIONS, PAST, UID, expectAllowed, useRulesSuite, type Operation } from "./helpers.js";

// Paths nothing in firestore.rules matches: a planned collection, an invented one and an unknown subcollection of a
// profile. Each holds a document, so a denied read is the rules and not an empty result.
const UNKNOWN_DOCS = ["quickQuestions/x", "secrets/x", `users/${UID.owner}/other/x`] as const;

const suite = useRulesSuite("unknown-paths", () =>
  Object.fromEntries(UNKNOWN_DOCS.map((path) => [path, { note: "written by an admin tool", createdAt: PAST }])),
);

const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/"));

const attempt: Record<Operation, (db: ReturnType<typeof suite.db>, path: string) => Promise<unknown>> = {
  get: (db, path) => getDoc(doc(db, path)),
  list: (db, path) => getDocs(collection(db, parentOf(path))),
  create: (db, path) => setDoc(doc(db, `${parentOf(path)}/new`), { note: "client" }),
  update: (db, path) => updateDoc(doc(db, path), { note: "client" }),
  delete: (db, path) => deleteDoc(doc(db, path)),
};

for (const actor of ACTORS) {
  describe(actor, () => {
    for (const path of UNKNOWN_DOCS) {
      for (const operation of OPERATIONS) {
        it(`cannot ${operation} ${path}`, async () => {
          await expectAllowed(attempt[operation](suite.db(actor), path), false);
        });
      }
    }
  });
}
