using Scr.Core.Models;
using Scr.Core.Rules.Chronology;

namespace Scr.Core.Tests.Rules.Chronology;

/// <summary>Hand-made chronology entries for the tests.</summary>
internal static class Entries
{
    /// <summary>An entry on <paramref name="when"/> (any form <see cref="ChronologyDates"/> reads).</summary>
    public static ChronologyEntry E(string when, string agency, int row = 2, ContactType type = ContactType.HomeVisit,
        ChildSeen seen = ChildSeen.NotRecorded, string? present = null, string? wishes = null, string? what = null)
    {
        var date = ChronologyDates.Parse(when);
        date.Problem.ShouldBeNull(when);
        var entry = new ChronologyEntry
        {
            Agency = agency,
            PractitionerRole = "Practitioner",
            ContactType = type,
            ChildSeen = seen,
            Present = present,
            Wishes = wishes is null ? WishesAndFeelings.NotRecorded : WishesAndFeelings.Recorded,
            WishesText = wishes,
            WhatHappened = what ?? $"{agency} {when}",
            Row = row,
        };
        entry.SetWhen(date.Date);
        return entry;
    }

    /// <summary>What an entry is, for comparing orders: "Police row 3".</summary>
    public static string Key(ChronologyEntry entry) => $"{entry.Agency} row {entry.Row}";
}
