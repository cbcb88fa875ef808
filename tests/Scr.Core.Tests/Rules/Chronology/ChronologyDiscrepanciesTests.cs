using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using static Scr.Core.Tests.Rules.Chronology.Entries;

namespace Scr.Core.Tests.Rules.Chronology;

public class ChronologyDiscrepanciesTests
{
    private static IReadOnlyList<ChronologyDiscrepancy> Find(params ChronologyEntry[] entries) =>
        ChronologyDiscrepancyFinder.Find(ChronologyMerge.Sort(entries));

    [Fact]
    public void SameStrategyDiscussion_OneSaysSeen_TheOtherNot()
    {
        var found = Find(
            E("12/03/2003 10:00", "Police", 14, ContactType.StrategyDiscussion, ChildSeen.Yes),
            E("12/03/2003 10:30", "Children's social care", 40, ContactType.StrategyDiscussion, ChildSeen.No),
            E("12/03/2003 10:00", "Health visiting", 7, ContactType.StrategyDiscussion));

        var discrepancy = found.ShouldHaveSingleItem();
        discrepancy.Kind.ShouldBe(DiscrepancyKind.ChildSeen);
        discrepancy.Date.ShouldBe(new DateOnly(2003, 3, 12));
        discrepancy.Description.ShouldBe("On 12/03/2003, Police recorded the child as seen at a strategy discussion (10:00, row 14); "
            + "Children's social care recorded the child as not seen at a strategy discussion (10:30, row 40).");
    }

    [Fact]
    public void NamedAsPresent_OtherAgencyHasNoEntryThatDay_NoRecord()
    {
        var found = Find(
            E("05/05/2003 15:00", "Police", 20, present: "Mother; child; Health visiting"),
            E("04/05/2003", "Health visiting", 9),
            E("06/05/2003", "Health visiting", 10));

        var discrepancy = found.ShouldHaveSingleItem();
        discrepancy.Kind.ShouldBe(DiscrepancyKind.NoRecord);
        discrepancy.OtherAgency.ShouldBe("Health visiting");
        discrepancy.Other.ShouldBeNull();
        discrepancy.Description.ShouldBe("Police recorded a home visit with Health visiting present on 05/05/2003 (15:00, row 20); Health visiting has no entry that day.");
    }

    [Fact]
    public void NamedAsPresent_OtherAgencyRecordedItAlike_NoDiscrepancy()
    {
        Find(
            E("05/05/2003 15:00", "Police", 20, present: "Mother, Health visiting", seen: ChildSeen.Yes),
            E("05/05/2003 15:10", "Health visiting", 9, present: "Police and mother", seen: ChildSeen.Yes)).ShouldBeEmpty();
    }

    [Fact]
    public void NamedAsPresent_OtherAgencyRecordedAnotherKindOfContact_ContactType()
    {
        var found = Find(
            E("05/05/2003 15:00", "Police", 20, ContactType.HomeVisit, present: "Health visiting"),
            E("05/05/2003 15:30", "Health visiting", 9, ContactType.Phone));

        var discrepancy = found.ShouldHaveSingleItem();
        discrepancy.Kind.ShouldBe(DiscrepancyKind.ContactType);
        discrepancy.Other!.Row.ShouldBe(9);
        discrepancy.Description.ShouldBe("Police recorded a home visit with Health visiting present on 05/05/2003 (15:00, row 20); "
            + "Health visiting recorded a phone call (15:30, row 9).");
    }

    [Fact]
    public void NamedAsPresent_SameKindOfContact_PreferredOverAnotherAtTheSameTime()
    {
        var found = Find(
            E("05/05/2003 15:00", "Police", 20, ContactType.HomeVisit, ChildSeen.Yes, present: "Health visiting"),
            E("05/05/2003 15:00", "Health visiting", 9, ContactType.Phone),
            E("05/05/2003 15:20", "Health visiting", 10, ContactType.HomeVisit, ChildSeen.No));

        found.ShouldHaveSingleItem().Kind.ShouldBe(DiscrepancyKind.ChildSeen);
        found[0].Other!.Row.ShouldBe(10);
    }

