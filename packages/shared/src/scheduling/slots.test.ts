import { describe, expect, it } from "vitest";
import { Temporal } from "temporal-polyfill";
import { IANA_TIME_ZONES } from "../time-zones.js";
import { availabilitySchema, isSchedulingTimeZone, type AvailabilityInput, type BusyInterval } from "./availability-schema.js";
import { openRanges, planSlots, wallClockToEpochMs, type Slot, type SlotDay } from "./slots.js";

const at = (iso: string) => Date.parse(iso);

function availability(over: Partial<AvailabilityInput>) {
  return availabilitySchema.parse({ timeZone: "Europe/London", weekly: {}, minimumNoticeMinutes: 0, horizonDays: 14, bufferMinutes: 0, ...over });
}

/** "2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00": the instant, the viewer's clock, the mentor's clock. */
const line = (slot: Slot) =>
  `${new Date(slot.startMs).toISOString().slice(0, 16)}Z ${slot.viewerDate} ${slot.viewerTime} | ${slot.mentorDate} ${slot.mentorTime} ${slot.mentorOffset}`;
const lines = (days: SlotDay[]) => days.flatMap((day) => day.slots.map(line));

interface Case {
  name: string;
  availability: Partial<AvailabilityInput>;
  now: string;
  busy?: BusyInterval[];
  duration: number;
  viewer: string;
  expected: string[];
}

const LONDON_MONDAY = { mon: [{ start: "09:00", end: "10:00" }] };
const LA = "America/Los_Angeles";
const NZ_FRIDAY_NIGHT = { timeZone: "Pacific/Auckland", weekly: { fri: [{ start: "22:00", end: "02:00" }] }, horizonDays: 3 };
const NZ_FRIDAY_NIGHT_SLOTS = [
  "2026-11-27T09:00Z 2026-11-27 09:00 | 2026-11-27 22:00 +13:00",
  "2026-11-27T09:15Z 2026-11-27 09:15 | 2026-11-27 22:15 +13:00",
  "2026-11-27T09:30Z 2026-11-27 09:30 | 2026-11-27 22:30 +13:00",
  "2026-11-27T09:45Z 2026-11-27 09:45 | 2026-11-27 22:45 +13:00",
  "2026-11-27T10:00Z 2026-11-27 10:00 | 2026-11-27 23:00 +13:00",
  "2026-11-27T10:15Z 2026-11-27 10:15 | 2026-11-27 23:15 +13:00",
  "2026-11-27T10:30Z 2026-11-27 10:30 | 2026-11-27 23:30 +13:00",
  "2026-11-27T10:45Z 2026-11-27 10:45 | 2026-11-27 23:45 +13:00",
  "2026-11-27T11:00Z 2026-11-27 11:00 | 2026-11-28 00:00 +13:00",
  "2026-11-27T11:15Z 2026-11-27 11:15 | 2026-11-28 00:15 +13:00",
  "2026-11-27T11:30Z 2026-11-27 11:30 | 2026-11-28 00:30 +13:00",
  "2026-11-27T11:45Z 2026-11-27 11:45 | 2026-11-28 00:45 +13:00",
  "2026-11-27T12:00Z 2026-11-27 12:00 | 2026-11-28 01:00 +13:00",
];

