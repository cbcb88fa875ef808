using Scr.Core.Models;
using Scr.Core.Rules.Genogram;

namespace Scr.TestCommon;

/// <summary>A fictional family for the genogram's tests.</summary>
public static class GenogramSamples
{
    /// <summary>
    /// A fictional family: mother (M) and her ex-partner (F1) have Ava (the subject, 3) and Ben (6); the mother and her
    /// partner (P) have Cal (1); P's son Dan (9) from before is Ava's step-brother; the maternal grandmother (G) is the
    /// mother's mother. Mother, P, Ava, Ben and Cal live together; F1 lives alone.
    /// </summary>
    public static GenogramFamily Family() => new(
        [
            new("m", "Mia Fenn", "Mother", Sex.Female, null, 27, false, false),
            new("f1", "Jon Rook", "Ava's father", Sex.Male, null, 30, false, false),
            new("p", "Lee Tarn", "Mother's partner", Sex.Male, null, 32, false, false),
            new("ava", "Ava Rook", null, Sex.Female, new DateOnly(2023, 5, 1), null, false, true),
            new("ben", "Ben Rook", null, Sex.Male, new DateOnly(2020, 2, 1), null, false, false),
            new("cal", "Cal Tarn", null, Sex.NotKnown, new DateOnly(2025, 9, 1), null, true, false),
            new("dan", "Dan Tarn", null, Sex.Male, null, 9, false, false),
            new("g", "Gwen Fenn", "Maternal grandmother", Sex.Female, null, 55, false, false),
        ],
        [new("m", "f1", CoupleKind.ExPartners), new("m", "p", CoupleKind.Partners)],
        [
            new("m", "ava", ParentKind.Birth), new("f1", "ava", ParentKind.Birth),
            new("m", "ben", ParentKind.Birth), new("f1", "ben", ParentKind.Birth),
            new("m", "cal", ParentKind.Birth), new("p", "cal", ParentKind.Birth),
            new("p", "dan", ParentKind.Birth), new("m", "dan", ParentKind.Step),
            new("g", "m", ParentKind.Birth),
        ],
        [new("Mother's home", ["m", "p", "ava", "ben", "cal"]), new("Father's flat", ["f1"])]);
}
