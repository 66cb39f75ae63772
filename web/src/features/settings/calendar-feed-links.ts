/** The feed's name in calendar apps that take one from the subscribe link (the feed itself says it too). */
export const FEED_NAME = "MentorMatch sessions";

export interface CalendarFeedLinks {
  /** The feed over https: what to paste into "Add calendar from URL". */
  https: string;
  /** The same with webcal:, which opens the system's calendar app (Apple Calendar, Outlook for desktop). */
  webcal: string;
  google: string;
  /** Outlook on the web for work or school accounts (Microsoft 365), and for personal Outlook.com accounts. */
  outlook: string;
  outlookPersonal: string;
}

/** Every way to subscribe to the feed at `path` on the app's origin (Hosting serves /calendar/** from the function). */
export function calendarFeedLinks(origin: string, path: string): CalendarFeedLinks {
  const https = new URL(path, origin).toString();
  const webcal = https.replace(/^https?:/, "webcal:");
  const addFromWeb = (host: string) => `https://${host}/calendar/0/addfromweb?${new URLSearchParams({ url: https, name: FEED_NAME }).toString()}`;
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcal }).toString()}`,
    outlook: addFromWeb("outlook.office.com"),
    outlookPersonal: addFromWeb("outlook.live.com"),
  };
}
