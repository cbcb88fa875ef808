using System.Net;
using Microsoft.EntityFrameworkCore;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>Long forms lose nothing typed: saved on request, as people type, and when the session ends mid-form.</summary>
public class DraftTests : IAsyncLifetime
{
    private const string Officer = "officer@northbridge.example";
    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private async Task<string> FormUrlAsync() => $"/cases/notify/details?board={(await _world.OrganisationAsync("northbridge")).Id}";

    private static Dictionary<string, string> Typed(string draftKey) => new()
    {
        ["__draft"] = draftKey,
        ["Input.IncidentType"] = "SeriousInjury",
        ["Input.IncidentDate.Day"] = "9",
        ["Input.IncidentDate.Month"] = "11",
        ["Input.IncidentDate.Year"] = "2026",
        ["Input.Summary"] = "Fictional: toddler admitted with burns; explanations differ between carers.",
        ["Input.ChildName"] = "Robin Ashgrove",
        ["Input.AgeYears"] = "2",
        ["Input.OtherChildrenAtRisk"] = "An older sibling, aged 6.",
    };

    private static string DraftKey(AngleSharp.Html.Dom.IHtmlDocument form) => form.QuerySelector("input[name=__draft]")!.GetAttribute("value")!;

    private static void ShouldShowWhatWasTyped(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        page.QuerySelector("input[name='Input.ChildName']")!.GetAttribute("value").ShouldBe("Robin Ashgrove");
        page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim().ShouldBe("Fictional: toddler admitted with burns; explanations differ between carers.");
        page.QuerySelector("textarea[name='Input.OtherChildrenAtRisk']")!.TextContent.Trim().ShouldBe("An older sibling, aged 6.");
        page.QuerySelector("input[name='Input.IncidentType'][value=SeriousInjury]")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("input[name='Input.IncidentDate.Day']")!.GetAttribute("value").ShouldBe("9");
        page.QuerySelector("input[name='Input.AgeYears']")!.GetAttribute("value").ShouldBe("2");
        // Restored, not validated: no error summary for the fields still to fill in.
        page.QuerySelector(".govuk-error-summary").ShouldBeNull();
    }

    [Fact]
    public async Task SessionEndsMidForm_SignInAgain_EverythingTypedIsBack()
    {
        var url = await FormUrlAsync();
        var browser = await _world.SignInAsync(Officer);
        var form = await browser.GetDocumentAsync(url);
        var fields = Typed(DraftKey(form));
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(form);

        // The officer types for 40 minutes; the session ends after 30 idle minutes.
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(40));
        var sent = await browser.PostAsync(url, new FormUrlEncodedContent(fields));

        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        sent.Location()!.ShouldStartWith("/sign-in?returnUrl=");
        sent.Location()!.ShouldContain("draft=kept");
        var signInPage = await _world.Factory.CreateBrowser().GetStringAsync(sent.Location());
        signInPage.ShouldContain("What you typed has been kept");

        var again = await _world.SignInAsync(Officer);
        ShouldShowWhatWasTyped(await again.GetDocumentAsync(url));
    }

    [Fact]
    public async Task SessionEnded_FormWithoutAValidAntiforgeryToken_NothingSaved()
    {
        var url = await FormUrlAsync();
        var browser = await _world.SignInAsync(Officer);
        var form = await browser.GetDocumentAsync(url);
        var fields = Typed(DraftKey(form));
        fields["__RequestVerificationToken"] = "forged";
        _world.Factory.Clock.Advance(TimeSpan.FromMinutes(40));

        var sent = await browser.PostAsync(url, new FormUrlEncodedContent(fields));

        sent.Location()?.ShouldNotContain("draft=kept");
        (await _world.WithDbAsync(db => db.FormDrafts.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task SaveAndComeBackLater_WithoutJavaScript_KeepsTheFormForThatPersonOnly()
    {
        var url = await FormUrlAsync();
        var browser = await _world.SignInAsync(Officer);
        var form = await browser.GetDocumentAsync(url);
        var fields = Typed(DraftKey(form));
        fields["__save-draft"] = "1";

        var saved = await browser.SubmitAsync(url, fields);

        saved.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        saved.Location().ShouldBe(url);
        var back = await browser.GetDocumentAsync(url);
        back.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Your draft has been saved");
        ShouldShowWhatWasTyped(back);
        // The chair of the same board opens the same form: empty.
        var chair = await _world.SignInAsync("chair@northbridge.example");
        (await chair.GetDocumentAsync(url)).QuerySelector("input[name='Input.ChildName']")!.GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Autosave_SignedIn_NoContent_SignedOut_Unauthorised()
    {
        var url = await FormUrlAsync();
        var browser = await _world.SignInAsync(Officer);
        var form = await browser.GetDocumentAsync(url);
        var fields = Typed(DraftKey(form));
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(form);

        (await browser.PostAsync("/drafts", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        ShouldShowWhatWasTyped(await browser.GetDocumentAsync(url));

        var stranger = _world.Factory.CreateBrowser();
        (await stranger.PostAsync("/drafts", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        fields["__draft"] = "../../etc";
        (await browser.PostAsync("/drafts", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Notify_Sent_TheDraftIsRemoved()
    {
        var url = await FormUrlAsync();
        var browser = await _world.SignInAsync(Officer);
        var form = await browser.GetDocumentAsync(url);
        var fields = Typed(DraftKey(form));
        fields["__save-draft"] = "1";
        await browser.SubmitAsync(url, fields);
        fields.Remove("__save-draft");
        fields["Input.KnownToBoardOn.Day"] = "10";
        fields["Input.KnownToBoardOn.Month"] = "11";
        fields["Input.KnownToBoardOn.Year"] = "2026";
        fields["Input.Sex"] = "Female";
        fields["Input.Ethnicity"] = "NotKnown";
        fields["Input.Disability"] = "No";
        fields["Input.ChildProtectionPlan"] = "No";
        fields["Input.LegalStatus"] = "None";
        fields["Input.Guidance"] = "Wt2006";

        var sent = await browser.SubmitAsync(url, fields);

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        (await _world.WithDbAsync(db => db.FormDrafts.CountAsync())).ShouldBe(0);
        var review = await _world.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Summary.StartsWith("Fictional: toddler admitted with burns")));
        review.OtherChildrenAtRisk.ShouldBe("An older sibling, aged 6.");
    }
}
