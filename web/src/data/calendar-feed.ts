import { call } from "../lib/callables";

/** A new private feed (any older one stops working). The token comes back once: only its hash is stored. */
export function createCalendarFeed() {
  return call("createCalendarFeed", {});
}

export function deleteCalendarFeed() {
  return call("deleteCalendarFeed", {});
}
