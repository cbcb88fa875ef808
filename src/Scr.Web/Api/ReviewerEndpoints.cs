using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// The register of independent reviewers shared by every board (seed 004): searching it, reading an entry, a reviewer
/// keeping their own (details, training, the boards and agencies they work or worked for), and mentoring pairs. Each
/// calls <see cref="ReviewerRegisterService"/>; who may is <see cref="ReviewerRegisterRules"/>.
/// </summary>
public static class ReviewerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reviewers = api.MapGroup("").WithTags("Reviewer register");
        reviewers.MapGet("/reviewers", List).WithName("ListReviewers").Refusals()
            .WithSummary("The register, filtered")
            .WithDescription("For boards' business units and chairs, and system administrators. q: words in the name or background; "
                + "methodology, region and caseType: enum names; availableNow, accredited and newReviewers (fewer than 3 reviews led): true to filter.");
        reviewers.MapGet("/reviewers/{profileId:guid}", Get).WithName("GetReviewer").Refusals()
            .WithSummary("One reviewer's entry")
            .WithDescription("For those who read the register, the reviewer, and their mentoring partners. The read is audited.");
        reviewers.MapGet("/reviewers/me", GetMine).WithName("GetMyReviewerProfile").Refusals()
            .WithSummary("Your own entry (404 until you create it)").WithDescription("People with the lead reviewer role.");
        reviewers.MapPut("/reviewers/me", SaveMine).WithName("SaveMyReviewerProfile").Refusals(versioned: true)
            .WithSummary("Create or change your own entry (send the version you last read, none when creating)")
            .WithDescription("regions (at least one), methodologies (at least one), caseTypes: enum names. reviewsLed: reviews led outside "
                + "this service (0–500; those led here are counted). capacity: reviews at once (0–10; 0: not taking any). availableFrom and "
                + "availableUntil: optional dates. background up to 2,000 characters.");
        reviewers.MapPost("/reviewers/me/training", AddTraining).WithName("AddMyTraining").Refusals()
            .WithSummary("Add a course you completed")
            .WithDescription("courseKey: one of " + string.Join(", ", TrainingCatalogue.All.Select(c => c.Key))
                + " (title required for other); completedOn not in the future.");
        reviewers.MapDelete("/reviewers/me/training/{trainingId:guid}", RemoveTraining).WithName("RemoveMyTraining").Refusals()
            .WithSummary("Remove a course from your entry");
        reviewers.MapPost("/reviewers/me/affiliations", AddAffiliation).WithName("AddMyAffiliation").Refusals()
            .WithSummary("Declare a board or agency you work or worked for")
            .WithDescription("organisationId: a board or agency in the service (conflicts are checked against it), or organisationName for "
                + "another; until: when you left (none: you still work there). You are then neither matched nor appointed as an "
                + "independent reviewer to a case of that board or involving that agency without the chair's exception.");
        reviewers.MapDelete("/reviewers/me/affiliations/{affiliationId:guid}", RemoveAffiliation).WithName("RemoveMyAffiliation").Refusals()
            .WithSummary("Remove a board or agency from your entry");
        reviewers.MapGet("/reviewers/mentoring", Mentoring).WithName("ListMentoringPairs").Refusals()
            .WithSummary("Mentoring and shadowing pairs").WithDescription("For boards' business units and system administrators.");
        reviewers.MapPost("/reviewers/mentoring", Pair).WithName("PairReviewers").Refusals()
            .WithSummary("Pair a new reviewer with an experienced one")
            .WithDescription("mentorId and menteeId: profile ids; the mentor has led at least 3 reviews, the mentee fewer. shadowReviewId: "
                + "optionally a case of your board the mentor leads; add the mentee to its team as ShadowReviewer afterwards "
                + "(POST /api/v1/cases/{id}/team, with their declaration).");
        reviewers.MapPost("/reviewers/mentoring/{pairId:guid}/end", EndPair).WithName("EndMentoringPair").Refusals()
            .WithSummary("End a mentoring pair");
    }

    private static async Task<Ok<IReadOnlyList<ReviewerSummaryDetail>>> List(CurrentUser me, ReviewerRegisterService register, TimeProvider clock, string? q,
        Methodology? methodology, Region? region, IncidentType? caseType, bool? availableNow, bool? accredited, bool? newReviewers,
        CancellationToken cancellationToken)
    {
        var entries = await register.ListAsync(await me.GetAsync(cancellationToken), new ReviewerFilter(q, methodology, region, caseType,
            availableNow == true, accredited == true, newReviewers == true), cancellationToken);
        var today = UkTime.DateOf(clock.GetUtcNow());
        return TypedResults.Ok<IReadOnlyList<ReviewerSummaryDetail>>(entries.Select(e => ReviewerSummaryDetail.Of(e, today)).ToList());
    }

    private static async Task<Ok<ReviewerDetail>> Get(Guid profileId, CurrentUser me, ReviewerRegisterService register, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var view = await register.GetAsync(profileId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(ReviewerDetail.Of(view, UkTime.DateOf(clock.GetUtcNow())));
    }

    private static async Task<Ok<ReviewerDetail>> GetMine(CurrentUser me, ReviewerRegisterService register, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var view = await register.GetMineAsync(await me.GetAsync(cancellationToken), cancellationToken) ?? throw new NotFoundException("Your reviewer profile");
        return TypedResults.Ok(ReviewerDetail.Of(view, UkTime.DateOf(clock.GetUtcNow())));
    }

    private static async Task<Results<Ok<ReviewerDetail>, ValidationProblem, Conflict<ConflictBody>>> SaveMine(ReviewerProfileRequest request, CurrentUser me,
        ReviewerRegisterService register, TimeProvider clock, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        await register.SaveMineAsync(new ReviewerDetails(request.Background, request.Regions ?? [], request.Methodologies ?? [], request.CaseTypes ?? [],
            request.ReviewsLed, request.AvailableFrom, request.AvailableUntil, request.Capacity), request.Version, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(ReviewerDetail.Of((await register.GetMineAsync(principal, cancellationToken))!, UkTime.DateOf(clock.GetUtcNow())));
    }

    private static async Task<Results<Created<TrainingDetail>, ValidationProblem>> AddTraining(TrainingRequest request, CurrentUser me,
        ReviewerRegisterService register, CancellationToken cancellationToken)
    {
        var training = await register.AddTrainingAsync(new TrainingInput(request.CourseKey, request.Title, request.CompletedOn),
            await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Created("/api/v1/reviewers/me", TrainingDetail.Of(training));
    }

    private static async Task<NoContent> RemoveTraining(Guid trainingId, CurrentUser me, ReviewerRegisterService register, CancellationToken cancellationToken)
    {
        await register.RemoveTrainingAsync(trainingId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<AffiliationDetail>, ValidationProblem>> AddAffiliation(AffiliationRequest request, CurrentUser me,
        ReviewerRegisterService register, CancellationToken cancellationToken)
    {
        var affiliation = await register.AddAffiliationAsync(new AffiliationInput(request.OrganisationId, request.OrganisationName, request.Position,
            request.Until), await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Created("/api/v1/reviewers/me", AffiliationDetail.Of(affiliation));
    }

    private static async Task<NoContent> RemoveAffiliation(Guid affiliationId, CurrentUser me, ReviewerRegisterService register,
        CancellationToken cancellationToken)
    {
        await register.RemoveAffiliationAsync(affiliationId, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MentoringPairDetail>>> Mentoring(CurrentUser me, ReviewerRegisterService register,
        CancellationToken cancellationToken)
    {
        var overview = await register.MentoringAsync(await me.GetAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MentoringPairDetail>>(overview.Pairs.Select(MentoringPairDetail.Of).ToList());
    }

    private static async Task<Results<Created<MentoringPairDetail>, ValidationProblem>> Pair(MentoringRequest request, CurrentUser me,
        ReviewerRegisterService register, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        var pair = await register.PairAsync(new MentoringInput(request.MentorId, request.MenteeId, request.ShadowReviewId, request.Note), principal, me.Actor,
            cancellationToken);
        var view = (await register.MentoringAsync(principal, cancellationToken)).Pairs.Single(p => p.Pair.Id == pair.Id);
        return TypedResults.Created("/api/v1/reviewers/mentoring", MentoringPairDetail.Of(view));
    }

    private static async Task<Ok<MentoringPairDetail>> EndPair(Guid pairId, CurrentUser me, ReviewerRegisterService register, CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        await register.EndPairAsync(pairId, principal, me.Actor, cancellationToken);
        return TypedResults.Ok(MentoringPairDetail.Of((await register.MentoringAsync(principal, cancellationToken)).Pairs.Single(p => p.Pair.Id == pairId)));
    }
}

/// <summary>Your own entry on the register; the version you last read (none when creating it).</summary>
public sealed record ReviewerProfileRequest(string? Background, IReadOnlyList<Region>? Regions, IReadOnlyList<Methodology>? Methodologies,
    IReadOnlyList<IncidentType>? CaseTypes, int? ReviewsLed, DateOnly? AvailableFrom, DateOnly? AvailableUntil, int? Capacity, Guid? Version);

public sealed record TrainingRequest(string? CourseKey, string? Title, DateOnly? CompletedOn);

public sealed record AffiliationRequest(Guid? OrganisationId, string? OrganisationName, string? Position, DateOnly? Until);

public sealed record MentoringRequest(Guid? MentorId, Guid? MenteeId, Guid? ShadowReviewId, string? Note);

public sealed record TrainingDetail(Guid Id, string CourseKey, string Name, TrainingLevel Level, Methodology? Methodology, DateOnly CompletedOn)
{
    public static TrainingDetail Of(ReviewerTraining t) => new(t.Id, t.CourseKey, t.Name, t.Course.Level, t.Course.Methodology, t.CompletedOn);
}

public sealed record AffiliationDetail(Guid Id, Guid? OrganisationId, string OrganisationName, string? Position,
    [property: Description("When they left; null while they still work there.")] DateOnly? Until)
{
    public static AffiliationDetail Of(ReviewerAffiliation a) => new(a.Id, a.OrganisationId, a.OrganisationName, a.Position, a.Until);
}

/// <summary>A register entry in a list: who, what they use, how much they have led and whether they are free now.</summary>
public sealed record ReviewerSummaryDetail(Guid ProfileId, Guid UserId, string Name, IReadOnlyList<Region> Regions, IReadOnlyList<Methodology> Methodologies,
    IReadOnlyList<IncidentType> CaseTypes, int ReviewsLed, bool Accredited, bool NewReviewer, bool AvailableNow, int CurrentLoad, int Capacity)
{
    public static ReviewerSummaryDetail Of(ReviewerEntry e, DateOnly today) => new(e.Profile.Id, e.Profile.UserId, e.Name, e.Profile.Regions,
        e.Profile.Methodologies, e.Profile.CaseTypes, e.TotalLed, e.IsAccredited, e.IsNew, e.IsAvailableOn(today), e.CurrentLoad, e.Profile.Capacity);
}

public sealed record MentoringPairDetail(Guid Id, Guid MentorId, string Mentor, Guid MenteeId, string Mentee, Guid? ShadowReviewId, string? ShadowCase,
    string? Note, DateOnly StartedOn, DateOnly? EndedOn)
{
    public static MentoringPairDetail Of(MentoringView v) => new(v.Pair.Id, v.Pair.MentorId, v.Mentor, v.Pair.MenteeId, v.Mentee, v.Pair.ShadowReviewId,
        v.ShadowCase, v.Pair.Note, v.Pair.StartedOn, v.Pair.EndedOn);
}

/// <summary>One reviewer's entry in full, with its version to send when changing your own.</summary>
public sealed record ReviewerDetail(ReviewerSummaryDetail Reviewer, string Email, string Background, int ReviewsLedElsewhere, int ReviewsLedHere,
    DateOnly? AvailableFrom, DateOnly? AvailableUntil, IReadOnlyList<TrainingDetail> Training, IReadOnlyList<AffiliationDetail> Affiliations,
    IReadOnlyList<MentoringPairDetail> Mentoring, Guid Version)
{
    public static ReviewerDetail Of(ReviewerProfileView v, DateOnly today)
    {
        var p = v.Reviewer.Profile;
        return new(ReviewerSummaryDetail.Of(v.Reviewer, today), v.Reviewer.Email, p.Background, p.ReviewsLed, v.Reviewer.ReviewsLedHere, p.AvailableFrom,
            p.AvailableUntil, p.Training.OrderByDescending(t => t.CompletedOn).Select(TrainingDetail.Of).ToList(),
            p.Affiliations.Select(AffiliationDetail.Of).ToList(), v.Mentoring.Select(MentoringPairDetail.Of).ToList(), p.Version);
    }
}
