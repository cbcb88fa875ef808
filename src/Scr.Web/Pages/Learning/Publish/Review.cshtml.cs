using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Learning;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Learning.Publish;

/// <summary>
/// Publishes a review's report to the learning repository, or corrects it: a title, the date the board published it, and the
/// text, from an uploaded PDF or Word file or typed. Only the Panel and the review's board's business unit (the service checks).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
[RequestSizeLimit(MaxBytes)]
public class ReviewModel(CurrentUser me, LearningRepository repository, TimeProvider clock) : PageModel
{
    /// <summary>The largest file the core reads, with room for the rest of the form (the typed text may be long too).</summary>
    public const long MaxBytes = 2 * ReportText.MaxFileBytes;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateInputModel PublishedOn { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public LearningReview Review { get; private set; } = null!;
    public PublishedReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Report is not null)
        {
            Title = Report.Title;
            PublishedOn = new DateInputModel { Day = Report.PublishedOn.Day, Month = Report.PublishedOn.Month, Year = Report.PublishedOn.Year };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // The core's title rule first, so a form with other problems shows the title's too, in the order of the fields.
        foreach (var problem in LearningRepository.TitleProblems(Title))
        {
            ModelState.AddModelError(nameof(Title), problem.Message);
        }
        var publishedOn = PublishedOn.Validate(ModelState, nameof(PublishedOn), "the date the report was published",
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        string? text = null;
        var source = PublishedReport.Typed;
        try
        {
            if (Upload is not null)
            {
                await using var stream = Upload.OpenReadStream();
                text = ReportText.FromFile(stream, Upload.FileName);
                source = Path.GetFileName(Upload.FileName);
            }
            else if (!string.IsNullOrWhiteSpace(Text))
            {
                text = ReportText.FromTyped(Text);
            }
            else
            {
                ModelState.AddModelError(nameof(Upload), "Select a PDF or Word file of the report, or enter its text");
            }
            if (ModelState.ErrorCount == 0 && publishedOn is { } date && text is not null)
            {
                var report = await repository.PublishAsync(Id, new PublishRequest(Title ?? "", date, text, source), await me.GetAsync(cancellationToken),
                    me.Actor, cancellationToken);
                TempData["Banner"] = Report is null ? "The report has been published to the learning repository" : "The report has been corrected";
                return Redirect($"/learning/{report.Id}");
            }
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field switch
                {
                    ReportText.FileField => nameof(Upload),
                    nameof(PublishRequest.PublishedOn) => nameof(PublishedOn),
                    null => "",
                    var field => field,
                }, problem.Message);
            }
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        (Review, Report) = await repository.GetForPublishingAsync(Id, await me.GetAsync(cancellationToken), cancellationToken);
}
