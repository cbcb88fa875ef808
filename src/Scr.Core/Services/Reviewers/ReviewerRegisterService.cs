using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.Reviewers;

/// <summary>How the register is searched: words in the name or background, and any of the filters.</summary>
public sealed record ReviewerFilter(string? Search = null, Methodology? Methodology = null, Region? Region = null, IncidentType? CaseType = null,
    bool AvailableNow = false, bool Accredited = false, bool NewReviewers = false);

/// <summary>A course to add to the reviewer's own profile: one of the catalogue's keys, a title for "other", and when completed.</summary>
public sealed record TrainingInput(string? CourseKey, string? Title, DateOnly? CompletedOn);

/// <summary>A board or agency the reviewer works or worked for: one in the service, or another by its name; when they left.</summary>
public sealed record AffiliationInput(Guid? OrganisationId, string? OrganisationName, string? Position, DateOnly? Until);

/// <summary>A mentoring pair to record: the experienced reviewer, the new one, and a case the mentor leads to shadow on.</summary>
public sealed record MentoringInput(Guid? MentorId, Guid? MenteeId, Guid? ShadowReviewId, string? Note);

/// <summary>An entry of the register with the reviewer's name and the work they do in this service.</summary>
public sealed record ReviewerEntry(ReviewerProfile Profile, string Name, string Email, int ReviewsLedHere, int CurrentLoad)
{
    public int TotalLed => Profile.ReviewsLed + ReviewsLedHere;

    public bool IsNew => ReviewerRules.IsNew(TotalLed);

    public bool IsExperienced => ReviewerRules.IsExperienced(TotalLed);

    public bool IsAccredited => Profile.Training.Any(t => t.Course.Level == TrainingLevel.Accreditation);

    public bool IsAvailableOn(DateOnly day) =>
        ReviewerRules.IsAvailable(Profile.AvailableFrom, Profile.AvailableUntil, Profile.Capacity, CurrentLoad, day);
}

/// <summary>A mentoring pair with the reviewers' names and the reference of the case shadowed.</summary>
public sealed record MentoringView(MentoringPair Pair, string Mentor, string Mentee, string? ShadowCase);

/// <summary>One reviewer's entry as shown: their details, their mentoring pairs, and whether it is the reader's own.</summary>
public sealed record ReviewerProfileView(ReviewerEntry Reviewer, IReadOnlyList<MentoringView> Mentoring, IReadOnlyDictionary<Guid, string> Organisations,
    bool IsOwn);

/// <summary>Where the methodology a match was made on came from.</summary>
public enum MethodologySource
{
    /// <summary>The person matching chose it (or none was known).</summary>
    AskedFor,

    /// <summary>The review's terms of reference (the draft being worked on, or the version signed off).</summary>
    TermsOfReference,

    /// <summary>The review sub-group's recommendation, before the terms of reference say.</summary>
    Recommendation,
}

/// <summary>
/// A case matched to the register: the case, the methodology matched on (the one asked for, else the terms of
/// reference's, else the sub-group's proposal), and every reviewer scored with reasons, the appointable first.
/// </summary>
public sealed record ReviewerMatchResult(ReviewView View, Methodology? Methodology, MethodologySource MethodologySource, IReadOnlyList<ReviewerMatch> Matches)
{
    public Review Review => View.Review;
}

/// <summary>The mentoring pairs, and the reviewers who may be paired.</summary>
public sealed record MentoringOverview(IReadOnlyList<MentoringView> Pairs, IReadOnlyList<ReviewerEntry> Reviewers);

