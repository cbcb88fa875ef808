using Scr.Core.Models;

namespace Scr.Core.Rules.Reviewers;

/// <summary>
/// The reviewer register's rules: what a profile, a course and a declared affiliation must say, who counts as an
/// experienced or a new reviewer, and which mentoring pairs make sense (seed 004). Fields are the API's names.
/// </summary>
public static class ReviewerRules
{
    public const int BackgroundMaxLength = 2000;
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 2000;
    public const int MaxCapacity = 10;
    public const int MaxReviewsLed = 500;

    /// <summary>Reviews led from which a reviewer counts as experienced: may mentor, and scores as experienced in a match.</summary>
    public const int ExperiencedFrom = 3;

    /// <summary>A reviewer who has led no review yet: the one a mentor is for.</summary>
    public static bool IsNew(int reviewsLed) => reviewsLed == 0;

    public static bool IsExperienced(int reviewsLed) => reviewsLed >= ExperiencedFrom;

    /// <summary>Whether a reviewer can take on a review on the day: within their dates, and leading fewer than they can at once.</summary>
    public static bool IsAvailable(DateOnly? from, DateOnly? until, int capacity, int currentLoad, DateOnly day) =>
        (from is null || from <= day) && (until is null || until >= day) && currentLoad < capacity;

    public static IReadOnlyList<RuleProblem> Check(ReviewerDetails details)
    {
        var problems = new List<RuleProblem>();
        if (details.Background is { Length: > BackgroundMaxLength })
        {
            problems.Add(new("background", $"Your background must be {BackgroundMaxLength:N0} characters or fewer"));
        }
        if (details.Regions.Count(r => r != Region.NotKnown) == 0)
        {
            problems.Add(new("regions", "Select at least one region you work in"));
        }
        if (details.Methodologies.Count == 0)
        {
            problems.Add(new("methodologies", "Select at least one methodology you can use"));
        }
        if (details.ReviewsLed is not { } led)
        {
            problems.Add(new("reviewsLed", "Enter how many reviews you have led, 0 if none"));
        }
        else if (led is < 0 or > MaxReviewsLed)
        {
            problems.Add(new("reviewsLed", $"Reviews led must be a whole number from 0 to {MaxReviewsLed}"));
        }
        if (details.Capacity is not { } capacity)
        {
            problems.Add(new("capacity", "Enter how many reviews you can lead at once, 0 if none at present"));
        }
        else if (capacity is < 0 or > MaxCapacity)
        {
            problems.Add(new("capacity", $"Reviews at once must be a whole number from 0 to {MaxCapacity}"));
        }
        if (details.AvailableFrom is { } from && details.AvailableUntil is { } until && until < from)
        {
            problems.Add(new("availableUntil", "The date you are available until must be the same as or after the date you are available from"));
        }
        return problems;
    }

    public static IReadOnlyList<RuleProblem> CheckTraining(string? courseKey, string? title, DateOnly? completedOn, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        var course = string.IsNullOrWhiteSpace(courseKey) ? null : TrainingCatalogue.Find(courseKey);
        if (course is null)
        {
            problems.Add(new("courseKey", "Select the course"));
        }
        else if (course.IsOther && string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new("title", "Enter the name of the course"));
        }
        if (title is { Length: > NameMaxLength })
        {
            problems.Add(new("title", $"The name of the course must be {NameMaxLength} characters or fewer"));
        }
        if (completedOn is not { } completed)
        {
            problems.Add(new("completedOn", "Enter the date you completed the course"));
        }
        else if (completed > today)
        {
            problems.Add(new("completedOn", "The date you completed the course must be today or in the past"));
        }
        return problems;
    }

    public static IReadOnlyList<RuleProblem> CheckAffiliation(Guid? organisationId, string? organisationName, string? position, DateOnly? until, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (organisationId is null && string.IsNullOrWhiteSpace(organisationName))
        {
            problems.Add(new("organisationId", "Select the board or agency, or enter the name of the organisation"));
        }
        if (organisationName is { Length: > NameMaxLength })
        {
            problems.Add(new("organisationName", $"The name of the organisation must be {NameMaxLength} characters or fewer"));
        }
        if (position is { Length: > NameMaxLength })
        {
            problems.Add(new("position", $"Your position must be {NameMaxLength} characters or fewer"));
        }
        if (until is { } left && left > today)
        {
            problems.Add(new("until", "The date you left must be today or in the past; leave it blank if you still work there"));
        }
        return problems;
    }

    /// <summary>
    /// A mentoring pair: two different reviewers, the mentor experienced (<see cref="ExperiencedFrom"/> reviews led), the
    /// mentee new to leading reviews, and not already paired; a case to shadow on is one the mentor leads.
    /// </summary>
    /// <param name="shadowCaseLedByMentor">When a case to shadow on is given, whether the mentor leads it; null when none is.</param>
    public static IReadOnlyList<RuleProblem> CheckPair(Guid? mentorId, int mentorLed, Guid? menteeId, int menteeLed, bool alreadyPaired, string? note,
        bool? shadowCaseLedByMentor = null)
    {
        var problems = new List<RuleProblem>();
        if (mentorId is null)
        {
            problems.Add(new("mentorId", "Select the experienced reviewer who will mentor"));
        }
        if (menteeId is null)
        {
            problems.Add(new("menteeId", "Select the new reviewer"));
        }
        if (mentorId is null || menteeId is null)
        {
            return problems;
        }
        if (mentorId == menteeId)
        {
            problems.Add(new("menteeId", "Select a different reviewer to be mentored"));
            return problems;
        }
        if (!IsExperienced(mentorLed))
        {
            problems.Add(new("mentorId", $"Select a mentor who has led at least {ExperiencedFrom} reviews"));
        }
        if (IsExperienced(menteeLed))
        {
            problems.Add(new("menteeId", $"Select a reviewer who has led fewer than {ExperiencedFrom} reviews"));
        }
        if (alreadyPaired)
        {
            problems.Add(new("menteeId", "These reviewers are already paired"));
        }
        if (shadowCaseLedByMentor == false)
        {
            problems.Add(new("shadowReviewId", "Select a case the mentor leads as lead reviewer, or none"));
        }
        if (note is { Length: > NoteMaxLength })
        {
            problems.Add(new("note", $"The note must be {NoteMaxLength:N0} characters or fewer"));
        }
        return problems;
    }
}
