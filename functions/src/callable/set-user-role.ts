import { FUNCTIONS_REGION, callables, paths, type CallableOutput } from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import type { UserRecord } from "firebase-admin/auth";
import { HttpsError, onCall } from "firebase-functions/v2/https";
import { planRoleChange } from "../planners/role-change.js";
import { adminAuth, db } from "../lib/app.js";
import { parseInput, requireRole } from "../lib/callable.js";

/** An admin changes another user's role: the claim, and the profile's mirror of it. */
export const setUserRole = onCall({ region: FUNCTIONS_REGION }, async (request): Promise<CallableOutput<"setUserRole">> => {
  const caller = requireRole(request, "admin");
  const input = parseInput(callables.setUserRole.input, request.data);
  const user = await findUser(input.uid);
  const firestore = db();
  const profileRef = firestore.doc(paths.user(input.uid));

  const plan = await firestore.runTransaction(async (tx) => {
    const profile = await tx.get(profileRef);
    const plan = planRoleChange({
      callerUid: caller.uid,
      targetUid: input.uid,
      role: input.role,
      profile:
        user && profile.exists
          ? {
              role: String(profile.get("role")),
              capacity: Number(profile.get("capacity") ?? 0),
              acceptingRequests: profile.get("acceptingRequests") === true,
            }
          : null,
    });
    if (plan.action === "change" && Object.keys(plan.profileUpdate).length > 0)
      tx.update(profileRef, { ...plan.profileUpdate, updatedAt: FieldValue.serverTimestamp() });
    return plan;
  });
  if (plan.action === "refuse") throw new HttpsError(plan.code, plan.message);

  // Spread the existing claims: setCustomUserClaims replaces them all.
  await adminAuth().setCustomUserClaims(input.uid, { ...user!.customClaims, role: input.role });
  return { uid: input.uid, role: input.role };
});

async function findUser(uid: string): Promise<UserRecord | null> {
  try {
    return await adminAuth().getUser(uid);
  } catch (err) {
    if ((err as { code?: string }).code === "auth/user-not-found") return null;
    throw err;
  }
}
