using Scr.Core.Models;

namespace Scr.Core.Rules.Reviewers;

/// <summary>What a case is matched on.</summary>
public enum MatchFactor
{
    Methodology,
    CaseType,
    Experience,
    Area,
    Availability,
}

/// <summary>Whether a factor counted for the reviewer, against them, or could not be weighed.</summary>
public enum MatchOutcome
{
    Met,
    NotMet,
    NotWeighed,
}

/// <summary>One reason in a match, in words, and the points it gave.</summary>
public sealed record MatchReason(MatchFactor Factor, MatchOutcome Outcome, int Points, string Text);

/// <summary>What a case asks of its lead reviewer: independence of its board and agencies, its area, kind and methodology.</summary>
/// <param name="Methodology">The methodology chosen or proposed for the review; none when not chosen yet.</param>
public sealed record MatchCase(CaseConflictFacts Independence, Region? Region, IncidentType IncidentType, Methodology? Methodology);

/// <summary>What is known of a reviewer on the register, for one case.</summary>
/// <param name="ReviewsLedHere">Reviews they have been appointed to lead in this service.</param>
/// <param name="CurrentLoad">Open reviews they lead or chair now.</param>
/// <param name="Declarations">What they declared about this case.</param>
/// <param name="Exceptions">The chair's exceptions for them on this case.</param>
/// <param name="OnTeam">Whether they are already on the case's team.</param>
public sealed record MatchCandidate(Guid ProfileId, Guid UserId, string Name, IReadOnlyList<Region> Regions, IReadOnlyList<Methodology> Methodologies,
    IReadOnlyList<IncidentType> CaseTypes, IReadOnlyList<ReviewerTraining> Training, int ReviewsLed, int ReviewsLedHere, int CurrentLoad,
    DateOnly? AvailableFrom, DateOnly? AvailableUntil, int Capacity, IReadOnlyList<Affiliation> Affiliations,
    IReadOnlyList<InvolvementDeclaration> Declarations, IReadOnlyList<ConflictException> Exceptions, bool OnTeam)
{
    public int TotalLed => ReviewsLed + ReviewsLedHere;
}

/// <summary>
/// A reviewer's fit for a case: the score, each reason with its points, and, when they may not be appointed, why
/// (a conflict not covered by the chair's exception, or already on the team).
/// </summary>
public sealed record ReviewerMatch(MatchCandidate Candidate, int Score, IReadOnlyList<MatchReason> Reasons, IReadOnlyList<PanelConflict> Conflicts,
    bool Excluded, string? ExceptionReason)
{
    public int MaxScore => ReviewerMatching.MaxScore;
}

/// <summary>
/// Matching a case to independent reviewers on the register (seed 000 Stage 2: chosen on the case's content, their
/// skill, experience and methodology, and independent of the case, WT2006 8.20). A pure score with its reasons shown:
/// methodology fit (listed, and trained or accredited in it), experience of the kind of case, reviews led, the area,
/// availability and capacity. A conflict with the case's board or agencies, or a declared involvement, excludes the
/// reviewer with the reason, through the same rule as an appointment (<see cref="ReviewPanelRules.ConflictsOf"/>).
/// </summary>
public static class ReviewerMatching
{
    public const int MethodologyListed = 3;
    public const int MethodologyAccredited = 2;
    public const int MethodologyTrained = 1;
    public const int CaseTypePoints = 2;
    public const int ExperiencedPoints = 2;
    public const int SomeExperiencePoints = 1;
    public const int AreaPoints = 2;
    public const int AvailablePoints = 2;

    public const int MaxScore = MethodologyListed + MethodologyAccredited + CaseTypePoints + ExperiencedPoints + AreaPoints + AvailablePoints;

    /// <summary>Every candidate scored, the appointable first by score (then name), the excluded last.</summary>
    public static IReadOnlyList<ReviewerMatch> Rank(MatchCase @case, IEnumerable<MatchCandidate> candidates, DateOnly today) =>
        candidates.Select(c => Score(@case, c, today))
            .OrderBy(m => m.Excluded)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Candidate.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static ReviewerMatch Score(MatchCase @case, MatchCandidate candidate, DateOnly today)
    {
        var reasons = new List<MatchReason>
        {
            Methodology(@case.Methodology, candidate),
            CaseType(@case.IncidentType, candidate),
            Experience(candidate),
            Area(@case.Region, candidate),
            Availability(candidate, today),
        };
        var conflicts = ReviewPanelRules.ConflictsOf(TeamRole.LeadReviewer, candidate.Declarations, candidate.Affiliations, @case.Independence);
        var covered = ReviewPanelRules.IsCovered(conflicts, candidate.Exceptions);
        var exception = conflicts.Count > 0 && covered ? candidate.Exceptions.OrderBy(e => e.GrantedAt).Last().Reason : null;
        var excluded = !covered || candidate.OnTeam;
        return new ReviewerMatch(candidate, reasons.Sum(r => r.Points), reasons, covered ? [] : conflicts, excluded, exception);
    }

