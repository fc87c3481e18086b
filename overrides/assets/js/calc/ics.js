// An iCalendar event (RFC 5545) for a calculator's due moment, written in the browser.
// calculator.js imports it only when the reader asks for it ("Add to calendar").
import { downloadText } from "../clipboard.js";

const stamp = (date) => `${date.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
const compact = (iso) => iso.replace(/-/g, "");

// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11).
const escape = (text) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

// A line longer than 75 octets goes on in lines that start with a space (3.1), never
// splitting a character's UTF-8 bytes.
function fold(line) {
  const encoder = new TextEncoder();
  let out = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > 75) {
      out += "\r\n ";
      size = 1;
    }
    out += char;
    size += bytes;
  }
  return out;
}

// due: "YYYY-MM-DD" (a whole day) or "YYYY-MM-DDTHH:MM", a wall-clock moment that the
// reader's own time zone turns into UTC (so a calendar elsewhere shows the same instant).
export function calendarEvent({ due, title, description, url, now = new Date() }) {
  const [y, m, d, hh, mm] = due.split(/[-T:]/).map(Number);
  const when = due.length === 10
    ? [`DTSTART;VALUE=DATE:${compact(due)}`, `DTEND;VALUE=DATE:${compact(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10))}`]
    : [`DTSTART:${stamp(new Date(y, m - 1, d, hh, mm))}`];
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Trato claro - Clear Deal//Calculators//EN",
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT", `UID:${crypto.randomUUID()}@trato-claro`,
    `DTSTAMP:${stamp(now)}`, ...when, `SUMMARY:${escape(title)}`, `DESCRIPTION:${escape(description)}`,
    `URL:${url}`, "END:VEVENT", "END:VCALENDAR"];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

// The download for a calculator's answer ({result, sentence, url}); returns the message to show.
export function download({ result, sentence, url }, key, name, t) {
  const due = result[key];
  const event = calendarEvent({ due, title: t[`calc.${name}.ics_title`], description: sentence, url });
  const file = t["calc.common.ics_file"]; // outside the template literal, where the unused-key test sees it
  downloadText(`${file}-${due.slice(0, 10)}.ics`, event, "text/calendar");
  return t["calc.common.ics_saved"];
}