    [Fact]
    public void DifferentTimes_MoreThanAnHourApart_NotTheSameEvent()
    {
        Find(
            E("12/03/2003 09:00", "Police", 14, ContactType.StrategyDiscussion, ChildSeen.Yes),
            E("12/03/2003 15:00", "Children's social care", 40, ContactType.StrategyDiscussion, ChildSeen.No)).ShouldBeEmpty();
    }

    [Fact]
    public void Untimed_MatchesAnyTimeThatDay()
    {
        Find(
            E("12/03/2003", "Police", 14, ContactType.CaseConference, ChildSeen.Yes),
            E("12/03/2003 15:00", "Children's social care", 40, ContactType.CaseConference, ChildSeen.No))
            .ShouldHaveSingleItem().Kind.ShouldBe(DiscrepancyKind.ChildSeen);
    }

    [Fact]
    public void NotRecorded_IsNotADisagreement_AndHomeVisitsAreNotMatchedWithoutBeingNamed()
    {
        Find(
            E("12/03/2003", "Police", 14, ContactType.CaseConference, ChildSeen.Yes),
            E("12/03/2003", "Children's social care", 40, ContactType.CaseConference, ChildSeen.NotRecorded),
            E("13/03/2003", "Police", 15, ContactType.HomeVisit, ChildSeen.Yes),
            E("13/03/2003", "Children's social care", 41, ContactType.HomeVisit, ChildSeen.No)).ShouldBeEmpty();
    }

    [Fact]
    public void Approximate_NeverMatched_ButCountsAsARecordThatDay()
    {
        Find(
            E("12/03/2003", "Police", 14, ContactType.CaseConference, ChildSeen.Yes, present: "Health visiting"),
            E("c. 12/03/2003", "Health visiting", 3, ContactType.CaseConference, ChildSeen.No)).ShouldBeEmpty();
    }

    [Fact]
    public void FoundFromBothSides_ReportedOnce()
    {
        Find(
            E("05/05/2003 15:00", "Police", 20, present: "Health visiting", seen: ChildSeen.Yes),
            E("05/05/2003 15:00", "Health visiting", 9, present: "Police", seen: ChildSeen.No))
            .ShouldHaveSingleItem().Kind.ShouldBe(DiscrepancyKind.ChildSeen);
    }

    [Fact]
    public void AgencyNames_ByWordsOfTheName_WhenTheyFitOne_NeverFamily()
    {
        var finder = new ChronologyDiscrepancyFinder(["Northbridge Police", "Health visiting", "Child and adolescent mental health service", "Westfield Primary School"],
            new Dictionary<string, IReadOnlyList<string>> { ["Health visiting"] = ["HV"] });

        finder.AgenciesNamedIn("Mother; child; PC from Northbridge Police", "Health visiting").ShouldBe(["Northbridge Police"]);
        finder.AgenciesNamedIn("police, HV & school", "Westfield Primary School").ShouldBe(["Northbridge Police", "Health visiting"]);
        finder.AgenciesNamedIn("health", "Northbridge Police").ShouldBeEmpty("'health' fits two agencies");
        finder.AgenciesNamedIn("mother and child", "Northbridge Police").ShouldBeEmpty();
        finder.AgenciesNamedIn("Northbridge Police", "northbridge police").ShouldBeEmpty("an agency does not name itself");
        finder.AgenciesNamedIn(null, "Northbridge Police").ShouldBeEmpty();
    }

    [Fact]
    public void OnlyAgenciesWithAChronology_CanHaveNoRecord()
    {
        Find(E("05/05/2003", "Police", 20, present: "Probation; Health visiting")).ShouldBeEmpty();
    }
}
