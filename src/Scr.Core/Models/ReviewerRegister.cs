using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;

namespace Scr.Core.Models;

/// <summary>What a reviewer says of themselves on the register, as entered (checked by <see cref="ReviewerRules.Check"/>).</summary>
/// <param name="Background">Their background and the work they have done, in a few sentences.</param>
/// <param name="Regions">The regions they work in.</param>
/// <param name="Methodologies">The review methodologies they can use.</param>
/// <param name="CaseTypes">The kinds of case they have reviewed.</param>
/// <param name="ReviewsLed">Reviews they have led as lead reviewer or overview author, outside this service.</param>
/// <param name="AvailableFrom">From when they can take on a review; none: now.</param>
/// <param name="AvailableUntil">Until when; none: no end.</param>
/// <param name="Capacity">How many reviews they can lead at once (0: not taking on reviews).</param>
public sealed record ReviewerDetails(string? Background, IReadOnlyList<Region> Regions, IReadOnlyList<Methodology> Methodologies,
    IReadOnlyList<IncidentType> CaseTypes, int? ReviewsLed, DateOnly? AvailableFrom, DateOnly? AvailableUntil, int? Capacity);

/// <summary>
/// An independent reviewer's entry on the register shared by every board (seed 004: finding reviewers is "who you
/// know"; a transparent register is part of the answer): training, methodologies, experience, areas, availability and
/// the boards and agencies they work or worked for. Linked to the reviewer's account; they keep it themselves.
/// </summary>
public class ReviewerProfile : IVersioned
{
    private readonly List<ReviewerTraining> _training = [];
    private readonly List<ReviewerAffiliation> _affiliations = [];

