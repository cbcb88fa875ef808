using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

public class AuditChainTests
{
    [Fact]
    public void Normalise_TimeStoredBySqlite_ReadsBackTheSame()
    {
        var at = AuditChain.Normalise(new DateTimeOffset(2026, 11, 23, 14, 58, 33, TimeSpan.Zero).AddTicks(1_234_567));
        var converter = new DateTimeOffsetToBinaryConverter();

        var stored = converter.ConvertToProvider(at);
        var readBack = (DateTimeOffset)converter.ConvertFromProvider(stored)!;

        readBack.UtcTicks.ShouldBe(at.UtcTicks);
        AuditChain.Normalise(readBack).ShouldBe(at);
    }

    [Fact]
    public void Normalise_LocalTime_IsUtc() =>
        AuditChain.Normalise(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(1))).Offset.ShouldBe(TimeSpan.Zero);
}
