using System.Net;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Rules.Criteria;
using Scr.TestCommon;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests.Pages;

/// <summary>The sub-group's recommendation form records through the core's one check of the criteria, as the API does.</summary>
public class RecommendationPageTests : IAsyncLifetime
{
    private const string SubGroup = "subgroup@northbridge.example";

    private WebWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WebWorld.CreateAsync(DatabaseKind.Sqlite);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static Dictionary<string, string> Answers(params string[] leaveOut)
    {
        var fields = new Dictionary<string, string>();
        foreach (var question in CriteriaSet.Wt2006.Questions.Where(q => !leaveOut.Contains(q.Id)))
        {
            fields["q-" + question.Id.Replace('.', '_')] = question.Id is "8.5-child-died" or "8.5-abuse-or-neglect-factor" ? "yes" : "no";
        }
        return fields;
    }

    [Fact]
    public async Task Record_MissingAnswer_ShownOnItsQuestion_ThenRecordedWithTheWarnings()
    {
        var id = await _world.NotifyStage1CaseAsync("officer@northbridge.example", "northbridge", "Fictional case: recommendation form.",
            agencyKeys: ["northbridge-csc"]);
        var client = await _world.SignInAsync(SubGroup);
        var page = $"/cases/{id}/recommendation";
        var version = (await _world.VersionAsync(id)).ToString();

        var missing = Answers("8.6-serious-sexual-abuse");
        missing["Input.Recommendation"] = "DoNotInitiate";
        missing["Input.Rationale"] = "Fictional rationale.";
        missing["Version"] = version;
        var refused = await client.SubmitAsync(page, missing, $"{page}?handler=Record");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = Browser.Parse(await refused.Content.ReadAsStringAsync());
        document.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Select whether the child suffered serious sexual abuse");
        document.QuerySelector("#q-8_6-serious-sexual-abuse-error").ShouldNotBeNull();

        var complete = Answers();
        complete["Input.Recommendation"] = "DoNotInitiate";
        complete["Input.Rationale"] = "Fictional rationale.";
        complete["Version"] = version;
        var recorded = await client.SubmitAsync(page, complete, $"{page}?handler=Record");
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());

        var stored = await _world.WithDbAsync(db => db.SubGroupRecommendations.AsNoTracking().SingleAsync(r => r.ReviewId == id));
        stored.CriteriaSetId.ShouldBe("wt2006");
        stored.Warnings.Split('\n').ShouldContain("The guidance requires a serious case review");
        CriteriaAnswers.FromJson(stored.Answers).Count.ShouldBe(CriteriaSet.Wt2006.Questions.Count);
    }
}
