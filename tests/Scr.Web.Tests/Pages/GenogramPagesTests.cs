using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Scr.Core.Services.Audit;

namespace Scr.Web.Tests.Pages;

/// <summary>
/// The genogram through the pages, on the demo seeded on 23 November 2026: the review under way ("Young person died by
/// suicide") has Kai's family (his mother and father, separated; her partner and their daughter; his late grandmother)
/// in two households; the review at scoping ("Toddler admitted") has none yet.
/// </summary>
[Collection("web")]
public sealed class GenogramPagesTests(SqliteWorld fixture) : IClassFixture<SqliteWorld>
{
    private const string Officer = "officer@northbridge.example";
    private const string Chair = "chair@northbridge.example";
    private const string AgencyLead = "agency.lead@northbridge.example";

    /// <summary>Every name in the demo's family, and its households' names: none may be in the anonymised version.</summary>
    private static readonly string[] Names = ["Kai", "Brannock", "Dawn", "Gary", "Lewis", "Okafor", "Ruby", "Irene", "Walsh", "Mother's home", "Father's flat"];

    private WebWorld World => fixture.World;

    private static string Errors(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => Browser.Parse(await response.Content.ReadAsStringAsync());

    private Task<int> AuditCountAsync(string action, string email) =>
        World.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.UserName == email));

    private Task<Guid> VersionAsync(Guid reviewId) =>
        World.WithDbAsync(db => db.Genograms.AsNoTracking().Where(g => g.ReviewId == reviewId).Select(g => g.Version).FirstOrDefaultAsync());

    [Fact]
    public async Task Demo_DrawnByName_AnonymisedVersionHasNoName_BothDownload_EveryReadAudited()
    {
        var working = await World.CaseAsync("Young person died by suicide");
        var officer = await World.SignInAsync(Officer);
        var path = $"/cases/{working.Id}/genogram";
        var readsBefore = await AuditCountAsync(AuditActions.GenogramRead, Officer);

        var casePage = await officer.GetDocumentAsync($"/cases/{working.Id}");
        casePage.QuerySelector("[data-testid=genogram-link]")!.GetAttribute("href").ShouldBe(path);

        var named = await officer.GetDocumentAsync(path);
        var svg = named.QuerySelector("[data-testid=genogram] svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        svg.QuerySelector("title")!.TextContent.ShouldBe($"Genogram, case {working.Reference}");
        svg.TextContent.ShouldContain("Kai Brannock");
        named.QuerySelectorAll("[data-testid=people] tbody tr").Length.ShouldBe(6);
        named.QuerySelector("[data-testid=people]")!.TextContent.ShouldContain("Subject child");
        named.QuerySelectorAll("[data-testid=relationships] tbody tr").Length.ShouldBe(8);
        named.QuerySelector("[data-testid=households]")!.TextContent.ShouldContain("Mother's home");
        named.QuerySelector("[data-testid=add-person]").ShouldNotBeNull();
        named.QuerySelector("[data-testid=show-anonymised]")!.GetAttribute("href").ShouldBe($"{path}?anonymised=true");

        var anonymised = await officer.GetDocumentAsync($"{path}?anonymised=true");
        var html = anonymised.DocumentElement.OuterHtml;
        foreach (var name in Names)
        {
            html.ShouldNotContain(name, Case.Sensitive, $"the anonymised page names {name}");
        }
        anonymised.QuerySelector("[data-testid=genogram] svg title")!.TextContent.ShouldBe($"Genogram (anonymised), case {working.Reference}");
        anonymised.QuerySelector("[data-testid=people]")!.TextContent.ShouldContain("Maternal grandmother");
        anonymised.QuerySelector("[data-testid=households]")!.TextContent.ShouldContain("Household A");
        anonymised.QuerySelector("[data-testid=add-person]").ShouldBeNull("the anonymised version is for reading");
        anonymised.QuerySelector("[data-testid=show-names]").ShouldNotBeNull();

        var file = await officer.GetAsync($"{path}?handler=Svg&anonymised=true");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"genogram-{working.Reference}-anonymised.svg");
        var drawing = await file.Content.ReadAsStringAsync();
        drawing.ShouldStartWith("<?xml");
        foreach (var name in Names)
        {
            drawing.ShouldNotContain(name, Case.Sensitive);
        }
        (await officer.GetStringAsync($"{path}?handler=Svg")).ShouldContain("Kai Brannock");

        (await AuditCountAsync(AuditActions.GenogramRead, Officer)).ShouldBe(readsBefore + 2);
        (await AuditCountAsync(AuditActions.GenogramDownloaded, Officer)).ShouldBe(2);
    }

    [Fact]
    public async Task Chair_ReadsButDoesNotChange_Agency_IsRefused()
    {
        var working = await World.CaseAsync("Young person died by suicide");
        var path = $"/cases/{working.Id}/genogram";
        var chair = await World.SignInAsync(Chair);
        var page = await chair.GetDocumentAsync(path);
        page.QuerySelector("[data-testid=genogram] svg").ShouldNotBeNull();
        page.QuerySelector("[data-testid=add-person]").ShouldBeNull();
        page.QuerySelector("[data-testid=remove-couple-0]").ShouldBeNull();
        (await chair.GetAsync($"{path}/people/add")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var agency = await World.SignInAsync(AgencyLead);
        (await agency.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agency.GetAsync($"{path}?handler=Svg&anonymised=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agency.GetDocumentAsync($"/cases/{working.Id}")).QuerySelector("[data-testid=genogram-link]").ShouldBeNull();
    }

    [Fact]
    public async Task Journey_FromEmpty_PeopleRelationshipsHouseholds_BadInputNamedBesideTheField_RemovalTakesLinks_StaleRefused()
    {
        var scoping = await World.CaseAsync("Toddler admitted");
        var officer = await World.SignInAsync(Officer);
        var path = $"/cases/{scoping.Id}/genogram";

        var empty = await officer.GetDocumentAsync(path);
        empty.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        empty.QuerySelector("[data-testid=add-couple]").ShouldBeNull("a couple needs two people");

        // The first person is the child the review is about, named as notified.
        var add = await officer.GetDocumentAsync($"{path}/people/add");
        var childName = add.QuerySelector("input[name='Input.Name']")!.GetAttribute("value");
        childName.ShouldNotBeNullOrEmpty();
        add.QuerySelector("input[name='Input.IsSubject'][value=true]")!.HasAttribute("checked").ShouldBeTrue();

        var blank = await ParseAsync(await officer.SubmitAsync($"{path}/people/add", new Dictionary<string, string>
        {
            ["Version"] = Guid.Empty.ToString(),
            ["Input.Name"] = "",
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "2025",
            ["Input.AgeYears"] = "1",
        }));
        Errors(blank).ShouldContain("Enter the person's name");
        Errors(blank).ShouldContain("Select their sex, or ‘Not known’");
        Errors(blank).ShouldContain("Give a date of birth or an age, not both");
        blank.QuerySelector(".govuk-error-summary a[href='#Input.AgeYears']").ShouldNotBeNull("the error is beside the age");
        var words = await ParseAsync(await officer.SubmitAsync($"{path}/people/add", new Dictionary<string, string>
        {
            ["Version"] = Guid.Empty.ToString(),
            ["Input.Name"] = "Test",
            ["Input.AgeYears"] = "two",
        }));
        Errors(words).ShouldContain("Enter the age as a whole number of years, like 42");
        var noSubject = await ParseAsync(await officer.SubmitAsync($"{path}/people/add", new Dictionary<string, string>
        {
            ["Version"] = Guid.Empty.ToString(),
            ["Input.Name"] = "Tess Orrin",
            ["Input.Sex"] = "Female",
            ["Input.IsSubject"] = "false",
        }));
        Errors(noSubject).ShouldContain("Mark the child the review is about");

        async Task<HttpResponseMessage> Post(string page, Dictionary<string, string> fields, string? action = null)
        {
            fields["Version"] = (await VersionAsync(scoping.Id)).ToString();
            return await officer.SubmitAsync(page, fields, action);
        }
        async Task Saved(string page, Dictionary<string, string> fields, string? action = null)
        {
            var response = await Post(page, fields, action);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Errors(await ParseAsync(response)));
            response.Location().ShouldBe(path);
        }
        await Saved($"{path}/people/add", new()
        {
            ["Input.Name"] = childName!,
            ["Input.Role"] = "Subject child",
            ["Input.Sex"] = "Male",
            ["Input.IsSubject"] = "true",
            ["Input.DateOfBirth.Day"] = "3",
            ["Input.DateOfBirth.Month"] = "6",
            ["Input.DateOfBirth.Year"] = "2024",
        });
        await Saved($"{path}/people/add", new() { ["Input.Name"] = "Tess Orrin", ["Input.Role"] = "Mother", ["Input.Sex"] = "Female", ["Input.AgeYears"] = "24" });
        await Saved($"{path}/people/add", new() { ["Input.Name"] = "Vic Orrin", ["Input.Sex"] = "NotKnown", ["Input.AgeYears"] = "50", ["Input.Deceased"] = "true" });
        var page = await officer.GetDocumentAsync(path);
        page.QuerySelector("[data-testid=banner]")!.TextContent.ShouldBe("Vic Orrin added.");
        page.QuerySelectorAll("[data-testid=people] tbody tr").Length.ShouldBe(3);
        page.QuerySelector("[data-testid=person-p3]")!.TextContent.ShouldContain("died");

        // Relationships: the select lists the people; a circle is refused beside the child.
        var parentForm = await officer.GetDocumentAsync($"{path}/parents/add");
        parentForm.QuerySelectorAll("select[name='Input.Parent'] option").Select(o => o.TextContent).ShouldBe(["Select a person", childName!, "Tess Orrin", "Vic Orrin"]);
        var none = await ParseAsync(await Post($"{path}/parents/add", new()));
        Errors(none).ShouldContain("Select the parent or carer");
        Errors(none).ShouldContain("Select how they are a parent to the child");
        await Saved($"{path}/parents/add", new() { ["Input.Parent"] = "p2", ["Input.Child"] = "p1", ["Input.Kind"] = "Birth" });
        await Saved($"{path}/parents/add", new() { ["Input.Parent"] = "p3", ["Input.Child"] = "p2", ["Input.Kind"] = "Birth" });
        var circle = await ParseAsync(await Post($"{path}/parents/add", new() { ["Input.Parent"] = "p1", ["Input.Child"] = "p3", ["Input.Kind"] = "Birth" }));
        Errors(circle).ShouldContain("The parents and children go round in a circle");
        circle.QuerySelector(".govuk-error-summary a[href='#Input.Child']").ShouldNotBeNull();
        var self = await ParseAsync(await Post($"{path}/couples/add", new() { ["Input.First"] = "p2", ["Input.Second"] = "p2", ["Input.Kind"] = "Married" }));
        Errors(self).ShouldContain("Tess Orrin cannot be their own partner");
        await Saved($"{path}/couples/add", new() { ["Input.First"] = "p2", ["Input.Second"] = "p3", ["Input.Kind"] = "ExPartners" });
        // A relationship is removed from the genogram's page (a form with its button: no JavaScript needed).
        (await officer.GetDocumentAsync(path)).QuerySelector("[data-testid=remove-couple-0]").ShouldNotBeNull();
        await Saved(path, new() { ["index"] = "0" }, $"{path}?handler=RemoveCouple");
        (await officer.GetDocumentAsync(path)).QuerySelector("[data-testid=couple-0]").ShouldBeNull();
        await Saved($"{path}/couples/add", new() { ["Input.First"] = "p2", ["Input.Second"] = "p3", ["Input.Kind"] = "ExPartners" });

        // Households: named, with members by checkbox; changed; removed from the genogram's page.
        var noHousehold = await ParseAsync(await Post($"{path}/households/add", new() { ["Input.Name"] = " " }));
        Errors(noHousehold).ShouldContain("Enter a name for the household");
        Errors(noHousehold).ShouldContain("Select who lives in the household");
        (await officer.GetDocumentAsync($"{path}/households/add")).QuerySelectorAll("input[name='Input.Members'][type=checkbox]").Length.ShouldBe(3);
        var withMembers = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Browser.AntiforgeryToken(await officer.GetDocumentAsync($"{path}/households/add"))),
            new("Version", (await VersionAsync(scoping.Id)).ToString()), new("Input.Name", "Mother's flat"), new("Input.Members", "p1"), new("Input.Members", "p2"),
        ]);
        // Two members: the form posts Input.Members once for each box ticked.
        (await officer.PostAsync($"{path}/households/add", withMembers)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var change = await officer.GetDocumentAsync($"{path}/households/0");
        change.QuerySelector("input[name='Input.Members'][value=p2]")!.HasAttribute("checked").ShouldBeTrue();
        await Saved($"{path}/households/0", new() { ["Input.Name"] = "Mother's new flat", ["Input.Members"] = "p2" });
        page = await officer.GetDocumentAsync(path);
        page.QuerySelector("[data-testid=household-0]")!.TextContent.ShouldContain("Mother's new flat");
        page.QuerySelectorAll("[data-testid=relationships] tbody tr").Length.ShouldBe(3);
        await Saved($"{path}/households/add", new() { ["Input.Name"] = "Vic's house", ["Input.Members"] = "p3" });
        await Saved(path, new() { ["index"] = "1" }, $"{path}?handler=RemoveHousehold");
        (await officer.GetDocumentAsync(path)).QuerySelector("[data-testid=household-1]").ShouldBeNull();

        // Changing a person; removing one takes their relationships and household places with them (the household, left empty, goes).
        var person = await officer.GetDocumentAsync($"{path}/people/p2");
        person.QuerySelector("input[name='Input.AgeYears']")!.GetAttribute("value").ShouldBe("24");
        await Saved($"{path}/people/p2", new() { ["Input.Name"] = "Tess Orrin-Hale", ["Input.Role"] = "Mother", ["Input.Sex"] = "Female", ["Input.AgeYears"] = "25" });
        var stale = Guid.Empty.ToString();
        await Saved($"{path}/people/p2", new(), $"{path}/people/p2?handler=Remove");
        page = await officer.GetDocumentAsync(path);
        page.QuerySelector("[data-testid=banner]")!.TextContent.ShouldBe("Tess Orrin-Hale removed.");
        page.QuerySelectorAll("[data-testid=people] tbody tr").Length.ShouldBe(2);
        page.QuerySelector("[data-testid=relationships]").ShouldBeNull();
        page.QuerySelector("[data-testid=households]").ShouldBeNull();

        // The only subject child cannot be removed; a change from a stale version is refused.
        var onlySubject = await ParseAsync(await Post($"{path}/people/p1", new(), $"{path}/people/p1?handler=Remove"));
        Errors(onlySubject).ShouldContain("Mark the child the review is about");
        var staleChange = await ParseAsync(await officer.SubmitAsync($"{path}/people/p3", new Dictionary<string, string>
        {
            ["Version"] = stale,
            ["Input.Name"] = "Vic Orrin",
            ["Input.Sex"] = "Male",
        }));
        Errors(staleChange).ShouldContain("Someone else changed the genogram after you opened it");
        (await AuditCountAsync(AuditActions.GenogramPersonRemoved, Officer)).ShouldBe(1);
    }
}
