import type { CalendarEvent } from "@oha/domain";
import ICAL from "ical.js";

// ical.js folds after 75 octets of content, and a continuation line starts with a space: 74 keeps
// every line, the space included, within the 75 octets RFC 5545 (3.1) allows.
ICAL.foldLength = 74;

/** iCalendar's UTC form of an instant: 20240313T080000Z. */
function utc(instant: string): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(instant), true);
}

/**
 * Writes a meeting's calendar event as an iCalendar file (RFC 5545, `METHOD:REQUEST`): one VEVENT
 * with UID and SEQUENCE (so calendars update instead of duplicating), start and end in UTC, place,
 * the agenda in the description, the office as organiser and every invited member as attendee.
 * Members without an e-mail address get a `urn:oha:contact:` address, so they are listed but no
 * calendar server tries to mail them.
 *
 * @example
 * const ics = renderIcs(event.value); // "BEGIN:VCALENDAR\r\n…"
 */
export function renderIcs(event: CalendarEvent): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.updatePropertyWithValue("prodid", "-//OHA//Koordinierung Übergang Schule-Beruf//DE");
  calendar.updatePropertyWithValue("version", "2.0");
  calendar.updatePropertyWithValue("calscale", "GREGORIAN");
  calendar.updatePropertyWithValue("method", "REQUEST");
  const vevent = new ICAL.Component("vevent");
  vevent.updatePropertyWithValue("uid", event.uid);
  vevent.updatePropertyWithValue("sequence", event.sequence);
  vevent.updatePropertyWithValue("dtstamp", utc(event.lastModified));
  vevent.updatePropertyWithValue("last-modified", utc(event.lastModified));
  vevent.updatePropertyWithValue("dtstart", utc(event.start));
  vevent.updatePropertyWithValue("dtend", utc(event.end));
  vevent.updatePropertyWithValue("summary", event.summary);
  vevent.updatePropertyWithValue("description", event.description);
  if (event.location) vevent.updatePropertyWithValue("location", event.location);
  vevent.updatePropertyWithValue("status", event.status);
  const organizer = vevent.updatePropertyWithValue(
    "organizer",
    event.organizer.email ? `mailto:${event.organizer.email}` : "urn:oha:organizer",
  );
  organizer.setParameter("cn", event.organizer.name);
  for (const attendee of event.attendees) {
    const property = new ICAL.Property("attendee");
    property.setValue(attendee.email ? `mailto:${attendee.email}` : `urn:oha:contact:${attendee.contactId}`);
    property.setParameter("cn", attendee.name);
    property.setParameter("role", attendee.role);
    property.setParameter("partstat", "NEEDS-ACTION");
    property.setParameter("rsvp", attendee.email ? "TRUE" : "FALSE");
    property.setParameter("cutype", "INDIVIDUAL");
    vevent.addProperty(property);
  }
  calendar.addSubcomponent(vevent);
  return calendar.toString();
}