/// <summary>
/// The register of independent reviewers shared by every board (seed 004): searching it, reading an entry, a
/// reviewer keeping their own, matching a case to it (<see cref="ReviewerMatching"/>) and mentoring pairs. Who may is
/// <see cref="ReviewerRegisterRules"/>. Every change is audited, and so is every read of an entry.
/// </summary>
public sealed class ReviewerRegisterService(ScrDbContext db, ReviewService reviews, ReviewerFacts facts, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => UkTime.DateOf(clock.GetUtcNow());

    private IQueryable<ReviewerProfile> Profiles(bool tracking = false)
    {
        var query = db.ReviewerProfiles().Include(p => p.User).Include(p => p.Training).Include(p => p.Affiliations).AsSplitQuery();
        return tracking ? query : query.AsNoTracking();
    }

    private async Task<IReadOnlyList<ReviewerEntry>> EntriesAsync(IReadOnlyList<ReviewerProfile> profiles, CancellationToken cancellationToken)
    {
        var work = await facts.WorkAsync(profiles.Select(p => p.UserId).ToList(), cancellationToken);
        return profiles.Select(p => new ReviewerEntry(p, p.User?.DisplayName ?? "", p.User?.Email ?? "", work[p.UserId].LedHere, work[p.UserId].CurrentLoad))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The register, filtered; for business units, chairs and system administrators of any board.</summary>
    public async Task<IReadOnlyList<ReviewerEntry>> ListAsync(Principal principal, ReviewerFilter filter, CancellationToken cancellationToken = default)
    {
        if (!ReviewerRegisterRules.MaySeeRegister(principal))
        {
            throw new ForbiddenException("The reviewer register is for boards' business units and chairs.");
        }
        var profiles = await Profiles().Where(p => p.User!.DisabledAt == null).ToListAsync(cancellationToken);
        var today = Today;
        var words = (filter.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (await EntriesAsync(profiles, cancellationToken))
            .Where(e => words.All(w => e.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Profile.Background.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Where(e => filter.Methodology is not { } m || e.Profile.Methodologies.Contains(m))
            .Where(e => filter.Region is not { } r || e.Profile.Regions.Contains(r))
            .Where(e => filter.CaseType is not { } t || e.Profile.CaseTypes.Contains(t))
            .Where(e => !filter.AvailableNow || e.IsAvailableOn(today))
            .Where(e => !filter.Accredited || e.IsAccredited)
            .Where(e => !filter.NewReviewers || !e.IsExperienced)
            .ToList();
    }

    /// <summary>One entry, for those who read the register, the reviewer and their mentoring partners. The read is audited.</summary>
    public async Task<ReviewerProfileView> GetAsync(Guid profileId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var profile = await Profiles().FirstOrDefaultAsync(p => p.Id == profileId, cancellationToken) ?? throw new NotFoundException("The reviewer");
        var view = await ViewAsync(profile, principal, cancellationToken);
        var partners = view.Mentoring.Select(m => m.Pair.MentorId == profile.Id ? m.Pair.Mentee!.UserId : m.Pair.Mentor!.UserId);
        if (!ReviewerRegisterRules.MaySeeProfile(principal, profile.UserId, partners))
        {
            throw new ForbiddenException("The reviewer register is for boards' business units and chairs.");
        }
        await audit.RecordNowAsync(actor, AuditActions.ReviewerProfileRead, null, "reviewer", profile.Id.ToString(), null, cancellationToken);
        return view;
    }

    private async Task<ReviewerProfileView> ViewAsync(ReviewerProfile profile, Principal principal, CancellationToken cancellationToken)
    {
        var entry = (await EntriesAsync([profile], cancellationToken))[0];
        var pairs = await PairsAsync(db.MentoringPairs().Where(m => m.MentorId == profile.Id || m.MenteeId == profile.Id), cancellationToken);
        var organisationIds = profile.Affiliations.Select(a => a.OrganisationId).OfType<Guid>().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return new ReviewerProfileView(entry, pairs, organisations, profile.UserId == principal.UserId);
    }

    private async Task<IReadOnlyList<MentoringView>> PairsAsync(IQueryable<MentoringPair> query, CancellationToken cancellationToken)
    {
        var pairs = await query.AsNoTracking().Include(m => m.Mentor).ThenInclude(p => p!.User).Include(m => m.Mentee).ThenInclude(p => p!.User)
            .Include(m => m.ShadowReview).AsSplitQuery().ToListAsync(cancellationToken);
        return pairs.OrderBy(m => m.EndedOn is null ? 0 : 1).ThenByDescending(m => m.StartedOn)
            .Select(m => new MentoringView(m, m.Mentor?.User?.DisplayName ?? "", m.Mentee?.User?.DisplayName ?? "", m.ShadowReview?.Reference))
            .ToList();
    }

    /// <summary>The person's own entry (none yet: null), for a person with the lead reviewer role.</summary>
    public async Task<ReviewerProfileView?> GetMineAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        RequireReviewer(principal);
        var profile = await Profiles().FirstOrDefaultAsync(p => p.UserId == principal.UserId, cancellationToken);
        return profile is null ? null : await ViewAsync(profile, principal, cancellationToken);
    }

    private static void RequireReviewer(Principal principal)
    {
        if (!ReviewerRegisterRules.MayKeepProfile(principal))
        {
            throw new ForbiddenException("Only independent reviewers (with the lead reviewer role) keep an entry on the register.");
        }
    }

    private async Task<ReviewerProfile> MineAsync(Principal principal, CancellationToken cancellationToken)
    {
        RequireReviewer(principal);
        return await Profiles(tracking: true).FirstOrDefaultAsync(p => p.UserId == principal.UserId, cancellationToken)
            ?? throw new RuleViolationException("Save your details first: then add your training and the organisations you work or worked for.");
    }

    /// <summary>
    /// Creates or changes the person's own entry. <paramref name="expectedVersion"/> is the version they read (none when
    /// creating); a stale one is refused.
    /// </summary>
    public async Task<ReviewerProfile> SaveMineAsync(ReviewerDetails details, Guid? expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        RequireReviewer(principal);
        var now = clock.GetUtcNow();
        var profile = await Profiles(tracking: true).FirstOrDefaultAsync(p => p.UserId == principal.UserId, cancellationToken);
        if (profile is null)
        {
            profile = ReviewerProfile.Create(principal.UserId, details, now);
            db.ReviewerProfiles().Add(profile);
        }
        else
        {
            ExpectVersion(profile, expectedVersion);
            profile.Update(details, now);
        }
        audit.Record(actor, AuditActions.ReviewerProfileSaved, null, "reviewer", profile.Id.ToString(),
            $"regions={string.Join(',', profile.Regions)}; methodologies={string.Join(',', profile.Methodologies)}; capacity={profile.Capacity}");
        await SaveAsync(cancellationToken);
        return profile;
    }

    private void ExpectVersion(ReviewerProfile profile, Guid? expectedVersion)
    {
        if (expectedVersion is not { } expected || profile.Version != expected)
        {
            throw new StaleEditException(StaleProfile);
        }
        db.Entry(profile).Property(p => p.Version).OriginalValue = expected;
    }

    private const string StaleProfile =
        "Your reviewer profile was changed after you opened it (perhaps in another window). Your change has not been saved. Check it as it is now and try again.";

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException(StaleProfile);
        }
    }

    public async Task<ReviewerTraining> AddTrainingAsync(TrainingInput input, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var profile = await MineAsync(principal, cancellationToken);
        var training = profile.AddTraining(input.CourseKey, input.Title, input.CompletedOn, Today, clock.GetUtcNow());
        db.ReviewerTraining().Add(training);
        audit.Record(actor, AuditActions.ReviewerTrainingAdded, null, "reviewer", profile.Id.ToString(), $"training={training.Id}; course={training.CourseKey}");
        await SaveAsync(cancellationToken);
        return training;
    }

    public async Task RemoveTrainingAsync(Guid trainingId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var profile = await MineAsync(principal, cancellationToken);
        if (!profile.RemoveTraining(trainingId))
        {
            throw new NotFoundException("The course");
        }
        audit.Record(actor, AuditActions.ReviewerTrainingRemoved, null, "reviewer", profile.Id.ToString(), $"training={trainingId}");
        await SaveAsync(cancellationToken);
    }

    /// <summary>Declares a board or agency the reviewer works or worked for: a conflict with that board's cases or cases involving that agency.</summary>
    public async Task<ReviewerAffiliation> AddAffiliationAsync(AffiliationInput input, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var profile = await MineAsync(principal, cancellationToken);
        var name = input.OrganisationName;
        if (input.OrganisationId is { } organisationId)
        {
            name = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == organisationId && (o.Kind == OrganisationKind.Board || o.Kind == OrganisationKind.Agency))
                .Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new RuleViolationException([new RuleProblem("organisationId", "Select a board or agency in the service, or enter the organisation's name")]);
        }
        var affiliation = profile.AddAffiliation(input.OrganisationId, name, input.Position, input.Until, Today, clock.GetUtcNow());
        db.ReviewerAffiliations().Add(affiliation);
        audit.Record(actor, AuditActions.ReviewerAffiliationAdded, null, "reviewer", profile.Id.ToString(),
            $"affiliation={affiliation.Id}" + (affiliation.OrganisationId is { } id ? $"; organisation={id}" : "") + (affiliation.Until is null ? "; current=true" : ""));
        await SaveAsync(cancellationToken);
        return affiliation;
    }

    public async Task RemoveAffiliationAsync(Guid affiliationId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var profile = await MineAsync(principal, cancellationToken);
        if (!profile.RemoveAffiliation(affiliationId))
        {
            throw new NotFoundException("The organisation");
        }
        audit.Record(actor, AuditActions.ReviewerAffiliationRemoved, null, "reviewer", profile.Id.ToString(), $"affiliation={affiliationId}");
        await SaveAsync(cancellationToken);
    }

    /// <summary>The boards and agencies a reviewer may name as somewhere they work or worked.</summary>
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Board || o.Kind == OrganisationKind.Agency)
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// Matches the case to every reviewer on the register (<see cref="ReviewerMatching"/>), on the methodology asked for
    /// or else the one the sub-group proposed. For those who choose the review team; the read is audited as a read of
    /// the case.
    /// </summary>
    public async Task<ReviewerMatchResult> MatchAsync(Guid reviewId, Methodology? methodology, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(reviewId, principal, tracking: false, cancellationToken);
        var review = view.Review;
        if (view.Access != ReviewAccess.Full || !ReviewAccessRules.MayMatchReviewers(principal, review))
        {
            throw new ForbiddenException("Only the business unit or the chair chooses the review team.");
        }
        // The terms of reference decide the methodology; before they say, the sub-group's proposal stands in.
        var terms = (review.TermsDraft ?? review.SignedOffTerms)?.Methodology;
        var proposed = terms ?? review.Recommendation?.Methodology;
        var used = methodology ?? proposed;
        var profiles = await Profiles().Where(p => p.User!.DisabledAt == null).ToListAsync(cancellationToken);
        var userIds = profiles.Select(p => p.UserId).ToList();
        var affiliations = await facts.AffiliationsAsync(userIds, cancellationToken);
        var work = await facts.WorkAsync(userIds, cancellationToken);
        var candidates = profiles.Select(p => new MatchCandidate(p.Id, p.UserId, p.User?.DisplayName ?? "", p.Regions, p.Methodologies, p.CaseTypes,
            p.Training, p.ReviewsLed, work[p.UserId].LedHere, work[p.UserId].CurrentLoad, p.AvailableFrom, p.AvailableUntil, p.Capacity,
            affiliations[p.UserId], review.DeclarationsOf(p.UserId), review.ConflictExceptionsFor(p.UserId), review.IsOnTeam(p.UserId)));
        var matches = ReviewerMatching.Rank(new MatchCase(CaseConflictFacts.Of(review), review.Board?.Region, review.IncidentType, used), candidates, Today);
        await audit.RecordNowAsync(actor, AuditActions.ReviewRead, review.BoardId, "review", review.Id.ToString(),
            $"access={view.Access}; part=reviewer-match; methodology={used?.ToString() ?? "none"}", cancellationToken);
        var source = methodology is not null || proposed is null ? MethodologySource.AskedFor
            : terms is not null ? MethodologySource.TermsOfReference : MethodologySource.Recommendation;
        return new ReviewerMatchResult(view, used, source, matches);
    }

    /// <summary>Every mentoring pair, and the reviewers who may be paired; for business units and system administrators.</summary>
    public async Task<MentoringOverview> MentoringAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        RequireMentoring(principal);
        var pairs = await PairsAsync(db.MentoringPairs(), cancellationToken);
        var profiles = await Profiles().Where(p => p.User!.DisabledAt == null).ToListAsync(cancellationToken);
        return new MentoringOverview(pairs, await EntriesAsync(profiles, cancellationToken));
    }

    private static void RequireMentoring(Principal principal)
    {
        if (!ReviewerRegisterRules.MayManageMentoring(principal))
        {
            throw new ForbiddenException("Business units pair new reviewers with experienced ones.");
        }
    }

    /// <summary>
    /// Pairs a new reviewer with an experienced one (<see cref="ReviewerRules.CheckPair"/>), optionally on a case the
    /// mentor leads, which the person recording it must be able to change; the new reviewer then joins that case's team as
    /// shadow reviewer through the panel's appointment (and its conflict rule).
    /// </summary>
    public async Task<MentoringPair> PairAsync(MentoringInput input, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireMentoring(principal);
        var ids = new[] { input.MentorId, input.MenteeId }.OfType<Guid>().ToList();
        var profiles = await db.ReviewerProfiles().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var mentor = profiles.FirstOrDefault(p => p.Id == input.MentorId);
        var mentee = profiles.FirstOrDefault(p => p.Id == input.MenteeId);
        var work = await facts.WorkAsync(profiles.Select(p => p.UserId).ToList(), cancellationToken);
        int Led(ReviewerProfile? p) => p is null ? 0 : p.ReviewsLed + work[p.UserId].LedHere;
        var alreadyPaired = mentor is not null && mentee is not null
            && await db.MentoringPairs().AnyAsync(m => m.MentorId == mentor.Id && m.MenteeId == mentee.Id && m.EndedOn == null, cancellationToken);
        bool? ledByMentor = null;
        Review? shadowCase = null;
        if (input.ShadowReviewId is { } shadowId)
        {
            var view = await reviews.LoadAsync(shadowId, principal, tracking: false, cancellationToken);
            if (view.Access != ReviewAccess.Full || !ReviewAccessRules.MayManageTeam(principal, view.Review))
            {
                throw new ForbiddenException("Only the case's business unit or chair can add a shadow reviewer to it.");
            }
            shadowCase = view.Review;
            ledByMentor = mentor is not null && shadowCase.Team.Any(t => t.UserId == mentor.UserId && t.Role == TeamRole.LeadReviewer);
        }
        var unknown = new List<RuleProblem>();
        if (input.MentorId is not null && mentor is null)
        {
            unknown.Add(new("mentorId", "Select a reviewer on the register"));
        }
        if (input.MenteeId is not null && mentee is null)
        {
            unknown.Add(new("menteeId", "Select a reviewer on the register"));
        }
        RuleViolationException.ThrowIfAny(unknown);
        RuleViolationException.ThrowIfAny(ReviewerRules.CheckPair(input.MentorId, Led(mentor), input.MenteeId, Led(mentee), alreadyPaired, input.Note,
            ledByMentor));
        var pair = new MentoringPair(mentor!.Id, mentee!.Id, shadowCase?.Id, input.Note, Today, principal.UserId, clock.GetUtcNow());
        db.MentoringPairs().Add(pair);
        audit.Record(actor, AuditActions.MentoringPaired, shadowCase?.BoardId, "mentoring", pair.Id.ToString(),
            $"mentor={mentor.Id}; mentee={mentee.Id}" + (shadowCase is null ? "" : $"; shadowReview={shadowCase.Id}"));
        await db.SaveChangesAsync(cancellationToken);
        return pair;
    }

    public async Task EndPairAsync(Guid pairId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireMentoring(principal);
        var pair = await db.MentoringPairs().FirstOrDefaultAsync(m => m.Id == pairId, cancellationToken) ?? throw new NotFoundException("The mentoring pair");
        pair.End(Today);
        audit.Record(actor, AuditActions.MentoringEnded, null, "mentoring", pair.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }
}