    private ReviewerProfile()
    {
        Background = "";
        Regions = [];
        Methodologies = [];
        CaseTypes = [];
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public User? User { get; private set; }
    public string Background { get; private set; }
    public IReadOnlyList<Region> Regions { get; private set; }
    public IReadOnlyList<Methodology> Methodologies { get; private set; }
    public IReadOnlyList<IncidentType> CaseTypes { get; private set; }

    /// <summary>Reviews led outside this service; those led here are counted from the review teams.</summary>
    public int ReviewsLed { get; private set; }
    public DateOnly? AvailableFrom { get; private set; }
    public DateOnly? AvailableUntil { get; private set; }
    public int Capacity { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<ReviewerTraining> Training => _training;
    public IReadOnlyList<ReviewerAffiliation> Affiliations => _affiliations;

    public static ReviewerProfile Create(Guid userId, ReviewerDetails details, DateTimeOffset now)
    {
        var profile = new ReviewerProfile { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, Version = Guid.NewGuid() };
        profile.Update(details, now);
        return profile;
    }

    public void Update(ReviewerDetails details, DateTimeOffset now)
    {
        RuleViolationException.ThrowIfAny(ReviewerRules.Check(details));
        Background = details.Background?.Trim() ?? "";
        Regions = details.Regions.Where(r => r != Region.NotKnown).Distinct().Order().ToList();
        Methodologies = details.Methodologies.Distinct().Order().ToList();
        CaseTypes = details.CaseTypes.Distinct().Order().ToList();
        ReviewsLed = details.ReviewsLed ?? 0;
        AvailableFrom = details.AvailableFrom;
        AvailableUntil = details.AvailableUntil;
        Capacity = details.Capacity ?? 0;
        UpdatedAt = now;
    }

    public ReviewerTraining AddTraining(string? courseKey, string? title, DateOnly? completedOn, DateOnly today, DateTimeOffset now)
    {
        RuleViolationException.ThrowIfAny(ReviewerRules.CheckTraining(courseKey, title, completedOn, today));
        var course = TrainingCatalogue.Find(courseKey!)!;
        var training = new ReviewerTraining(Id, course.Key, course.IsOther ? title!.Trim() : null, completedOn!.Value);
        _training.Add(training);
        UpdatedAt = now;
        return training;
    }

    public bool RemoveTraining(Guid trainingId) => _training.RemoveAll(t => t.Id == trainingId) > 0;

    public ReviewerAffiliation AddAffiliation(Guid? organisationId, string? organisationName, string? position, DateOnly? until, DateOnly today,
        DateTimeOffset now)
    {
        RuleViolationException.ThrowIfAny(ReviewerRules.CheckAffiliation(organisationId, organisationName, position, until, today));
        var affiliation = new ReviewerAffiliation(Id, organisationId, organisationName!.Trim(), string.IsNullOrWhiteSpace(position) ? null : position.Trim(),
            until, now);
        _affiliations.Add(affiliation);
        UpdatedAt = now;
        return affiliation;
    }

    public bool RemoveAffiliation(Guid affiliationId) => _affiliations.RemoveAll(a => a.Id == affiliationId) > 0;
}

/// <summary>A course a reviewer completed: one of the <see cref="TrainingCatalogue"/>, or another with its title.</summary>
public class ReviewerTraining
{
    private ReviewerTraining()
    {
        CourseKey = "";
    }

    public ReviewerTraining(Guid profileId, string courseKey, string? title, DateOnly completedOn)
    {
        Id = Guid.NewGuid();
        ProfileId = profileId;
        CourseKey = courseKey;
        Title = title;
        CompletedOn = completedOn;
    }

    public Guid Id { get; private set; }
    public Guid ProfileId { get; private set; }
    public string CourseKey { get; private set; }

    /// <summary>The title of a course not in the catalogue.</summary>
    public string? Title { get; private set; }
    public DateOnly CompletedOn { get; private set; }

    public TrainingCourse Course => TrainingCatalogue.Find(CourseKey) ?? TrainingCatalogue.Other;

    /// <summary>The course's name as shown: the catalogue's, or the title given.</summary>
    public string Name => Course.IsOther ? Title ?? Course.Name : Course.Name;
}

/// <summary>
/// A board or agency the reviewer works for or worked for, as they declared it: a conflict with any case of that board
/// or involving that agency (WT2006 8.20).
/// </summary>
public class ReviewerAffiliation
{
    private ReviewerAffiliation()
    {
        OrganisationName = "";
    }

    public ReviewerAffiliation(Guid profileId, Guid? organisationId, string organisationName, string? position, DateOnly? until, DateTimeOffset declaredAt)
    {
        Id = Guid.NewGuid();
        ProfileId = profileId;
        OrganisationId = organisationId;
        OrganisationName = organisationName;
        Position = position;
        Until = until;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }
    public Guid ProfileId { get; private set; }

    /// <summary>The board or agency in the service, when it is one; otherwise only its name is known.</summary>
    public Guid? OrganisationId { get; private set; }
    public string OrganisationName { get; private set; }
    public string? Position { get; private set; }

    /// <summary>When they left; none while they still work there.</summary>
    public DateOnly? Until { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>
/// A new reviewer paired with an experienced one for mentoring (seed 004: "pairing new reviewers with established
/// ones"), optionally shadowing them on a case.
/// </summary>
public class MentoringPair
{
    private MentoringPair()
    {
    }

    public MentoringPair(Guid mentorId, Guid menteeId, Guid? shadowReviewId, string? note, DateOnly startedOn, Guid createdById, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        MentorId = mentorId;
        MenteeId = menteeId;
        ShadowReviewId = shadowReviewId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        StartedOn = startedOn;
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The experienced reviewer's profile.</summary>
    public Guid MentorId { get; private set; }
    public ReviewerProfile? Mentor { get; private set; }

    /// <summary>The new reviewer's profile.</summary>
    public Guid MenteeId { get; private set; }
    public ReviewerProfile? Mentee { get; private set; }

    /// <summary>The case on which the new reviewer shadows, if any (they join its team as shadow reviewer).</summary>
    public Guid? ShadowReviewId { get; private set; }
    public Review? ShadowReview { get; private set; }
    public string? Note { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActive => EndedOn is null;

    public void End(DateOnly on)
    {
        if (EndedOn is not null)
        {
            throw new RuleViolationException("This pairing has already ended.");
        }
        EndedOn = on < StartedOn ? StartedOn : on;
    }
}
