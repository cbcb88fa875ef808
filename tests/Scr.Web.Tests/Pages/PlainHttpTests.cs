using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>With Security:HttpsOnly off (local trial over http), the site answers this machine only.</summary>
public class PlainHttpTests
{
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("10.1.2.3", HttpStatusCode.Forbidden)]
    public async Task HttpsOnlyOff_RequestFrom_AnsweredOnlyOnLoopback(string from, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var factory = new ScrWebFactory(database, new TestClock());
        var client = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Security:HttpsOnly", "false");
            b.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new RemoteAddress(IPAddress.Parse(from))));
        }).CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/sign-in");
        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK)
        {
            response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.StartsWith("__Host-", StringComparison.Ordinal));
        }
    }
}
