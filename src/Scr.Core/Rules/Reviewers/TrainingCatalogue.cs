using Scr.Core.Models;

namespace Scr.Core.Rules.Reviewers;

/// <summary>What a course gives a reviewer.</summary>
public enum TrainingLevel
{
    /// <summary>Core training in leading a review and writing a publishable report.</summary>
    Core,

    /// <summary>An introduction to one methodology.</summary>
    Taster,

    /// <summary>Accreditation in a methodology by the body that owns it.</summary>
    Accreditation,

    /// <summary>Peer learning: action learning sets, supervision.</summary>
    PeerLearning,

    /// <summary>Another course, named by the reviewer.</summary>
    Other,
}

/// <summary>A course a reviewer may have completed, and the methodology it teaches (if one).</summary>
public sealed record TrainingCourse(string Key, string Name, string Provider, TrainingLevel Level, Methodology? Methodology = null)
{
    public bool IsOther => Level == TrainingLevel.Other;
}

/// <summary>
/// The courses known to the register, as data: the national reviewer training programme of 2013–14 and its taster
/// workshops and action learning sets (seed 004), and accreditation in SCIE's Learning Together model. Stored by key.
/// </summary>
public static class TrainingCatalogue
{
    public static readonly TrainingCourse Other = new("other", "Other training", "", TrainingLevel.Other);

    public static IReadOnlyList<TrainingCourse> All { get; } =
    [
        new("scie-learning-together-accreditation", "SCIE Learning Together: accredited reviewer", "Social Care Institute for Excellence",
            TrainingLevel.Accreditation, Methodology.LearningTogether),
        new("national-core-two-day", "Improving the quality of serious case reviews: two-day core training",
            "NSPCC, Action for Children and Sequeli (national programme)", TrainingLevel.Core),
        new("taster-learning-together", "Taster workshop: SCIE Learning Together", "National programme", TrainingLevel.Taster, Methodology.LearningTogether),
        new("taster-silp", "Taster workshop: Significant Incident Learning Process (SILP)", "National programme", TrainingLevel.Taster,
            Methodology.SignificantIncidentLearningProcess),
        new("taster-appreciative-inquiry", "Taster workshop: Appreciative Inquiry", "National programme", TrainingLevel.Taster, Methodology.AppreciativeInquiry),
        new("taster-root-cause-analysis", "Taster workshop: Root Cause Analysis", "National programme", TrainingLevel.Taster, Methodology.RootCauseAnalysis),
        new("taster-child-practice-review", "Taster workshop: Child Practice Reviews (Wales)", "National programme", TrainingLevel.Taster,
            Methodology.ChildPracticeReview),
        new("action-learning-set", "Action learning set for reviewers and commissioners", "Action for Children (national programme)", TrainingLevel.PeerLearning),
        Other,
    ];

    public static TrainingCourse? Find(string key) => All.FirstOrDefault(c => c.Key == key);
}
