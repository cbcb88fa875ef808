using Scr.Core.Models;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Tests.Rules.Chronology;

/// <summary>The chronology by agency and day, as the swimlane of the whole chronology draws it.</summary>
public class ChronologyTimelineTests
{
    private static ChronologyEntry Entry(string agency, int day, ChildSeen seen) =>
        new() { Agency = agency, Date = new DateOnly(2024, 3, day), ChildSeen = seen, PractitionerRole = "worker", WhatHappened = "Contact" };

    [Fact]
    public void Days_CountEachAgencysEntriesOfADayByChildSeen_AgencyNamesIgnoringCase_InDateOrder()
    {
        var days = ChronologyTimeline.Days([
            Entry("Police", 5, ChildSeen.Yes),
            Entry("Health", 1, ChildSeen.NotRecorded),
            Entry("police", 5, ChildSeen.No),
            Entry("Police", 5, ChildSeen.Yes),
            Entry("Health", 5, ChildSeen.No),
        ]);

        days.ShouldBe([
            new ChronologyDay("Health", new DateOnly(2024, 3, 1), 0, 0, 1),
            new ChronologyDay("Health", new DateOnly(2024, 3, 5), 0, 1, 0),
            new ChronologyDay("Police", new DateOnly(2024, 3, 5), 2, 1, 0),
        ]);
        days.Sum(d => d.Entries).ShouldBe(5);
        ChronologyTimeline.Days([]).ShouldBeEmpty();
    }
}