const CASES: Case[] = [
  {
    name: "a weekday range in 30-minute sessions",
    availability: { weekly: LONDON_MONDAY, horizonDays: 7 },
    now: "2026-11-22T00:00Z",
    duration: 30,
    viewer: "Europe/London",
    expected: [
      "2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00",
      "2026-11-23T09:15Z 2026-11-23 09:15 | 2026-11-23 09:15 +00:00",
      "2026-11-23T09:30Z 2026-11-23 09:30 | 2026-11-23 09:30 +00:00",
    ],
  },
  {
    name: "45 minutes must fit wholly in the range",
    availability: { weekly: LONDON_MONDAY, horizonDays: 7 },
    now: "2026-11-22T00:00Z",
    duration: 45,
    viewer: "Europe/London",
    expected: ["2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00", "2026-11-23T09:15Z 2026-11-23 09:15 | 2026-11-23 09:15 +00:00"],
  },
  {
    name: "60 minutes in a 60-minute range: one slot",
    availability: { weekly: LONDON_MONDAY, horizonDays: 7 },
    now: "2026-11-22T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: ["2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00"],
  },
  {
    name: "touching ranges join, but a slot never spans a gap",
    availability: {
      weekly: { mon: [{ start: "09:00", end: "10:00" }, { start: "10:00", end: "10:30" }, { start: "11:00", end: "12:00" }] },
      horizonDays: 7,
    },
    now: "2026-11-22T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [
      "2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00",
      "2026-11-23T09:15Z 2026-11-23 09:15 | 2026-11-23 09:15 +00:00",
      "2026-11-23T09:30Z 2026-11-23 09:30 | 2026-11-23 09:30 +00:00",
      "2026-11-23T11:00Z 2026-11-23 11:00 | 2026-11-23 11:00 +00:00",
    ],
  },
  {
    name: "minimum notice rounds the first start up to the grid",
    availability: { weekly: LONDON_MONDAY, minimumNoticeMinutes: 15, horizonDays: 1 },
    now: "2026-11-23T08:50Z",
    duration: 30,
    viewer: "Europe/London",
    expected: ["2026-11-23T09:15Z 2026-11-23 09:15 | 2026-11-23 09:15 +00:00", "2026-11-23T09:30Z 2026-11-23 09:30 | 2026-11-23 09:30 +00:00"],
  },
  {
    name: "a start exactly at now + minimum notice is offered",
    availability: { weekly: LONDON_MONDAY, minimumNoticeMinutes: 12 * 60, horizonDays: 1 },
    now: "2026-11-22T21:00Z",
    duration: 30,
    viewer: "Europe/London",
    expected: [
      "2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00",
      "2026-11-23T09:15Z 2026-11-23 09:15 | 2026-11-23 09:15 +00:00",
      "2026-11-23T09:30Z 2026-11-23 09:30 | 2026-11-23 09:30 +00:00",
    ],
  },
  {
    name: "both ends of the horizon are inclusive: today from now, and the last day up to now + horizon",
    availability: { weekly: LONDON_MONDAY, horizonDays: 7 },
    now: "2026-11-16T09:15Z",
    duration: 30,
    viewer: "Europe/London",
    expected: [
      "2026-11-16T09:15Z 2026-11-16 09:15 | 2026-11-16 09:15 +00:00",
      "2026-11-16T09:30Z 2026-11-16 09:30 | 2026-11-16 09:30 +00:00",
      "2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00",
      "2026-11-23T09:15Z 2026-11-23 09:15 | 2026-11-23 09:15 +00:00",
    ],
  },
  {
    name: "busy time without a buffer blocks only what overlaps it",
    availability: { weekly: { mon: [{ start: "09:00", end: "11:00" }] }, horizonDays: 7 },
    now: "2026-11-22T00:00Z",
    busy: [{ startMs: at("2026-11-23T09:30Z"), endMs: at("2026-11-23T10:00Z") }],
    duration: 30,
    viewer: "Europe/London",
    expected: [
      "2026-11-23T09:00Z 2026-11-23 09:00 | 2026-11-23 09:00 +00:00",
      "2026-11-23T10:00Z 2026-11-23 10:00 | 2026-11-23 10:00 +00:00",
      "2026-11-23T10:15Z 2026-11-23 10:15 | 2026-11-23 10:15 +00:00",
      "2026-11-23T10:30Z 2026-11-23 10:30 | 2026-11-23 10:30 +00:00",
    ],
  },
  {
    name: "the buffer widens busy time on both sides",
    availability: { weekly: { mon: [{ start: "09:00", end: "11:00" }] }, horizonDays: 7, bufferMinutes: 15 },
    now: "2026-11-22T00:00Z",
    busy: [{ startMs: at("2026-11-23T09:30Z"), endMs: at("2026-11-23T10:00Z") }],
    duration: 30,
    viewer: "Europe/London",
    expected: ["2026-11-23T10:15Z 2026-11-23 10:15 | 2026-11-23 10:15 +00:00", "2026-11-23T10:30Z 2026-11-23 10:30 | 2026-11-23 10:30 +00:00"],
  },
  {
    name: "mentor's spring-forward night: a range across the jump loses the missing hour",
    availability: { timeZone: LA, weekly: { sun: [{ start: "00:00", end: "04:00" }] }, horizonDays: 2 },
    now: "2026-03-07T00:00Z",
    duration: 60,
    viewer: LA,
    expected: [
      "2026-03-08T08:00Z 2026-03-08 00:00 | 2026-03-08 00:00 -08:00",
      "2026-03-08T08:15Z 2026-03-08 00:15 | 2026-03-08 00:15 -08:00",
      "2026-03-08T08:30Z 2026-03-08 00:30 | 2026-03-08 00:30 -08:00",
      "2026-03-08T08:45Z 2026-03-08 00:45 | 2026-03-08 00:45 -08:00",
      "2026-03-08T09:00Z 2026-03-08 01:00 | 2026-03-08 01:00 -08:00",
      "2026-03-08T09:15Z 2026-03-08 01:15 | 2026-03-08 01:15 -08:00",
      "2026-03-08T09:30Z 2026-03-08 01:30 | 2026-03-08 01:30 -08:00",
      "2026-03-08T09:45Z 2026-03-08 01:45 | 2026-03-08 01:45 -08:00",
      "2026-03-08T10:00Z 2026-03-08 03:00 | 2026-03-08 03:00 -07:00",
    ],
  },
  {
    name: "mentor's spring-forward night: a range ending inside the gap ends at the jump",
    availability: { timeZone: LA, weekly: { sun: [{ start: "01:00", end: "02:30" }] }, horizonDays: 2 },
    now: "2026-03-07T00:00Z",
    duration: 30,
    viewer: LA,
    expected: [
      "2026-03-08T09:00Z 2026-03-08 01:00 | 2026-03-08 01:00 -08:00",
      "2026-03-08T09:15Z 2026-03-08 01:15 | 2026-03-08 01:15 -08:00",
      "2026-03-08T09:30Z 2026-03-08 01:30 | 2026-03-08 01:30 -08:00",
    ],
  },
  {
    name: "mentor's spring-forward night: a range wholly inside the gap offers nothing",
    availability: { timeZone: LA, weekly: { sun: [{ start: "02:00", end: "02:45" }] }, horizonDays: 2 },
    now: "2026-03-07T00:00Z",
    duration: 30,
    viewer: LA,
    expected: [],
  },
  {
    name: "mentor's fall-back night: the repeated hour is offered twice, told apart by the offset",
    availability: { timeZone: LA, weekly: { sun: [{ start: "00:00", end: "03:00" }] }, horizonDays: 2 },
    now: "2026-10-31T00:00Z",
    duration: 60,
    viewer: LA,
    expected: [
      "2026-11-01T07:00Z 2026-11-01 00:00 | 2026-11-01 00:00 -07:00",
      "2026-11-01T07:15Z 2026-11-01 00:15 | 2026-11-01 00:15 -07:00",
      "2026-11-01T07:30Z 2026-11-01 00:30 | 2026-11-01 00:30 -07:00",
      "2026-11-01T07:45Z 2026-11-01 00:45 | 2026-11-01 00:45 -07:00",
      "2026-11-01T08:00Z 2026-11-01 01:00 | 2026-11-01 01:00 -07:00",
      "2026-11-01T08:15Z 2026-11-01 01:15 | 2026-11-01 01:15 -07:00",
      "2026-11-01T08:30Z 2026-11-01 01:30 | 2026-11-01 01:30 -07:00",
      "2026-11-01T08:45Z 2026-11-01 01:45 | 2026-11-01 01:45 -07:00",
      "2026-11-01T09:00Z 2026-11-01 01:00 | 2026-11-01 01:00 -08:00",
      "2026-11-01T09:15Z 2026-11-01 01:15 | 2026-11-01 01:15 -08:00",
      "2026-11-01T09:30Z 2026-11-01 01:30 | 2026-11-01 01:30 -08:00",
      "2026-11-01T09:45Z 2026-11-01 01:45 | 2026-11-01 01:45 -08:00",
      "2026-11-01T10:00Z 2026-11-01 02:00 | 2026-11-01 02:00 -08:00",
    ],
  },
  {
    name: "mentor's fall-back night: a range ending at 01:30 ends the first time the clock shows it",
    availability: { timeZone: LA, weekly: { sun: [{ start: "00:00", end: "01:30" }] }, horizonDays: 2 },
    now: "2026-10-31T00:00Z",
    duration: 30,
    viewer: LA,
    expected: [
      "2026-11-01T07:00Z 2026-11-01 00:00 | 2026-11-01 00:00 -07:00",
      "2026-11-01T07:15Z 2026-11-01 00:15 | 2026-11-01 00:15 -07:00",
      "2026-11-01T07:30Z 2026-11-01 00:30 | 2026-11-01 00:30 -07:00",
      "2026-11-01T07:45Z 2026-11-01 00:45 | 2026-11-01 00:45 -07:00",
      "2026-11-01T08:00Z 2026-11-01 01:00 | 2026-11-01 01:00 -07:00",
    ],
  },
  {
    name: "viewer's spring-forward night: the viewer's clock skips 02:00–02:59, the mentor's does not",
    availability: { timeZone: "Asia/Tokyo", weekly: { sun: [{ start: "17:00", end: "20:00" }] }, horizonDays: 2 },
    now: "2026-03-07T00:00Z",
    duration: 30,
    viewer: LA,
    expected: [
      "2026-03-08T08:00Z 2026-03-08 00:00 | 2026-03-08 17:00 +09:00",
      "2026-03-08T08:15Z 2026-03-08 00:15 | 2026-03-08 17:15 +09:00",
      "2026-03-08T08:30Z 2026-03-08 00:30 | 2026-03-08 17:30 +09:00",
      "2026-03-08T08:45Z 2026-03-08 00:45 | 2026-03-08 17:45 +09:00",
      "2026-03-08T09:00Z 2026-03-08 01:00 | 2026-03-08 18:00 +09:00",
      "2026-03-08T09:15Z 2026-03-08 01:15 | 2026-03-08 18:15 +09:00",
      "2026-03-08T09:30Z 2026-03-08 01:30 | 2026-03-08 18:30 +09:00",
      "2026-03-08T09:45Z 2026-03-08 01:45 | 2026-03-08 18:45 +09:00",
      "2026-03-08T10:00Z 2026-03-08 03:00 | 2026-03-08 19:00 +09:00",
      "2026-03-08T10:15Z 2026-03-08 03:15 | 2026-03-08 19:15 +09:00",
      "2026-03-08T10:30Z 2026-03-08 03:30 | 2026-03-08 19:30 +09:00",
    ],
  },
  {
    name: "viewer's fall-back night: the viewer sees 01:00–01:30 twice, in time order",
    availability: { timeZone: "Asia/Tokyo", weekly: { sun: [{ start: "17:00", end: "19:00" }] }, horizonDays: 2 },
    now: "2026-10-31T00:00Z",
    duration: 30,
    viewer: LA,
    expected: [
      "2026-11-01T08:00Z 2026-11-01 01:00 | 2026-11-01 17:00 +09:00",
      "2026-11-01T08:15Z 2026-11-01 01:15 | 2026-11-01 17:15 +09:00",
      "2026-11-01T08:30Z 2026-11-01 01:30 | 2026-11-01 17:30 +09:00",
      "2026-11-01T08:45Z 2026-11-01 01:45 | 2026-11-01 17:45 +09:00",
      "2026-11-01T09:00Z 2026-11-01 01:00 | 2026-11-01 18:00 +09:00",
      "2026-11-01T09:15Z 2026-11-01 01:15 | 2026-11-01 18:15 +09:00",
      "2026-11-01T09:30Z 2026-11-01 01:30 | 2026-11-01 18:30 +09:00",
    ],
  },
  {
    name: "22 hours apart: a Kiritimati Monday morning is a Los Angeles Sunday",
    availability: { timeZone: "Pacific/Kiritimati", weekly: { mon: [{ start: "09:00", end: "10:00" }] }, horizonDays: 7 },
    now: "2026-11-20T00:00Z",
    duration: 60,
    viewer: LA,
    expected: ["2026-11-22T19:00Z 2026-11-22 11:00 | 2026-11-23 09:00 +14:00"],
  },
  {
    name: "22 hours apart the other way: a Los Angeles Sunday evening is a Kiritimati Monday",
    availability: { timeZone: LA, weekly: { sun: [{ start: "20:00", end: "21:00" }] }, horizonDays: 7 },
    now: "2026-11-20T00:00Z",
    duration: 60,
    viewer: "Pacific/Kiritimati",
    expected: ["2026-11-23T04:00Z 2026-11-23 18:00 | 2026-11-22 20:00 -08:00"],
  },
  {
    name: "Auckland range across midnight (22:00–02:00) seen from London",
    availability: NZ_FRIDAY_NIGHT,
    now: "2026-11-26T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: NZ_FRIDAY_NIGHT_SLOTS,
  },
  {
    name: "a day off on the next date does not cut short the range that started the night before",
    availability: { ...NZ_FRIDAY_NIGHT, overrides: { "2026-11-28": [] } },
    now: "2026-11-26T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: NZ_FRIDAY_NIGHT_SLOTS,
  },
  {
    name: "a day off on the range's own date removes it",
    availability: { ...NZ_FRIDAY_NIGHT, overrides: { "2026-11-27": [] } },
    now: "2026-11-26T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [],
  },
  {
    name: "an override with different hours replaces the weekday's",
    availability: { ...NZ_FRIDAY_NIGHT, overrides: { "2026-11-27": [{ start: "23:00", end: "00:30" }] } },
    now: "2026-11-26T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [
      "2026-11-27T10:00Z 2026-11-27 10:00 | 2026-11-27 23:00 +13:00",
      "2026-11-27T10:15Z 2026-11-27 10:15 | 2026-11-27 23:15 +13:00",
      "2026-11-27T10:30Z 2026-11-27 10:30 | 2026-11-27 23:30 +13:00",
    ],
  },
  {
    name: "now falls inside yesterday's (mentor's) range across midnight: its rest is still offered",
    availability: NZ_FRIDAY_NIGHT,
    now: "2026-11-27T11:30Z",
    duration: 60,
    viewer: "Europe/London",
    expected: NZ_FRIDAY_NIGHT_SLOTS.slice(-3),
  },
  {
    name: "an override on London's spring-forward day (01:00→02:00)",
    availability: { weekly: { sun: [{ start: "09:00", end: "17:00" }] }, overrides: { "2026-03-29": [{ start: "00:00", end: "03:00" }] }, horizonDays: 2 },
    now: "2026-03-28T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [
      "2026-03-29T00:00Z 2026-03-29 00:00 | 2026-03-29 00:00 +00:00",
      "2026-03-29T00:15Z 2026-03-29 00:15 | 2026-03-29 00:15 +00:00",
      "2026-03-29T00:30Z 2026-03-29 00:30 | 2026-03-29 00:30 +00:00",
      "2026-03-29T00:45Z 2026-03-29 00:45 | 2026-03-29 00:45 +00:00",
      "2026-03-29T01:00Z 2026-03-29 02:00 | 2026-03-29 02:00 +01:00",
    ],
  },
  {
    name: "an override on London's fall-back day starting in the repeated hour starts at its first 01:00",
    availability: { overrides: { "2026-10-25": [{ start: "01:00", end: "03:00" }] }, horizonDays: 2 },
    now: "2026-10-24T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [
      "2026-10-25T00:00Z 2026-10-25 01:00 | 2026-10-25 01:00 +01:00",
      "2026-10-25T00:15Z 2026-10-25 01:15 | 2026-10-25 01:15 +01:00",
      "2026-10-25T00:30Z 2026-10-25 01:30 | 2026-10-25 01:30 +01:00",
      "2026-10-25T00:45Z 2026-10-25 01:45 | 2026-10-25 01:45 +01:00",
      "2026-10-25T01:00Z 2026-10-25 01:00 | 2026-10-25 01:00 +00:00",
      "2026-10-25T01:15Z 2026-10-25 01:15 | 2026-10-25 01:15 +00:00",
      "2026-10-25T01:30Z 2026-10-25 01:30 | 2026-10-25 01:30 +00:00",
      "2026-10-25T01:45Z 2026-10-25 01:45 | 2026-10-25 01:45 +00:00",
      "2026-10-25T02:00Z 2026-10-25 02:00 | 2026-10-25 02:00 +00:00",
    ],
  },
  {
    name: "Auckland's fall-back night seen from London (already on summer time): the mentor's clock runs back",
    availability: { timeZone: "Pacific/Auckland", weekly: { sun: [{ start: "02:30", end: "03:30" }] }, horizonDays: 2 },
    now: "2026-04-04T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [
      "2026-04-04T13:30Z 2026-04-04 14:30 | 2026-04-05 02:30 +13:00",
      "2026-04-04T13:45Z 2026-04-04 14:45 | 2026-04-05 02:45 +13:00",
      "2026-04-04T14:00Z 2026-04-04 15:00 | 2026-04-05 02:00 +12:00",
      "2026-04-04T14:15Z 2026-04-04 15:15 | 2026-04-05 02:15 +12:00",
      "2026-04-04T14:30Z 2026-04-04 15:30 | 2026-04-05 02:30 +12:00",
    ],
  },
  {
    name: "ranges of two days that cover the same time give each start once",
    availability: { weekly: { mon: [{ start: "23:00", end: "01:00" }], tue: [{ start: "00:00", end: "01:00" }] }, horizonDays: 2 },
    now: "2026-11-23T00:00Z",
    duration: 60,
    viewer: "Europe/London",
    expected: [
      "2026-11-23T23:00Z 2026-11-23 23:00 | 2026-11-23 23:00 +00:00",
      "2026-11-23T23:15Z 2026-11-23 23:15 | 2026-11-23 23:15 +00:00",
      "2026-11-23T23:30Z 2026-11-23 23:30 | 2026-11-23 23:30 +00:00",
      "2026-11-23T23:45Z 2026-11-23 23:45 | 2026-11-23 23:45 +00:00",
      "2026-11-24T00:00Z 2026-11-24 00:00 | 2026-11-24 00:00 +00:00",
    ],
  },
];

