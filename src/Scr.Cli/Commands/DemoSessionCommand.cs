using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Options;
using Scr.Cli.Infrastructure;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Demo;

namespace Scr.Cli.Commands;

/// <summary>
/// <c>scr demo session EMAIL --url URL</c>: signs in to the running site as a demo account, with password and code, and prints
/// the session's cookies as one <c>Cookie:</c> header line for benchmark tools.
/// </summary>
public static class DemoSessionCommand
{
    public static Command Create(CliContext cli)
    {
        var email = new Argument<string>("email") { Description = "The demo account's email address, e.g. officer@northbridge.example" };
        var url = new Option<string?>("--url")
        {
            Description = "The address of the running site (default: the configured Scr:PublicUrl)",
            HelpName = "url",
        };
        url.Validators.Add(result =>
        {
            if (!TryParseSite(result.GetValueOrDefault<string?>(), out _))
            {
                result.AddError($"'{result.GetValueOrDefault<string?>()}' is not a web address: give one like http://127.0.0.1:5080");
            }
        });
        var command = new Command("session", "Sign in to the running site as a demo account (password and current code) and print "
            + "exactly one line, 'Cookie: name=value; …', for benchmark tools. Demo accounts only; the site must use this database.")
        {
            email,
            url,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(cli, parseResult.GetRequiredValue(email), parseResult.GetValue(url), parseResult, cancellationToken));
        return command;
    }

    internal static bool TryParseSite(string? text, out Uri site)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            site = parsed;
            return true;
        }
        site = null!;
        return false;
    }

    private static async Task<int> RunAsync(CliContext cli, string email, string? url, ParseResult parseResult, CancellationToken cancellationToken)
    {
        DemoAccounts.EnsureDemo(email);
        await using var services = await cli.OpenAsync(parseResult, cancellationToken: cancellationToken);
        var account = await DemoAccounts.FindAsync(services, email);
        var address = url ?? services.Get<IOptions<ScrSettings>>().Value.PublicUrl;
        if (!TryParseSite(address, out var site))
        {
            throw new CliException($"'{address}' (Scr:PublicUrl) is not a web address: pass --url, like --url http://127.0.0.1:5080");
        }

        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var signIn = new SiteSignIn(http, cookies, services.Clock, cli.Error);
        try
        {
            var header = await signIn.SignInAsync(site, account.User.Email!, DemoData.Password, account.AuthenticatorKey,
                account.User.LastTotpTimeStep, cancellationToken);
            await cli.Out.WriteLineAsync(header);
            return ExitCodes.Success;
        }
        catch (SignInException e)
        {
            throw new CliException(e.Message, ExitCodes.Failed);
        }
    }
}
