using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class AuditLogTests
{
    private static readonly Actor Someone = new(Guid.NewGuid(), "someone@board.example", "127.0.0.1");

    private static async Task WriteEntriesAsync(ServiceProvider services, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync(Someone, AuditActions.ReviewRead, null, "review", $"case-{i}");
        }
    }

    private static async Task<AuditVerification> VerifyAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Verify_UntouchedChain_Intact(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await WriteEntriesAsync(services, 5);
        var result = await VerifyAsync(services);
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Verify_RowAlteredInTheDatabase_NamesThatEntry(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await WriteEntriesAsync(services, 5);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"ItemId\" = 'case-other' WHERE \"Sequence\" = 3");
        }
        var result = await VerifyAsync(services);
        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(3);
        result.Problem!.ShouldContain("altered");
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Verify_RowDeleted_NamesTheGap(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await WriteEntriesAsync(services, 5);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 2");
        }
        var result = await VerifyAsync(services);
        result.FirstBrokenSequence.ShouldBe(2);
        result.Problem!.ShouldContain("missing");
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task Record_ConcurrentWriters_KeepOneUnbrokenChain(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => WriteEntriesAsync(services, 5))));
        var result = await VerifyAsync(services);
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(40);
    }
}
