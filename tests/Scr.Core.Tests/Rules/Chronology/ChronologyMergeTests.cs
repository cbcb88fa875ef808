using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using static Scr.Core.Tests.Rules.Chronology.Entries;

namespace Scr.Core.Tests.Rules.Chronology;

public class ChronologyMergeTests
{
    [Fact]
    public void Merge_TwoAgencies_InTimeOrder()
    {
        var police = new[] { E("01/03/2003", "Police", 2), E("10/03/2003", "Police", 3), E("20/03/2003", "Police", 4) };
        var health = new[] { E("05/03/2003", "Health visiting", 2), E("15/03/2003", "Health visiting", 3) };

        var merged = ChronologyMerge.Merge([police, health]).Select(Key).ToList();

        merged.ShouldBe(["Police row 2", "Health visiting row 2", "Police row 3", "Health visiting row 3", "Police row 4"]);
    }

    [Fact]
    public void Merge_SameTime_ByAgencyAlphabetically_ThenInputOrder_WhateverTheOrderOfTheFiles()
    {
        var social = new[] { E("10/03/2003 10:00", "Social care", 2), E("10/03/2003 10:00", "Social care", 3) };
        var police = new[] { E("10/03/2003 10:00", "police", 2), E("10/03/2003 10:00", "police", 3) };
        var health = new[] { E("10/03/2003 10:00", "Health visiting", 2) };

        var merged = ChronologyMerge.Merge([social, police, health]).Select(Key).ToList();
        var otherOrder = ChronologyMerge.Merge([health, police, social]).Select(Key).ToList();

        merged.ShouldBe(["Health visiting row 2", "police row 2", "police row 3", "Social care row 2", "Social care row 3"]);
        otherOrder.ShouldBe(merged);
    }

    [Fact]
    public void Merge_OneAgencyInTwoFiles_SameTime_FileOrderThenRows()
    {
        var first = new[] { E("10/03/2003", "Police", 5) };
        var second = new[] { E("10/03/2003", "Police", 2) };

        ChronologyMerge.Merge([first, second]).Select(Key).ToList().ShouldBe(["Police row 5", "Police row 2"]);
    }

    [Fact]
    public void Order_UntimedBeforeTimed_WiderPeriodsFirst_AtTheStartOfTheirPeriod()
    {
        var entries = new[]
        {
            E("01/03/2003 09:00", "A", 2),
            E("01/03/2003", "A", 3),
            E("March 2003", "A", 4),
            E("2003", "A", 5),
            E("28/02/2003 23:00", "A", 6),
            E("02/03/2003", "A", 7),
            E("c. 15/03/2003", "A", 8),
            E("15/03/2003 08:00", "A", 9),
        };

        var sorted = ChronologyMerge.Sort(entries).Select(e => e.Row).ToList();

        // 2003 (1 Jan) | 28/02 23:00 | Mar 2003 (1 Mar, before the days of 1 March) | 01/03 untimed | 01/03 09:00 | 02/03 | c. 15/03 | 15/03 08:00
        sorted.ShouldBe([5, 6, 4, 3, 2, 7, 8, 9]);
    }

    [Fact]
    public void Merge_ApproximateDates_StandAtTheStartOfTheirPeriod_AndStayFlagged()
    {
        var school = new[] { E("c. 03/2003", "School", 2), E("2004", "School", 3) };
        var police = new[] { E("28/02/2003", "Police", 2), E("01/03/2003", "Police", 3), E("31/12/2003", "Police", 4), E("01/01/2004 10:00", "Police", 5) };

        var merged = ChronologyMerge.Merge([school, police]).ToList();

        merged.Select(Key).ShouldBe(["Police row 2", "School row 2", "Police row 3", "Police row 4", "School row 3", "Police row 5"]);
        merged.Where(e => e.Agency == "School").ShouldAllBe(e => e.Approximate);
    }

