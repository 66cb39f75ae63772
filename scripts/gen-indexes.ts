// Writes firestore.indexes.json from the planners that need composite indexes; a unit test keeps them in step.
import { writeFileSync } from "node:fs";
import { directoryIndexes } from "@mentormatch/shared";

const indexes = [
  ...directoryIndexes(),
  {
    collectionGroup: "notifications",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "read", order: "ASCENDING" },
      { fieldPath: "createdAt", order: "DESCENDING" },
    ],
  },
  // retryStalledMail: failed sends with attempts left, and leases that expired.
  {
    collectionGroup: "mail",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "attempts", order: "ASCENDING" },
    ],
  },
  {
    collectionGroup: "mail",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "leaseExpiresAt", order: "ASCENDING" },
    ],
  },
];
writeFileSync(new URL("../firestore.indexes.json", import.meta.url), JSON.stringify({ indexes, fieldOverrides: [] }, null, 2) + "\n");
console.log(`firestore.indexes.json: ${indexes.length} composite indexes`);
