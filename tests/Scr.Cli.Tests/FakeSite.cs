using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace Scr.Cli.Tests;

/// <summary>
/// Stands in for the site's sign-in pages over real HTTP, keeping to their contract: GET and POST /sign-in (antiforgery
/// token and cookie, Input.Email, Input.Password), then GET and POST /sign-in/code (Input.Code). A refused form is shown
/// again with 200; success redirects.
/// </summary>
public sealed class FakeSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FakeSite(string email, string password, Func<int, string, bool> acceptCode)
    {
        Email = email;
        Password = password;
        AcceptCode = acceptCode;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }
    public string Email { get; }
    public string Password { get; }

    /// <summary>Given the attempt number (from 1) and the code, whether to accept it.</summary>
    public Func<int, string, bool> AcceptCode { get; }

    public List<string> CodesReceived { get; } = [];
    public List<string> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var response = context.Response;
            // One request per connection: the managed HttpListener can drop a kept-alive connection the client then reuses.
            response.KeepAlive = false;
            try
            {
                await HandleAsync(context.Request, response);
            }
            catch (Exception e)
            {
                response.StatusCode = 500;
                await WriteAsync(response, e.ToString());
            }
        }
    }

    private async Task HandleAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var path = request.Url!.AbsolutePath;
        Requests.Add($"{request.HttpMethod} {request.Url.PathAndQuery}");
        var cookies = request.Headers["Cookie"] ?? "";
        var form = request.HttpMethod == "POST"
            ? HttpUtility.ParseQueryString(await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync())
            : [];

        switch (request.HttpMethod, path)
        {
            case ("GET", "/sign-in"):
                response.AppendHeader("Set-Cookie", ".AspNetCore.Antiforgery.test=af-cookie; path=/; samesite=strict; httponly");
                await WriteAsync(response, """
                    <header><form action="/search"><input name="__RequestVerificationToken" type="hidden" value="wrong-form"></form></header>
                    <form method="post"><input name="Input.Email" type="email"><input name="Input.Password" type="password">
                    <input name="__RequestVerificationToken" type="hidden" value="sign-in-token"></form>
                    """);
                return;
            case ("POST", "/sign-in"):
                if (!cookies.Contains(".AspNetCore.Antiforgery.test=af-cookie") || form["__RequestVerificationToken"] != "sign-in-token")
                {
                    response.StatusCode = 400;
                    response.ContentLength64 = 0;
                    return;
                }
                if (form["Input.Email"] != Email || form["Input.Password"] != Password)
                {
                    await WriteAsync(response, """<form method="post"><input name="Input.Email"><input name="__RequestVerificationToken" type="hidden" value="sign-in-token"></form>""");
                    return;
                }
                response.AppendHeader("Set-Cookie", "Identity.TwoFactorUserId=pending; path=/; httponly");
                Redirect(response, "/sign-in/code?returnUrl=%2F");
                return;
            case ("GET", "/sign-in/code"):
                if (!cookies.Contains("Identity.TwoFactorUserId=pending"))
                {
                    Redirect(response, "/sign-in");
                    return;
                }
                await WriteAsync(response, CodeForm("code-token-1"));
                return;
            case ("POST", "/sign-in/code"):
                if (request.Url.Query != "?returnUrl=%2F" || !cookies.Contains("Identity.TwoFactorUserId=pending")
                    || !cookies.Contains(".AspNetCore.Antiforgery.test=af-cookie") || form["__RequestVerificationToken"] is not ("code-token-1" or "code-token-2"))
                {
                    response.StatusCode = 400;
                    response.ContentLength64 = 0;
                    return;
                }
                var code = form["Input.Code"] ?? "";
                CodesReceived.Add(code);
                if (!AcceptCode(CodesReceived.Count, code))
                {
                    await WriteAsync(response, CodeForm("code-token-2"));
                    return;
                }
                response.AppendHeader("Set-Cookie", ".AspNetCore.Identity.Application=signed-in; path=/; httponly");
                response.AppendHeader("Set-Cookie", "Identity.TwoFactorUserId=; max-age=0; path=/");
                Redirect(response, "/");
                return;
            default:
                response.StatusCode = 404;
                response.ContentLength64 = 0;
                return;
        }
    }

    private static string CodeForm(string token) =>
        $"""<form method="post"><input name="Input.Code" autocomplete="one-time-code"><input name="__RequestVerificationToken" type="hidden" value="{token}"></form>""";

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 302;
        response.AddHeader("Location", location);
        response.ContentLength64 = 0;
    }

    private static async Task WriteAsync(HttpListenerResponse response, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
