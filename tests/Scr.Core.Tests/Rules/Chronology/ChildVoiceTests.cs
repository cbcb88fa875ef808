using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using static Scr.Core.Tests.Rules.Chronology.Entries;

namespace Scr.Core.Tests.Rules.Chronology;

public class ChildVoiceTests
{
    private static string? Shown(ChronologyStretch? stretch) => stretch is null ? null
        : $"{ChronologyDates.FormatDate(ChronologyDate.On(stretch.From))} to {ChronologyDates.FormatDate(ChronologyDate.On(stretch.To))} ({stretch.Days})";

    private static readonly IReadOnlyList<ChronologyEntry> Case = ChronologyMerge.Sort(
    [
        E("06/01/2003", "Health visiting", seen: ChildSeen.Yes),
        E("20/01/2003", "Police", seen: ChildSeen.No),
        E("03/02/2003", "Health visiting", seen: ChildSeen.Yes, wishes: "Said she liked nursery"),
        E("10/02/2003", "Police", type: ContactType.Supervision, seen: ChildSeen.Yes), // supervision: not a contact
        E("Mar 2003", "School", seen: ChildSeen.Yes),                                  // counted; no stretch
        E("14/04/2003", "Police"),
        E("02/06/2003", "Health visiting", seen: ChildSeen.No),
        E("30/07/2003", "Health visiting", seen: ChildSeen.Yes),
        E("15/10/2003", "Police", seen: ChildSeen.Yes),
    ]);

    [Fact]
    public void Total_CountsAmongContacts()
    {
        var report = ChildVoiceCounter.Count(Case);

        report.Total.ShouldBe(new ChildVoiceCounts(8, 5, 2, 1, 1));
        report.Total.SeenPercent.ShouldBe(63); // 5 of 8 = 62.5, halves up
        report.Total.WishesPercent.ShouldBe(13);
    }

    [Fact]
    public void Longest_WithoutSeen_WithoutWishes_WithoutEither()
    {
        var report = ChildVoiceCounter.Count(Case);

        Shown(report.Longest.WithoutSeen).ShouldBe("03/02/2003 to 30/07/2003 (177)");
        Shown(report.Longest.WithoutWishes).ShouldBe("03/02/2003 to 15/10/2003 (254)", "heard once, then never again");
        Shown(report.Longest.WithoutEither).ShouldBe("03/02/2003 to 30/07/2003 (177)");
    }

    [Fact]
    public void ByAgency_EachWithinItsOwnEntries_Alphabetically()
    {
        var report = ChildVoiceCounter.Count(Case);

        report.ByAgency.Select(a => a.Agency).ShouldBe(["Health visiting", "Police", "School"]);
        var health = report.ByAgency[0];
        health.Counts.ShouldBe(new ChildVoiceCounts(4, 3, 1, 0, 1));
        Shown(health.Longest.WithoutSeen).ShouldBe("03/02/2003 to 30/07/2003 (177)");
        var police = report.ByAgency[1];
        police.Counts.ShouldBe(new ChildVoiceCounts(3, 1, 1, 1, 0));
        Shown(police.Longest.WithoutSeen).ShouldBe("20/01/2003 to 15/10/2003 (268)", "from its first contact to the first time it saw the child");
        Shown(police.Longest.WithoutWishes).ShouldBe("20/01/2003 to 15/10/2003 (268)");
        var school = report.ByAgency[2];
        school.Counts.ShouldBe(new ChildVoiceCounts(1, 1, 0, 0, 0));
        school.Longest.ShouldBe(new ChildVoiceStretches(null, null, null), "a month alone marks no stretch");
    }

    [Fact]
    public void ByPeriod_Quarters_EmptyOnesIncluded()
    {
        var entries = ChronologyMerge.Sort([.. Case, E("20/03/2004", "Police", seen: ChildSeen.Yes)]);

        var report = ChildVoiceCounter.Count(entries, ChronologyPeriod.Quarter);

        report.ByPeriod.Select(p => (p.Label, p.Counts.Contacts, p.Counts.Seen)).ShouldBe(
        [
            ("Q1 2003", 4, 3),
            ("Q2 2003", 2, 0),
            ("Q3 2003", 1, 1),
            ("Q4 2003", 1, 1),
            ("Q1 2004", 1, 1),
        ]);
        report.ByPeriod[1].Start.ShouldBe(new DateOnly(2003, 4, 1));
        report.ByPeriod[1].End.ShouldBe(new DateOnly(2003, 6, 30));
    }

    [Fact]
    public void ByPeriod_Months_WithTheGapMonthsShownEmpty()
    {
        var report = ChildVoiceCounter.Count(ChronologyMerge.Sort([E("31/01/2003", "Police"), E("01/04/2003", "Police", seen: ChildSeen.Yes)]), ChronologyPeriod.Month);

        report.ByPeriod.Select(p => (p.Label, p.Counts.Contacts)).ShouldBe([("Jan 2003", 1), ("Feb 2003", 0), ("Mar 2003", 0), ("Apr 2003", 1)]);
        ChildVoiceCounter.Count(Case, ChronologyPeriod.Year).ByPeriod.Select(p => p.Label).ShouldBe(["2003"]);
    }

    [Fact]
    public void NothingRecorded_NoPercentages()
    {
        var report = ChildVoiceCounter.Count([]);

        report.Total.ShouldBe(ChildVoiceCounts.None);
        report.Total.SeenPercent.ShouldBeNull();
        report.ByAgency.ShouldBeEmpty();
        report.ByPeriod.ShouldBeEmpty();
    }
}
