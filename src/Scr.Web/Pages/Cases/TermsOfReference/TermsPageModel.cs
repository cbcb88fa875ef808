using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.TermsOfReference;
using Scr.Web.Pages.Cases.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.TermsOfReference;

/// <summary>
/// What every page of the terms of reference shares: the terms as the person may read them (the read is audited; those
/// who may not are refused by <see cref="TermsOfReferenceService"/>), the version of the case the person read, and the
/// core's refusals put against the form's fields.
/// </summary>
public abstract class TermsPageModel(CurrentUser me, TermsOfReferenceService terms) : PageModel
{
    protected CurrentUser Me { get; } = me;
    protected TermsOfReferenceService Terms { get; } = terms;

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the case the person read, so a change made meanwhile is not overwritten.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public TermsOfReferenceView View { get; private set; } = null!;
    public Review Review => View.Review;

    /// <summary>The path of the case's terms of reference page.</summary>
    public string TermsPath => $"/cases/{Id}/terms-of-reference";

    protected async Task<TermsOfReferenceView> LoadAsync()
    {
        View = await Terms.GetAsync(Id, await Me.GetAsync(), Me.Actor);
        return View;
    }

    protected void SetView(TermsOfReferenceView view) => View = view;

    /// <summary>Puts each of the core's problems on the form's field (<c>periodTo</c> → <c>Input.PeriodTo</c>), or on the form as a whole.</summary>
    protected void AddProblems(IEnumerable<RuleProblem> problems, string prefix = "Input") => ModelState.AddRuleProblems(problems, prefix);

    /// <summary>Shows a stale edit against the form and offers the current version once the person has looked again.</summary>
    protected void Stale(StaleEditException e)
    {
        ModelState.AddModelError("", e.Message);
        Version = Review.Version;
    }
}

/// <summary>The terms of reference form: every part of a draft, as typed.</summary>
public sealed class TermsForm
{
    [StringLength(30000, ErrorMessage = "The key lines of enquiry must be 30,000 characters or fewer")]
    public string? KeyLinesOfEnquiry { get; set; }

    public DateInputModel PeriodFrom { get; set; } = new();
    public DateInputModel PeriodTo { get; set; } = new();
    public Guid? LeadBoardId { get; set; }
    public List<Guid> OtherBoardIds { get; set; } = [];
    public string? BoardsNote { get; set; }
    public List<Guid> AgencyIds { get; set; } = [];
    public string? OtherAgencies { get; set; }
    public string? FamilyContribution { get; set; }
    public string? ParallelProcesses { get; set; }
    public string? Timetable { get; set; }
    public string? Publication { get; set; }
    public Methodology? Methodology { get; set; }
    public string? MethodologyNote { get; set; }
    public AgencyReportsRequirement? AgencyReports { get; set; }
    public ChronologyRequirement? Chronology { get; set; }

    public static IEnumerable<RadioItem> MethodologyItems => Methodologies.All.Select(m => new RadioItem(m.Value.ToString(), m.Name, m.Description));

    public static IEnumerable<RadioItem> AgencyReportsItems =>
        Enum.GetValues<AgencyReportsRequirement>().Select(v => new RadioItem(v.ToString(), Labels.Of(v), Labels.HintFor(v)));

    public static IEnumerable<RadioItem> ChronologyItems =>
        Enum.GetValues<ChronologyRequirement>().Select(v => new RadioItem(v.ToString(), Labels.Of(v), Labels.HintFor(v)));

    public static TermsForm From(TermsOfReferenceContent content) => new()
    {
        KeyLinesOfEnquiry = string.Join('\n', content.KeyLinesOfEnquiry),
        PeriodFrom = DateInputModel.From(content.PeriodFrom),
        PeriodTo = DateInputModel.From(content.PeriodTo),
        LeadBoardId = content.LeadBoard?.Id,
        OtherBoardIds = content.OtherBoards.Select(b => b.Id).ToList(),
        BoardsNote = content.BoardsNote,
        AgencyIds = content.Agencies.Select(a => a.Id).ToList(),
        OtherAgencies = content.OtherAgencies,
        FamilyContribution = content.FamilyContribution,
        ParallelProcesses = content.ParallelProcesses,
        Timetable = content.Timetable,
        Publication = content.Publication,
        Methodology = content.Methodology,
        MethodologyNote = content.MethodologyNote,
        AgencyReports = content.AgencyReports,
        Chronology = content.Chronology,
    };

    /// <summary>The form as the core takes it, after checking its dates (null when one is not a real date).</summary>
    public TermsOfReferenceInput? Read(ModelStateDictionary modelState, string prefix = "Input")
    {
        var from = OptionalDate.Read(PeriodFrom, modelState, $"{prefix}.PeriodFrom", "the start of the period");
        var to = OptionalDate.Read(PeriodTo, modelState, $"{prefix}.PeriodTo", "the end of the period");
        return modelState.IsValid
            ? new TermsOfReferenceInput(TermsOfReferenceRules.Lines(KeyLinesOfEnquiry), from, to, LeadBoardId, OtherBoardIds, BoardsNote, AgencyIds,
                OtherAgencies, FamilyContribution, ParallelProcesses, Timetable, Publication, Methodology, MethodologyNote, AgencyReports, Chronology)
            : null;
    }
}