    private static MatchReason Methodology(Methodology? wanted, MatchCandidate candidate)
    {
        if (wanted is not { } methodology || methodology == Models.Methodology.Other)
        {
            return new(MatchFactor.Methodology, MatchOutcome.NotWeighed, 0, "No methodology chosen for the case yet");
        }
        var name = Labels.Of(methodology);
        var training = candidate.Training.Where(t => t.Course.Methodology == methodology).OrderByDescending(t => t.CompletedOn).ToList();
        var accredited = training.FirstOrDefault(t => t.Course.Level == TrainingLevel.Accreditation);
        var trained = training.FirstOrDefault(t => t.Course.Level != TrainingLevel.Accreditation);
        if (!candidate.Methodologies.Contains(methodology))
        {
            return accredited is not null || trained is not null
                ? new(MatchFactor.Methodology, MatchOutcome.NotMet, 0, $"Trained in {name} ({(accredited ?? trained)!.Name}, {Labels.Date((accredited ?? trained)!.CompletedOn)}) but does not list it as a methodology they use")
                : new(MatchFactor.Methodology, MatchOutcome.NotMet, 0, $"Does not use {name}");
        }
        if (accredited is not null)
        {
            return new(MatchFactor.Methodology, MatchOutcome.Met, MethodologyListed + MethodologyAccredited,
                $"Uses {name} and is accredited in it ({accredited.Name}, {Labels.Date(accredited.CompletedOn)})");
        }
        if (trained is not null)
        {
            return new(MatchFactor.Methodology, MatchOutcome.Met, MethodologyListed + MethodologyTrained,
                $"Uses {name} and trained in it ({trained.Name}, {Labels.Date(trained.CompletedOn)})");
        }
        return new(MatchFactor.Methodology, MatchOutcome.Met, MethodologyListed, $"Uses {name}");
    }

    private static MatchReason CaseType(IncidentType type, MatchCandidate candidate) =>
        candidate.CaseTypes.Contains(type)
            ? new(MatchFactor.CaseType, MatchOutcome.Met, CaseTypePoints, $"Has reviewed cases of this kind: {Labels.Of(type).ToLowerInvariant()}")
            : new(MatchFactor.CaseType, MatchOutcome.NotMet, 0, $"Has not listed cases of this kind: {Labels.Of(type).ToLowerInvariant()}");

    private static MatchReason Experience(MatchCandidate candidate)
    {
        var led = candidate.TotalLed;
        var reviews = led == 1 ? "1 review" : $"{led} reviews";
        return led switch
        {
            0 => new(MatchFactor.Experience, MatchOutcome.NotMet, 0, "New reviewer: has not led a review yet (consider pairing with a mentor)"),
            _ when ReviewerRules.IsExperienced(led) => new(MatchFactor.Experience, MatchOutcome.Met, ExperiencedPoints, $"Experienced: has led {reviews}"),
            _ => new(MatchFactor.Experience, MatchOutcome.Met, SomeExperiencePoints, $"Has led {reviews}"),
        };
    }

    private static MatchReason Area(Region? region, MatchCandidate candidate)
    {
        if (region is not { } wanted || wanted == Region.NotKnown)
        {
            return new(MatchFactor.Area, MatchOutcome.NotWeighed, 0, "The board's region is not known");
        }
        return candidate.Regions.Contains(wanted)
            ? new(MatchFactor.Area, MatchOutcome.Met, AreaPoints, $"Works in the board's region: {Labels.Of(wanted)}")
            : new(MatchFactor.Area, MatchOutcome.NotMet, 0, $"Does not work in the board's region: {Labels.Of(wanted)}");
    }

    private static MatchReason Availability(MatchCandidate candidate, DateOnly today)
    {
        var load = candidate.CurrentLoad == 1 ? "leading 1 review" : $"leading {candidate.CurrentLoad} reviews";
        if (candidate.AvailableFrom is { } from && from > today)
        {
            return new(MatchFactor.Availability, MatchOutcome.NotMet, 0, $"Not available until {Labels.Date(from)}");
        }
        if (candidate.AvailableUntil is { } until && until < today)
        {
            return new(MatchFactor.Availability, MatchOutcome.NotMet, 0, $"Not available since {Labels.Date(until)}");
        }
        if (candidate.Capacity == 0)
        {
            return new(MatchFactor.Availability, MatchOutcome.NotMet, 0, "Not taking on reviews at present");
        }
        if (candidate.CurrentLoad >= candidate.Capacity)
        {
            return new(MatchFactor.Availability, MatchOutcome.NotMet, 0, $"No capacity: {load}, can lead {candidate.Capacity} at once");
        }
        var untilText = candidate.AvailableUntil is { } end ? $" until {Labels.Date(end)}" : "";
        return new(MatchFactor.Availability, MatchOutcome.Met, AvailablePoints, $"Available now{untilText}: {load}, can lead {candidate.Capacity} at once");
    }
}
