import toast from "react-hot-toast";
import { cancelMatch, type Match } from "../../data/matches";
import { errorMessage } from "../../lib/error-message";

/**
 * The mentee withdraws a pending request, from the mentor's profile or from the Requests page: the confirm step
 * shows "saving", a toast says how it went, and the step closes again only on failure (on success the request's
 * card goes away with the live list).
 */
export async function withdrawRequest(
  match: Pick<Match, "id" | "mentorName">,
  step: { save(): void; close(): void },
  onDone: () => void,
): Promise<void> {
  step.save();
  try {
    await cancelMatch(match.id);
    toast.success(`Your request to ${match.mentorName} is withdrawn.`);
    onDone();
  } catch (error) {
    toast.error(errorMessage(error));
    step.close();
  }
}