    [Fact]
    public void Groups_SameTimeEntries_Together_MultiAgencyWhenMoreThanOneAgency()
    {
        var police = new[] { E("10/03/2003 10:00", "Police", 2), E("10/03/2003 11:00", "Police", 3), E("11/03/2003", "Police", 4) };
        var social = new[] { E("10/03/2003 10:00", "Social care", 2), E("11/03/2003", "Social care", 3), E("11/03/2003", "Social care", 4) };

        var groups = ChronologyMerge.Groups(ChronologyMerge.Merge([police, social])).ToList();

        groups.Select(g => (ChronologyDates.Display(g.When), g.Entries.Count, g.IsMultiAgency)).ShouldBe(
        [
            ("10/03/2003 10:00", 2, true),
            ("10/03/2003 11:00", 1, false),
            ("11/03/2003", 3, true),
        ]);
        groups[2].Entries.Select(Key).ShouldBe(["Police row 4", "Social care row 3", "Social care row 4"]);
    }

    [Fact]
    public void MergeSorted_InputOutOfOrder_Throws_NamingTheInputAndRow()
    {
        var police = new[] { E("10/03/2003", "Police", 2), E("01/03/2003", "Police", 3) };

        var thrown = Should.Throw<ChronologyInputNotInOrderException>(() => ChronologyMerge.MergeSorted([Array.Empty<ChronologyEntry>(), police]).ToList());

        thrown.Input.ShouldBe(1);
        thrown.Entry.Row.ShouldBe(3);
    }

    [Fact]
    public void Merge_InputOutOfOrder_SortedFirst_Stably()
    {
        var police = new[] { E("10/03/2003", "Police", 2), E("01/03/2003", "Police", 3), E("10/03/2003", "Police", 4), E("05/03/2003", "Police", 5) };
        var health = new[] { E("05/03/2003", "Health", 2) };

        ChronologyMerge.Merge([police, health]).Select(Key).ShouldBe(["Police row 3", "Health row 2", "Police row 5", "Police row 2", "Police row 4"]);
    }

    [Fact]
    public void Merge_ManyInputs_SameAsAStableSortOfAllOfThem()
    {
        var random = new Random(20030131);
        var agencies = Enumerable.Range(0, 12).Select(i => $"Agency {(char)('A' + random.Next(6))}{i % 3}").ToArray();
        var inputs = agencies.Select((agency, i) =>
        {
            var entries = Enumerable.Range(0, 200).Select(r =>
            {
                var day = new DateOnly(2003, 1, 1).AddDays(random.Next(60));
                var text = random.Next(10) switch
                {
                    0 => $"{day:MM/yyyy}",
                    1 => $"{day:dd/MM/yyyy}",
                    _ => $"{day:dd/MM/yyyy} {random.Next(8, 18):D2}:{random.Next(0, 2) * 30:D2}",
                };
                return E(text, agency, r + 2);
            }).ToList();
            return (IReadOnlyList<ChronologyEntry>)(i % 4 == 0 ? entries : ChronologyMerge.Sort(entries));
        }).ToList();

        var merged = ChronologyMerge.Merge(inputs).ToList();

        var expected = ChronologyMerge.Sort(inputs.SelectMany(i => ChronologyMerge.Sort(i)));
        merged.Count.ShouldBe(12 * 200);
        merged.Select(e => (e.Agency, e.Row)).ShouldBe(expected.Select(e => (e.Agency, e.Row)));
        ChronologyOrder.IsInOrder(merged).ShouldBeTrue();
    }

    [Fact]
    public void CompareAgency_IgnoresCaseThenExact()
    {
        ChronologyOrder.CompareAgency("police", "Social care").ShouldBeLessThan(0);
        ChronologyOrder.CompareAgency("Police", "police").ShouldBeLessThan(0);
        ChronologyOrder.CompareAgency("Police", "Police").ShouldBe(0);
    }
}
