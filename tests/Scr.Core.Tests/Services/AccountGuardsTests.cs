using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Demo;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

public class AccountGuardsTests
{
    [Theory]
    [InlineData("priya.calder@northbridge.example", true)]
    [InlineData("a@b.org", true)]
    [InlineData("a@", false)]
    [InlineData("@b.org", false)]
    [InlineData("a@b", false)]
    [InlineData("two words@b.org", false)]
    [InlineData("Someone <a@b.org>", false)]
    [InlineData("a@b.org, c@d.org", false)]
    public void IsEmailAddress_AsEmailWouldAccept(string address, bool valid) => AccountService.IsEmailAddress(address).ShouldBe(valid);

    [Fact]
    public async Task DemoSeed_DatabaseWithRealAccounts_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        await new TestData(scope.Db(), new TestClock()).CreateUserAsync("real.person@board.gov.uk", (Role.SystemAdministrator, null));
        var refused = await Should.ThrowAsync<RuleViolationException>(() => scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync());
        refused.Message.ShouldContain("real account");
    }

    [Fact]
    public async Task DemoSeed_Twice_ChangesNothingTheSecondTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var services = CoreHost.Build(database, new TestClock());
        using (var first = services.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }
        using var second = services.CreateScope();
        var users = second.Db().Users.Count();
        var reviews = second.Db().Reviews.Count();
        await second.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        second.Db().Users.Count().ShouldBe(users);
        second.Db().Reviews.Count().ShouldBe(reviews);
    }
}