describe("planSlots", () => {
  it.each(CASES)("$name", (c) => {
    const days = planSlots({
      nowMs: at(c.now),
      availability: availability(c.availability),
      busy: c.busy ?? [],
      durationMinutes: c.duration,
      viewerTimeZone: c.viewer,
    });
    expect(lines(days)).toEqual(c.expected);
    // Grouped by the viewer's date, one group per date, in order.
    for (const day of days) expect(day.slots.every((slot) => slot.viewerDate === day.date)).toBe(true);
    expect(days.map((day) => day.date)).toEqual([...new Set(lines(days).map((text) => text.split(" ")[1]))]);
    for (const slot of days.flatMap((day) => day.slots)) expect(slot.endMs - slot.startMs).toBe(c.duration * 60_000);
  });

  it("groups by the viewer's date, which can differ from the mentor's", () => {
    const days = planSlots({
      nowMs: at("2026-11-26T00:00Z"),
      availability: availability(NZ_FRIDAY_NIGHT),
      busy: [],
      durationMinutes: 60,
      viewerTimeZone: "Pacific/Auckland",
    });
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ["2026-11-27", 8],
      ["2026-11-28", 5],
    ]);
  });

  it.each([0, 20, 90, 30.5, Number.NaN])("refuses a %s-minute session", (duration) => {
    expect(() =>
      planSlots({ nowMs: 0, availability: availability({ weekly: LONDON_MONDAY }), busy: [], durationMinutes: duration, viewerTimeZone: "Europe/London" }),
    ).toThrow(RangeError);
  });

  it.each(["Mars/Olympus", "Factory"])("refuses the viewer time zone %s", (zone) => {
    expect(() =>
      planSlots({ nowMs: 0, availability: availability({ weekly: LONDON_MONDAY }), busy: [], durationMinutes: 30, viewerTimeZone: zone }),
    ).toThrow(/is not an IANA time zone/);
  });

  it("the grid premise holds: every zone scheduling accepts works with Temporal and has an offset in whole quarter-hours", () => {
    const zones = IANA_TIME_ZONES.filter(isSchedulingTimeZone);
    expect(zones.length).toBeGreaterThan(500);
    const odd: string[] = [];
    for (const zone of zones) {
      for (const iso of ["2026-01-15T12:00Z", "2026-07-15T12:00Z", "2027-01-15T12:00Z", "2027-07-15T12:00Z"]) {
        const offsetNs = Temporal.Instant.from(iso).toZonedDateTimeISO(zone).offsetNanoseconds;
        if (offsetNs % (15 * 60 * 1e9) !== 0) odd.push(`${zone} at ${iso}`);
      }
    }
    expect(odd).toEqual([]);
  });

  it("offers every quarter-hour of an always-open week once, within the horizon", () => {
    const allDay = [{ start: "00:00", end: "24:00" }];
    const days = planSlots({
      nowMs: at("2026-11-22T00:00Z"),
      availability: availability({ weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, horizonDays: 7 }),
      busy: [],
      durationMinutes: 30,
      viewerTimeZone: "Europe/London",
    });
    const starts = days.flatMap((day) => day.slots.map((slot) => slot.startMs));
    // From now to now + 7 days inclusive: 7 × 96 quarter-hours + the last instant itself.
    expect(starts.length).toBe(7 * 96 + 1);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts[0]).toBe(at("2026-11-22T00:00Z"));
    expect(starts.at(-1)).toBe(at("2026-11-29T00:00Z"));
  });
});

