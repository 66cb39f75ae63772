import { describe, expect, it } from "vitest";
import { calendarFeedLinks } from "./calendar-feed-links";

const TOKEN = "AbC-dEf_0123456789abcdefghijklmnopqrstuvwxy";

describe("calendarFeedLinks", () => {
  it.each([
    ["https://mentor.example", `https://mentor.example/calendar/${TOKEN}.ics`, `webcal://mentor.example/calendar/${TOKEN}.ics`],
    ["http://localhost:5173", `http://localhost:5173/calendar/${TOKEN}.ics`, `webcal://localhost:5173/calendar/${TOKEN}.ics`],
  ])("on %s: the https and webcal addresses", (origin, https, webcal) => {
    expect(calendarFeedLinks(origin, `/calendar/${TOKEN}.ics`)).toMatchObject({ https, webcal });
  });

  it("Google subscribes to the webcal address; Outlook adds the https one from the web, named", () => {
    const links = calendarFeedLinks("https://mentor.example", `/calendar/${TOKEN}.ics`);
    const google = new URL(links.google);
    expect(`${google.origin}${google.pathname}`).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("cid")).toBe(links.webcal);
    for (const [link, host] of [[links.outlook, "outlook.office.com"], [links.outlookPersonal, "outlook.live.com"]] as const) {
      const url = new URL(link);
      expect(url.host).toBe(host);
      expect(url.pathname).toBe("/calendar/0/addfromweb");
      expect(url.searchParams.get("url")).toBe(links.https);
      expect(url.searchParams.get("name")).toBe("MentorMatch sessions");
    }
  });
});
