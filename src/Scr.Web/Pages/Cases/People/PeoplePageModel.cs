using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.People;
using Scr.Web.Pages.Cases.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.People;

/// <summary>
/// What every page of the people journey shares: the people of the case as the person may see them (the read is
/// audited; <see cref="PeopleService"/> refuses those who may not), the version the person read, and the core's
/// refusals put against the form's fields.
/// </summary>
public abstract class PeoplePageModel(CurrentUser me, PeopleService people) : PageModel
{
    protected CurrentUser Me { get; } = me;
    protected PeopleService PeopleService { get; } = people;

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the case the person read, so a change made meanwhile is not overwritten.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public PeopleView People { get; protected set; } = null!;
    public Review Review => People.Review;

    public string PeoplePath => $"/cases/{Id}/people";

    protected async Task<PeopleView> LoadAsync()
    {
        People = await PeopleService.GetAsync(Id, await Me.GetAsync(), Me.Actor);
        return People;
    }

    /// <summary>Refuses anyone who may not record the people of the review (the business unit and the review team, while it is open).</summary>
    protected void RequireRecorder()
    {
        if (!People.MayRecord)
        {
            throw new ForbiddenException(Review.IsOpen
                ? "Only the business unit and the review team record interviews, meetings and the family's involvement."
                : "The review is closed: its interviews, meetings and family records can no longer change.");
        }
    }

    /// <summary>Puts each of the core's problems on the form's field (<c>heldOn</c> → <c>Input.HeldOn</c>), or on the form as a whole.</summary>
    protected void AddProblems(IEnumerable<RuleProblem> problems, string prefix = "Input") => ModelState.AddRuleProblems(problems, prefix);

    protected void Stale(StaleEditException e)
    {
        ModelState.AddModelError("", e.Message);
        Version = Review.Version;
    }

    /// <summary>The review team as checkboxes or radios.</summary>
    public IEnumerable<RadioItem> TeamItems => People.TeamMembers.Select(t => new RadioItem(t.Id.ToString(), t.Name));
}

/// <summary>The pages with the interview form (add, and the interview's own page).</summary>
public abstract class InterviewFormPageModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [BindProperty]
    public InterviewForm Input { get; set; } = new();
}

/// <summary>The interview form (add and change).</summary>
public sealed class InterviewForm
{
    [Required(ErrorMessage = "Enter the interviewee's email address")]
    public string? IntervieweeEmail { get; set; }

    [Required(ErrorMessage = "Enter the interviewee's name")]
    [StringLength(PractitionerInterview.NameMaxLength, ErrorMessage = "The name must be 200 characters or fewer")]
    public string? IntervieweeName { get; set; }

    [StringLength(PractitionerInterview.NameMaxLength, ErrorMessage = "The role must be 200 characters or fewer")]
    public string? IntervieweeRole { get; set; }

    [StringLength(PractitionerInterview.NameMaxLength, ErrorMessage = "The agency must be 200 characters or fewer")]
    public string? Agency { get; set; }

    public List<Guid> InterviewerIds { get; set; } = [];

    public DateInputModel HeldOn { get; set; } = new();

    [StringLength(PractitionerInterview.CommentsMaxLength, ErrorMessage = "Who agreed the interview must be 4,000 characters or fewer")]
    public string? ConstraintClearance { get; set; }

    [StringLength(PractitionerInterview.RecordMaxLength, ErrorMessage = "The record must be 40,000 characters or fewer")]
    public string? Record { get; set; }

    public static InterviewForm From(PractitionerInterview interview, string? email) => new()
    {
        IntervieweeEmail = email,
        IntervieweeName = interview.IntervieweeName,
        IntervieweeRole = interview.IntervieweeRole,
        Agency = interview.Agency,
        InterviewerIds = interview.InterviewerIds.ToList(),
        HeldOn = DateInputModel.From(interview.HeldOn),
        ConstraintClearance = interview.ConstraintClearance,
        Record = interview.Record,
    };

    public InterviewInput? Read(ModelStateDictionary modelState, string prefix = "Input")
    {
        var heldOn = OptionalDate.Read(HeldOn, modelState, $"{prefix}.HeldOn", "the date of the interview");
        return modelState.IsValid ? new InterviewInput(IntervieweeEmail, IntervieweeName, IntervieweeRole, Agency, InterviewerIds, heldOn, Record,
            ConstraintClearance) : null;
    }
}

/// <summary>The pages with the family member form (add and change).</summary>
public abstract class FamilyFormPageModel(CurrentUser me, PeopleService people) : PeoplePageModel(me, people)
{
    [BindProperty]
    public FamilyMemberForm Input { get; set; } = new();
}

/// <summary>The family member form (add and change).</summary>
public sealed class FamilyMemberForm
{
    [Required(ErrorMessage = "Enter the family member's name")]
    [StringLength(FamilyMember.NameMaxLength, ErrorMessage = "The name must be 200 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter their relationship to the child")]
    [StringLength(FamilyMember.NameMaxLength, ErrorMessage = "The relationship must be 200 characters or fewer")]
    public string? Relationship { get; set; }

    /// <summary>"Yes" to involve them, "No" for the decision not to.</summary>
    [Required(ErrorMessage = "Select whether the review involves them")]
    public string? Involve { get; set; }

    public string? NotInvolvedReasons { get; set; }

    public bool? Invited { get; set; }

    public FamilyConsent? Consent { get; set; }

    public DateInputModel ConsentOn { get; set; } = new();

    public Guid? MetById { get; set; }

    [StringLength(FamilyMember.TextMaxLength, ErrorMessage = "The key worker must be 4,000 characters or fewer")]
    public string? KeyWorker { get; set; }

    [StringLength(FamilyMember.TextMaxLength, ErrorMessage = "What has been shared must be 4,000 characters or fewer")]
    public string? Shared { get; set; }

    [StringLength(FamilyMember.TextMaxLength, ErrorMessage = "Their feedback must be 4,000 characters or fewer")]
    public string? Feedback { get; set; }

    public static IEnumerable<RadioItem> InvolveItems =>
    [
        new("Yes", "Yes", "Invite them to contribute, and record their consent and what is shared with them"),
        new("No", "No: the decision is not to involve them", "Give the reasons below"),
    ];

    public static IEnumerable<RadioItem> InvitedItems => [new("true", "Yes"), new("false", "Not yet")];

    public static IEnumerable<RadioItem> ConsentItems => Enum.GetValues<FamilyConsent>().Select(c => new RadioItem(c.ToString(), Labels.Of(c)));

    public static FamilyMemberForm From(FamilyMember member) => new()
    {
        Name = member.Name,
        Relationship = member.Relationship,
        Involve = member.NotInvolved ? "No" : "Yes",
        NotInvolvedReasons = member.NotInvolvedReasons,
        Invited = member.Invited,
        Consent = member.Consent,
        ConsentOn = DateInputModel.From(member.ConsentOn),
        MetById = member.MetById,
        KeyWorker = member.KeyWorker,
        Shared = member.Shared,
        Feedback = member.Feedback,
    };

    public FamilyMemberInput? Read(ModelStateDictionary modelState, string prefix = "Input")
    {
        var consentOn = OptionalDate.Read(ConsentOn, modelState, $"{prefix}.ConsentOn", "the date of their answer");
        return modelState.IsValid
            ? new FamilyMemberInput(Name, Relationship, Invited, Consent, consentOn, MetById, KeyWorker, Shared, Feedback, Involve == "No", NotInvolvedReasons)
            : null;
    }
}