describe("wallClockToEpochMs", () => {
  it.each<[string, string, number, string]>([
    ["an ordinary time", "2026-11-23", 9 * 60, "2026-11-23T09:00:00.000Z"],
    ["minutes past 24 h land on the next day", "2026-11-23", 25 * 60, "2026-11-24T01:00:00.000Z"],
    ["in the spring-forward gap: the jump", "2026-03-29", 90, "2026-03-29T01:00:00.000Z"],
    ["the first minute after the gap", "2026-03-29", 120, "2026-03-29T01:00:00.000Z"],
    ["in the repeated hour: the first one", "2026-10-25", 90, "2026-10-25T00:30:00.000Z"],
  ])("%s", (_name, date, minutes, expected) => {
    expect(new Date(wallClockToEpochMs(Temporal.PlainDate.from(date), minutes, "Europe/London")).toISOString()).toBe(expected);
  });
});

describe("openRanges", () => {
  it("includes the day before the window for ranges that cross midnight, and tags each with its own date", () => {
    const ranges = openRanges(availability(NZ_FRIDAY_NIGHT), at("2026-11-27T11:30Z"), at("2026-11-27T12:00Z"));
    expect(ranges).toEqual([{ startMs: at("2026-11-27T09:00Z"), endMs: at("2026-11-27T13:00Z"), mentorDate: "2026-11-27" }]);
  });
});
