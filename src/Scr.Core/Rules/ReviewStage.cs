namespace Scr.Core.Rules;

/// <summary>The eight stages of "Managing Serious Case Reviews" (seed 000), in order.</summary>
public enum ReviewStage
{
    Identification = 1,
    Scoping = 2,
    WorkingThrough = 3,
    ParallelProcesses = 4,
    NationalPanel = 5,
    ApplyingLearning = 6,
    Publication = 7,
    Monitoring = 8,
}

public static class ReviewStages
{
    public static IReadOnlyList<ReviewStage> All { get; } = Enum.GetValues<ReviewStage>();

    public static string Title(this ReviewStage stage) => stage switch
    {
        ReviewStage.Identification => "Identification, initial action and decision",
        ReviewStage.Scoping => "Proportionality, scoping and commissioning",
        ReviewStage.WorkingThrough => "Working through the review",
        ReviewStage.ParallelProcesses => "Managing parallel processes",
        ReviewStage.NationalPanel => "Relationship with the National Panel",
        ReviewStage.ApplyingLearning => "Applying the learning",
        ReviewStage.Publication => "Publication and communications",
        ReviewStage.Monitoring => "Monitoring and evaluating impact",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
