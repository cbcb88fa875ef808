using System.Net;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Rules;
using Scr.TestCommon;

namespace Scr.Web.Tests.Pages;

/// <summary>Journeys that change data, each in a fresh demo world.</summary>
public class JourneyTests : IAsyncLifetime
{
    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AddBoardAndAgency_ThenTheAgencyServesIt()
    {
        var admin = await _world.SignInAsync("admin@scr.example");
        var board = await admin.SubmitAsync("/admin/organisations/add-board", new Dictionary<string, string>
        {
            ["Name"] = "Westholm Safeguarding Children Board",
            ["Key"] = "westholm",
            ["Region"] = "SouthWest",
        });
        board.StatusCode.ShouldBe(HttpStatusCode.Redirect, await board.Content.ReadAsStringAsync());
        var westholm = await _world.OrganisationAsync("westholm");

        var duplicate = await admin.SubmitAsync("/admin/organisations/add-board", new Dictionary<string, string>
        {
            ["Name"] = "Another",
            ["Key"] = "westholm",
            ["Region"] = "SouthWest",
        });
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("already used");

        var noBoards = await admin.SubmitAsync("/admin/organisations/add-agency", new Dictionary<string, string>
        {
            ["Name"] = "Westholm Police",
            ["Key"] = "westholm-police",
            ["Type"] = "Police",
        });
        (await noBoards.Content.ReadAsStringAsync()).ShouldContain("Select at least one board");

        var agency = await admin.SubmitAsync("/admin/organisations/add-agency", new Dictionary<string, string>
        {
            ["Name"] = "Westholm Police",
            ["Key"] = "westholm-police",
            ["Type"] = "Police",
            ["Boards"] = westholm.Id.ToString(),
        });
        agency.StatusCode.ShouldBe(HttpStatusCode.Redirect, await agency.Content.ReadAsStringAsync());
        var served = await _world.WithDbAsync(db => db.AgencyBoards.CountAsync(a => a.BoardId == westholm.Id));
        served.ShouldBe(1);
    }

    [Fact]
    public async Task Move_TwoPeopleAtOnce_SecondIsToldAndKeepsWhatTheyTyped()
    {
        var review = await _world.CaseAsync("Infant found unresponsive");
        await _world.RecommendAsync(review.Id, "officer@northbridge.example");
        var chair = await _world.SignInAsync("chair@northbridge.example");
        var chairAgain = await _world.SignInAsync("chair@northbridge.example");
        var url = $"/cases/{review.Id}/move/initiate";

        // Both open the form before either submits.
        var first = await chair.GetDocumentAsync(url);
        var second = await chairAgain.GetDocumentAsync(url);
        string Version(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var saved = await chair.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(first),
            ["Version"] = Version(first),
            ["Reason"] = "Criteria of WT2006 8.5 met",
        }));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = await chairAgain.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(second),
            ["Version"] = Version(second),
            ["Reason"] = "My own careful rationale",
        }));
        // The case has moved on, so this action no longer applies: refused without overwriting the first decision.
        stale.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var after = await _world.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        after.DecisionRationale.ShouldBe("Criteria of WT2006 8.5 met");
        after.Stage.ShouldBe(ReviewStage.Scoping);
    }

    [Fact]
    public async Task Team_StaleVersion_ErrorShownAndNothingOverwritten()
    {
        var review = await _world.CaseAsync("Young person died by suicide");
        var officer = await _world.SignInAsync("officer@northbridge.example");
        var chair = await _world.SignInAsync("chair@northbridge.example");
        var url = $"/cases/{review.Id}/team/add";
        var officerForm = await officer.GetDocumentAsync(url);
        var chairForm = await chair.GetDocumentAsync(url);
        string Option(AngleSharp.Html.Dom.IHtmlDocument form, string select, string text) =>
            form.QuerySelectorAll($"select[name='{select}'] option").First(o => o.TextContent.Contains(text)).GetAttribute("value")!;
        var agencyLead = Option(officerForm, "Input.Person", "Sam Ridley");
        var author = Option(chairForm, "Input.Person", "Helen Moss");

        async Task<HttpResponseMessage> Add(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument form, string person, string agency) =>
            await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Browser.AntiforgeryToken(form),
                ["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
                ["Input.Person"] = person,
                ["Input.Role"] = "PanelMember",
                ["Input.AgencyId"] = Option(form, "Input.AgencyId", agency),
                ["Input.Declaration"] = "None",
            }));

        (await Add(officer, officerForm, agencyLead, "Northbridge Children's Social Care")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await Add(chair, chairForm, author, "Northbridge and Fellside Health Trust");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Someone else changed the review team");
        var team = await _world.WithDbAsync(db => db.ReviewTeamMembers.Where(t => t.ReviewId == review.Id).Select(t => t.User!.DisplayName).ToListAsync());
        team.ShouldContain("Sam Ridley");
        team.ShouldNotContain("Helen Moss");
    }

    [Fact]
    public async Task Notify_AgencyWithTwoBoards_ChoosesBoardThenTicksAnAgency_CaseCreated()
    {
        // The health trust serves two boards, so its author chooses the board first.
        var author = await _world.SignInAsync("agency.author@northbridge.example");
        var board = await _world.OrganisationAsync("northbridge");
        var police = await _world.OrganisationAsync("moorland-police");
        var chosen = await author.SubmitAsync("/cases/notify", new Dictionary<string, string> { ["Board"] = board.Id.ToString() });
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect, await chosen.Content.ReadAsStringAsync());
        var details = chosen.Location()!;

        var empty = await author.SubmitAsync(details, new Dictionary<string, string>());
        var errors = Browser.Parse(await empty.Content.ReadAsStringAsync());
        errors.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ShouldContain("Enter the date of the incident");

        var created = await author.SubmitAsync(details, new Dictionary<string, string>
        {
            ["Input.IncidentType"] = "SeriousInjury",
            ["Input.IncidentDate.Day"] = "10",
            ["Input.IncidentDate.Month"] = "11",
            ["Input.IncidentDate.Year"] = "2026",
            ["Input.KnownToBoardOn.Day"] = "12",
            ["Input.KnownToBoardOn.Month"] = "11",
            ["Input.KnownToBoardOn.Year"] = "2026",
            ["Input.Summary"] = "Fictional: infant with unexplained bruising seen in clinic.",
            ["Input.ChildName"] = "Form Child",
            ["Input.AgeMonths"] = "7",
            ["Input.Sex"] = "Female",
            ["Input.Ethnicity"] = "NotKnown",
            ["Input.Disability"] = "No",
            ["Input.ChildProtectionPlan"] = "No",
            ["Input.LegalStatus"] = "None",
            ["Input.AgencyIds"] = police.Id.ToString(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var review = await _world.CaseAsync("Fictional: infant with unexplained bruising");
        review.ReferringAgencyId.ShouldBe((await _world.OrganisationAsync("northbridge-health")).Id);
        // The referring agency sees the case it referred, in outline.
        (await author.GetAsync(created.Location()!)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
