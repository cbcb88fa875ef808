using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using static Scr.Core.Tests.Rules.Chronology.Entries;

namespace Scr.Core.Tests.Rules.Chronology;

public class ChronologyGapsTests
{
    private static IReadOnlyList<ChronologyEntry> Chronology(params ChronologyEntry[] entries) => ChronologyMerge.Sort(entries);

    private static (string? Agency, string From, string To, int Days) Shown(ChronologyGap gap) =>
        (gap.Agency, gap.From.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            gap.To.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), gap.Days);

    [Fact]
    public void Overall_OnlyPeriodsLongerThanTheThreshold_AcrossAllAgencies()
    {
        var entries = Chronology(
            E("01/01/2003", "Police"),
            E("20/01/2003", "Health"),
            E("17/02/2003", "Police"),  // 28 days after 20/01: not longer than 28
            E("18/03/2003", "Health"),  // 29 days: a gap
            E("01/06/2003", "School")); // 75 days: a gap

        var report = ChronologyGapFinder.Find(entries, new ChronologyGapOptions(28));

        report.Overall.Select(Shown).ShouldBe([(null, "17/02/2003", "18/03/2003", 29), (null, "18/03/2003", "01/06/2003", 75)]);
        report.ByAgency.ShouldBeEmpty();
    }

    [Fact]
    public void Supervision_AndDatesWithoutTheDay_NeitherOpenNorCloseAGap()
    {
        var entries = Chronology(
            E("01/01/2003", "Police"),
            E("15/01/2003", "Health", type: ContactType.Supervision),
            E("Apr 2003", "School"),
            E("c. 10/02/2003", "Health"), // approximate, but dated to the day: a contact
            E("30/04/2003", "Police"));

        var report = ChronologyGapFinder.Find(entries, new ChronologyGapOptions(30));

        // Supervision on 15/01 and "Apr 2003" would each have split a gap; c. 10/02/2003 does.
        report.Overall.Select(Shown).ShouldBe([(null, "01/01/2003", "10/02/2003", 40), (null, "10/02/2003", "30/04/2003", 79)]);
    }

    [Fact]
    public void PeriodUnderReview_GapsAtItsStartAndEnd_CutToIt()
    {
        var entries = Chronology(
            E("01/11/2002", "Police"),  // before the period: contact, but the gap is cut to the period
            E("15/03/2003", "Health"),
            E("20/03/2003", "Police"));

        var report = ChronologyGapFinder.Find(entries, new ChronologyGapOptions(28, new DateOnly(2003, 1, 1), new DateOnly(2003, 6, 30)));

        report.Overall.Select(Shown).ShouldBe([(null, "01/01/2003", "15/03/2003", 73), (null, "20/03/2003", "30/06/2003", 102)]);
    }

    [Fact]
    public void ExpectedAgency_ItsOwnGaps_EvenWhenOthersWereInTouch()
    {
        var entries = Chronology(
            E("01/01/2003", "Health visiting"),
            E("10/01/2003", "Police"),
            E("20/01/2003", "Police"),
            E("30/01/2003", "Police"),
            E("25/02/2003", "Police"),
            E("15/03/2003", "health visiting"),
            E("20/03/2003", "Police"));

        var report = ChronologyGapFinder.Find(entries, new ChronologyGapOptions(28, ExpectedAgencies: ["Health Visiting"]));

        report.Overall.ShouldBeEmpty("some agency was in touch at least every 28 days");
        report.ByAgency.Select(Shown).ShouldBe([("Health Visiting", "01/01/2003", "15/03/2003", 73)]);
    }

    [Fact]
    public void ExpectedAgency_WithNoEntries_TheWholePeriodIsAGap()
    {
        var entries = Chronology(E("01/01/2003", "Police"), E("20/01/2003", "Police"), E("10/02/2003", "Police"));

        ChronologyGapFinder.Find(entries, new ChronologyGapOptions(28, ExpectedAgencies: ["School"])).ByAgency.Select(Shown)
            .ShouldBe([("School", "01/01/2003", "10/02/2003", 40)]);
        ChronologyGapFinder.Find(entries, new ChronologyGapOptions(28, new DateOnly(2002, 12, 1), new DateOnly(2003, 3, 31), ["School"])).ByAgency.Select(Shown)
            .ShouldBe([("School", "01/12/2002", "31/03/2003", 120)]);
    }

    [Fact]
    public void NoEntries_WithAPeriod_TheWholePeriod()
    {
        ChronologyGapFinder.Find([], new ChronologyGapOptions(28, new DateOnly(2003, 1, 1), new DateOnly(2003, 3, 1))).Overall.Select(Shown)
            .ShouldBe([(null, "01/01/2003", "01/03/2003", 59)]);
        ChronologyGapFinder.Find([], new ChronologyGapOptions(28)).Overall.ShouldBeEmpty();
    }

    [Fact]
    public void EntriesOutOfOrder_AreRefused()
    {
        Should.Throw<ArgumentException>(() => ChronologyGapFinder.Find([E("10/01/2003", "Police"), E("01/01/2003", "Police")], new ChronologyGapOptions(28)));
    }
}
