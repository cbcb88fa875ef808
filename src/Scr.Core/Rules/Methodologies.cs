using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>A review methodology: its name, what it is in brief, and where that comes from.</summary>
public sealed record MethodologyInfo(Methodology Value, string Name, string Description, string Source);

/// <summary>
/// The methodologies a board may choose for a review, as data (seed 000, "Learning models for conducting serious case
/// reviews"; WT2006 chapter 8 for the traditional route), each with a short description to help the choice. Since 2013 a
/// board may use any credible model, or a mix (seed 000 Stage 2: "do not become a slave to methodology").
/// </summary>
public static class Methodologies
{
    private const string LearningModels = "Seed 000, learning models for conducting serious case reviews";

    public static IReadOnlyList<MethodologyInfo> All { get; } =
    [
        new(Methodology.LearningTogether, Labels.Of(Methodology.LearningTogether),
            "A systems model led by accredited reviewers with a review team of senior managers and a case group of the frontline staff "
            + "involved. It guards against hindsight, explains why practice made sense at the time, and draws learning that applies beyond "
            + "this case.", LearningModels),
        new(Methodology.SignificantIncidentLearningProcess, Labels.Of(Methodology.SignificantIncidentLearningProcess),
            "Led by a SILP-accredited reviewer. Practitioners and first-line managers read the case records before a learning event; a "
            + "recall session then checks what it found and feeds into the final report. Can be blended into a serious case review.",
            LearningModels),
        new(Methodology.AppreciativeInquiry, Labels.Of(Methodology.AppreciativeInquiry),
            "A strengths-based inquiry into what works well, through interviews or focus groups that may include the family. It moves "
            + "through definition, discovery, dream, design and delivery, and the plans for change come from those taking part.",
            LearningModels),
        new(Methodology.RootCauseAnalysis, Labels.Of(Methodology.RootCauseAnalysis),
            "An investigation team looks past the symptoms for the deeper causes and contributory factors of the incident, so that the "
            + "actions tackle root causes rather than offering short-term fixes.", LearningModels),
        new(Methodology.FailureModesAndEffectsAnalysis, Labels.Of(Methodology.FailureModesAndEffectsAnalysis),
            "Looks forward: maps the processes involved in fine detail, lists what could go wrong at each point, rates each failure by "
            + "likelihood and severity, and plans corrective action for the highest risks.", LearningModels),
        new(Methodology.ChildPracticeReview, Labels.Of(Methodology.ChildPracticeReview),
            "The Welsh model: a review panel with a reviewer (two for an extended review) looks at the last 12 months of practice, holds "
            + "a practitioner learning event, involves the child and family as they wish, and reports within 6 months with an outline "
            + "action plan.", LearningModels),
        new(Methodology.AgencyReviewsAndOverview, Labels.Of(Methodology.AgencyReviewsAndOverview),
            "The traditional route: each agency writes its own management review (IMR) with a chronology, and an independent author draws "
            + "them together in an overview report.", "Working Together 2006, 8.29–8.36"),
        new(Methodology.Hybrid, Labels.Of(Methodology.Hybrid),
            "Parts of several models, chosen to suit the case: say which parts come from which model.", "Seed 000, stage 2"),
        new(Methodology.Other, Labels.Of(Methodology.Other),
            "Another credible learning model consistent with the guidance: describe it.", "Working Together 2013"),
    ];

    public static MethodologyInfo Of(Methodology value) => All.First(m => m.Value == value);
}
