using System.Globalization;
using Microsoft.Playwright;

namespace Scr.EndToEndTests;

/// <summary>
/// The people of a review (seed 000 stage 3; WT2006 8.27), on the demo's review under way, played through the site: the
/// health trust's named nurse agrees the record of her interview from her dashboard; the lead reviewer, told by a message,
/// opens the interview, goes on to the mother he meets, logs a contact and shows her contact details.
/// </summary>
public sealed class PeopleJourneyTests(HostFixture host) : BrowserTest(host), IClassFixture<HostFixture>
{
    private const string Author = "agency.author@northbridge.example";
    private const string Reviewer = "reviewer@northbridge.example";

    [Fact]
    public async Task Interview_AgreedByTheInterviewee_ThenAFamilyContactLogged()
    {
        // 1. The interviewee finds the record on her dashboard and agrees it.
        var author = await NewPageAsync();
        await SignInAsync(author, Author, checkSignInPages: false);
        await author.GetByTestId("interviews-to-check").GetByRole(AriaRole.Link).First.ClickAsync();
        await author.ArriveAsync("**/interviews/*");
        await author.AssertAccessibleAsync();
        await Expect(author.GetByTestId("record")).ToContainTextAsync("safeguarding supervision");
        await author.Locator("input[name='Answer'][value='agree']").CheckAsync();
        await author.GetByTestId("answer-interview").ClickAsync();
        await Expect(author.GetByTestId("banner")).ToContainTextAsync("You agreed the record of your interview.");
        await Expect(author.GetByTestId("agreed")).ToBeVisibleAsync();

        // 2. The lead reviewer is told, and finds the record agreed and frozen.
        var reviewer = await NewPageAsync();
        await SignInAsync(reviewer, Reviewer, checkSignInPages: false);
        await VisitAsync(reviewer, "/messages");
        await reviewer.GetByTestId("message").Filter(new() { HasText = "Interview record agreed" }).GetByTestId("open-message").First.ClickAsync();
        await reviewer.ArriveAsync("**/people/interviews/*");
        await Expect(reviewer.GetByTestId("status")).ToHaveTextAsync("Agreed");
        await Expect(reviewer.GetByTestId("save-interview")).ToHaveCountAsync(0);
        await reviewer.AssertAccessibleAsync();

        // 3. On to the people of the review and the mother, whom he meets: a contact logged, her details shown.
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Back to the people of the review" }).ClickAsync();
        await reviewer.ArriveAsync("**/people");
        await reviewer.AssertAccessibleAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Dawn Brannock" }).ClickAsync();
        await reviewer.ArriveAsync("**/people/family/*");
        await reviewer.GetByTestId("log-contact").ClickAsync();
        await reviewer.ArriveAsync("**/contacts/add");
        await reviewer.AssertAccessibleAsync();
        await reviewer.Locator("input[name='Input.On.Day']").FillAsync(Today.Day.ToString(CultureInfo.InvariantCulture));
        await reviewer.Locator("input[name='Input.On.Month']").FillAsync(Today.Month.ToString(CultureInfo.InvariantCulture));
        await reviewer.Locator("input[name='Input.On.Year']").FillAsync(Today.Year.ToString(CultureInfo.InvariantCulture));
        await reviewer.Locator("input[name='Input.Method'][value='Phone']").CheckAsync();
        await reviewer.GetByLabel("Summary").FillAsync("Fictional: told her the named nurse's interview is agreed; arranged to meet next week.");
        await reviewer.GetByTestId("save-contact").ClickAsync();
        await reviewer.ArriveAsync("**/people/family/*");
        await Expect(reviewer.GetByTestId("contacts")).ToContainTextAsync("arranged to meet next week");
        await reviewer.GetByTestId("show-contact-details").ClickAsync();
        await reviewer.ArriveAsync("**/contact-details");
        await Expect(reviewer.GetByTestId("contact-details")).ToContainTextAsync("07700 900461");
        await reviewer.AssertAccessibleAsync();
    }
}
