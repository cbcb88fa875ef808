using Scr.Core.Models;
using static Scr.Core.Rules.Criteria.CriteriaCondition;

namespace Scr.Core.Rules.Criteria;

/// <summary>
/// Working Together 2018, chapter 4 (kept in substance in the 2023 edition, chapter 5). A serious child safeguarding
/// case (abuse or neglect known or suspected, and the child died or was seriously harmed) must be notified to the
/// Child Safeguarding Practice Review Panel and leads to a rapid review; the rapid review weighs the criteria for a
/// local child safeguarding practice review, which are never a duty to hold one. Under this set a must-review prompt
/// means "notify and hold a rapid review", and <see cref="DecisionOutcome.InitiateSeriousCaseReview"/> stands for a
/// local child safeguarding practice review.
/// </summary>
internal static class CurrentCriteria
{
    public const string AbuseOrNeglect = "scsc-abuse-or-neglect";
    public const string DiedOrSeriouslyHarmed = "scsc-died-or-seriously-harmed";

    private static readonly CriteriaCondition SeriousCase = All(Yes(AbuseOrNeglect), Yes(DiedOrSeriouslyHarmed));

    public static CriteriaSet Set { get; } = new(
        "wt2018",
        "Working Together 2018, chapter 4 (2023, chapter 5)",
        new HashSet<GuidanceEdition> { GuidanceEdition.Wt2018, GuidanceEdition.Wt2023 },
        [
            new("WT2018 ch.4 (notification)",
                "Is this a serious child safeguarding case?",
                "When the local authority knows or suspects that a child has been abused or neglected, and the child has died "
                + "or been seriously harmed, it must notify the Child Safeguarding Practice Review Panel, and the safeguarding "
                + "partners should carry out a rapid review.",
                CriteriaSectionKind.MustReview,
                [
                    new(AbuseOrNeglect,
                        "Does the local authority know or suspect that the child has been abused or neglected?",
                        "the local authority knows or suspects that the child has been abused or neglected",
                        "Suspicion is enough; nothing need be proven."),
                    new(DiedOrSeriouslyHarmed,
                        "Has the child died or been seriously harmed?",
                        "the child died or was seriously harmed",
                        "Serious harm includes serious or long-term impairment of the child's physical or mental health or of their "
                        + "intellectual, emotional, social or behavioural development. Harm can be serious even if the child "
                        + "recovers, and where lasting impairment is likely but not yet certain. Include a child normally living "
                        + "here who died or was harmed outside England."),
                ],
                SeriousCase,
                "The local authority must notify the Child Safeguarding Practice Review Panel, within five working days of "
                + "learning of the case, and the safeguarding partners should complete a rapid review within 15 working days "
                + "to decide whether a local child safeguarding practice review is appropriate."),
            new("WT2018 ch.4 (local review criteria)",
                "Questions for the rapid review",
                "The safeguarding partners must take these criteria into account in deciding whether to hold a local child "
                + "safeguarding practice review of a serious child safeguarding case. Meeting them does not make a review "
                + "automatic: the partners judge whether one would identify improvements to practice.",
                CriteriaSectionKind.MustConsider,
                [
                    new("lcspr-improvements-needed",
                        "Does the case highlight, or may it highlight, improvements needed to safeguard and promote the welfare of children?",
                        "the case highlights, or may highlight, improvements needed to safeguard and promote children's welfare",
                        "Include improvements that earlier reviews identified but that have not yet been made."),
                    new("lcspr-recurrent-themes",
                        "Does the case highlight recurrent themes in safeguarding and promoting the welfare of children?",
                        "the case highlights recurrent themes in safeguarding and promoting children's welfare"),
                    new("lcspr-working-together",
                        "Does the case highlight, or may it highlight, concerns about two or more organisations or agencies working together effectively?",
                        "the case highlights, or may highlight, concerns about two or more organisations or agencies working together effectively"),
                    new("lcspr-panel-suggests-local-review",
                        "Has the Child Safeguarding Practice Review Panel considered the case and concluded that a local review may be more appropriate?",
                        "the Child Safeguarding Practice Review Panel concluded that a local review may be more appropriate"),
                ],
                All(SeriousCase, Any(Yes("lcspr-improvements-needed"), Yes("lcspr-recurrent-themes"), Yes("lcspr-working-together"),
                    Yes("lcspr-panel-suggests-local-review"))),
                "The safeguarding partners must consider holding a local child safeguarding practice review, and record why "
                + "they decide as they do; the rapid review goes to the Panel."),
            HarmQuestions.Section("a local child safeguarding practice review"),
        ],
        "This is not a serious child safeguarding case on these answers, so there is nothing to notify to the Panel (the death "
        + "of a looked-after child is still reported to Ofsted); the partners may still learn from it through a local review "
        + "of their choosing.",
        [
            CriteriaWarnings.RecoveryNotLessSerious("National Panel annual report 2014, ¶18; WT2018 ch.4", [DiedOrSeriouslyHarmed]),
            CriteriaWarnings.PsychologicalHarmNotConsidered,
            CriteriaWarnings.ImmediateCauseOnly,
            CriteriaWarnings.OtherAgenciesNotExamined,
            CriteriaWarnings.NotKnownCouldChangeDecision,
        ]);
}
