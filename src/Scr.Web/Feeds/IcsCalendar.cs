using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Scr.Core.Services.Deadlines;

namespace Scr.Web.Feeds;

/// <summary>A person's deadlines as an iCalendar (RFC 5545) document, for the calendar feed.</summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// One VEVENT per deadline: the summary says what is due and the case reference (never a child's name), an all-day
    /// event on the due date or a timed one at the moment it is due, a UID that stays the same for the deadline whatever
    /// happens to it, the rule's basis as the description, and the case's address (its timetable, for a review's milestone).
    /// </summary>
    public static string Write(IEnumerable<CaseDeadline> deadlines, string publicUrl, DateTimeOffset now)
    {
        var calendar = new Calendar
        {
            ProductId = "-//scr//Serious case reviews//EN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", "Serious case reviews: deadlines");
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        foreach (var item in deadlines)
        {
            var deadline = item.Deadline;
            var done = item.IsDone ? ", done" : "";
            var calendarEvent = new CalendarEvent
            {
                Uid = Uid(item),
                Summary = $"{deadline.Title} ({item.Reference}{done})",
                Description = deadline.Rule.Basis,
                Url = new Uri($"{publicUrl.TrimEnd('/')}/cases/{item.ReviewId}{(deadline.IsMilestone ? "/timetable" : "")}"),
                DtStamp = stamp,
            };
            if (deadline.IsAllDay)
            {
                calendarEvent.DtStart = new CalDateTime(deadline.DueDate);
                calendarEvent.DtEnd = new CalDateTime(deadline.DueDate.AddDays(1));
            }
            else
            {
                calendarEvent.DtStart = new CalDateTime(deadline.Due.UtcDateTime, "UTC");
            }
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The same for a deadline across every read of the feed, so calendars update the event rather than add one.</summary>
    public static string Uid(CaseDeadline deadline) => $"{deadline.ReviewId:N}.{deadline.Deadline.Key.Replace(':', '.')}@scr";
}
