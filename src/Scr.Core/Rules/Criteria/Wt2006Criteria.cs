using Scr.Core.Models;
using static Scr.Core.Rules.Criteria.CriteriaCondition;

namespace Scr.Core.Rules.Criteria;

/// <summary>
/// Working Together 2006, chapter 8 (seed 001, appendix 3): 8.5 (a review must be held), 8.6 with the cases 8.2
/// names (a review must be considered), the eleven questions of 8.9, and the National Panel's checks (seed 002 ¶18).
/// </summary>
internal static class Wt2006Criteria
{
    public const string ChildDied = "8.5-child-died";
    public const string AbuseOrNeglectFactor = "8.5-abuse-or-neglect-factor";
    public const string LifeThreateningInjury = "8.6-life-threatening-injury";
    public const string SeriousSexualAbuse = "8.6-serious-sexual-abuse";
    public const string SeriousPermanentImpairment = "8.6-serious-permanent-impairment";
    public const string ConcernsWorkingTogether = "8.6-concerns-working-together";
    public const string ParentKilledDomesticViolence = "8.6-parent-killed-domestic-violence";
    public const string KilledByMentallyIllParent = "8.9-killed-by-mentally-ill-parent";

    private const string RiskGroup = "8.9-risk";

    public static CriteriaSet Set { get; } = new(
        "wt2006",
        "Working Together 2006, chapter 8",
        new HashSet<GuidanceEdition>
        {
            GuidanceEdition.Wt1999, GuidanceEdition.Wt2006, GuidanceEdition.Wt2010, GuidanceEdition.Wt2013,
            GuidanceEdition.Wt2015, GuidanceEdition.Wales2012, GuidanceEdition.NotKnown,
        },
        [
            new("WT2006 8.5",
                "When a review must be held",
                "The board must always hold a serious case review when a child dies, including by suicide, and abuse or neglect "
                + "is known or suspected to have been a factor in the death. It does not matter whether children's social "
                + "care was ever involved with the child or the family.",
                CriteriaSectionKind.MustReview,
                [
                    new(ChildDied, "Has the child died?", "the child died", "Include a death by suicide.", CriteriaQuestion.YesOrNo),
                    new(AbuseOrNeglectFactor,
                        "Is abuse or neglect known or suspected to have been a factor in the child's death?",
                        "abuse or neglect is known or suspected to have been a factor in the death",
                        "Suspicion is enough; nothing need be proven. Answer no if the child has not died."),
                ],
                All(Yes(ChildDied), Yes(AbuseOrNeglectFactor)),
                "The board must hold a serious case review, whatever the other answers."),
            new("WT2006 8.6",
                "When a review must be considered",
                "The board must always consider a serious case review when abuse or neglect caused the child a potentially "
                + "life-threatening injury, serious sexual abuse, or serious and permanent impairment of health or development, "
                + "and the case raises concerns about how local professionals and services worked together. That includes a "
                + "parent killed in a domestic violence situation and a child killed by a parent with a mental illness, which "
                + "8.2 names as cases to consider in their own right.",
                CriteriaSectionKind.MustConsider,
                [
                    new(LifeThreateningInjury,
                        "Did abuse or neglect cause the child a potentially life-threatening injury?",
                        "abuse or neglect caused the child a potentially life-threatening injury",
                        "Judge the injury as it was when it happened, even if the child has since recovered."),
                    new(SeriousSexualAbuse, "Has the child suffered serious sexual abuse?", "the child suffered serious sexual abuse"),
                    new(SeriousPermanentImpairment,
                        "Has abuse or neglect caused serious and permanent impairment of the child's health or development?",
                        "abuse or neglect caused serious and permanent impairment of the child's health or development",
                        "Include harm to the child's mental health and emotional development, not only physical harm."),
                    new(ConcernsWorkingTogether,
                        "Does the case raise concerns about how local professionals and services worked together to safeguard the child?",
                        "the case raises concerns about how local professionals and services worked together",
                        "Consider every agency involved, not only the one whose failure is most obvious."),
                    new(ParentKilledDomesticViolence,
                        "Was a parent killed in a domestic violence situation?",
                        "a parent was killed in a domestic violence situation",
                        "For example where a domestic homicide review is being started. A child killed by a parent with a mental "
                        + "illness is asked in the next section and counts here too."),
                ],
                Any(
                    All(Any(Yes(LifeThreateningInjury), Yes(SeriousSexualAbuse), Yes(SeriousPermanentImpairment)), Yes(ConcernsWorkingTogether)),
                    Yes(ParentKilledDomesticViolence),
                    Yes(KilledByMentallyIllParent)),
                "The board must consider holding a serious case review, and record why it decides as it does."),
            new("WT2006 8.9",
                "Questions that help the decision",
                "These eleven questions help decide whether to hold a review, above all when the child has not died. Yes to "
                + "several of them suggests a review could bring useful lessons. The first question has three parts and counts "
                + "once.",
                CriteriaSectionKind.Prompts,
                [
                    new("8.9-risk-not-recognised",
                        "Was there clear evidence of a risk of significant harm to the child that was not recognised by the organisations or people in contact with the child or the perpetrator?",
                        "there was clear evidence of a risk of significant harm that those in contact with the child or the perpetrator did not recognise",
                        group: RiskGroup),
                    new("8.9-risk-not-shared",
                        "Was there clear evidence of a risk of significant harm to the child that was not shared with others?",
                        "there was clear evidence of a risk of significant harm that was not shared with others",
                        group: RiskGroup),
                    new("8.9-risk-not-acted-on",
                        "Was there clear evidence of a risk of significant harm to the child that was not acted on appropriately?",
                        "there was clear evidence of a risk of significant harm that was not acted on appropriately",
                        group: RiskGroup),
                    new(KilledByMentallyIllParent,
                        "Was the child killed by a parent with a mental illness?",
                        "the child was killed by a parent with a mental illness"),
                    new("8.9-abused-in-institution",
                        "Was the child abused in an institutional setting?",
                        "the child was abused in an institutional setting",
                        "For example a school, nursery, family centre, children's home, young offender institution, secure training "
                        + "centre or armed services training establishment."),
                    new("8.9-died-in-custody",
                        "Did the child die in custody?",
                        "the child died in custody",
                        "In a prison, young offender institution or secure training centre."),
                    new("8.9-abused-while-looked-after",
                        "Was the child abused while looked after by the local authority?",
                        "the child was abused while looked after by the local authority"),
                    new("8.9-suicide-or-died-while-missing",
                        "Did the child take their own life, or die while absent after running away from home?",
                        "the child took their own life or died while absent after running away from home"),
                    new("8.9-concerns-not-taken-seriously",
                        "Does an agency or professional consider that another did not take its concerns seriously enough, or act on them appropriately?",
                        "an agency or professional considers that another did not take its concerns seriously enough or act on them appropriately"),
                    new("8.9-wider-procedural-failings",
                        "Does the case suggest failings in the local operation of formal safeguarding procedures that go beyond this case?",
                        "the case suggests failings in the local operation of formal safeguarding procedures beyond this case"),
                    new("8.9-child-protection-plan",
                        "Was the child subject to a child protection plan, or previously subject to a plan or on the child protection register?",
                        "the child was, or had been, subject to a child protection plan or on the child protection register"),
                    new("8.9-implications-for-agencies",
                        "Does the case appear to have implications for a range of agencies or professionals?",
                        "the case appears to have implications for a range of agencies or professionals"),
                    new("8.9-protocols-need-change",
                        "Does the case suggest the board may need to change its local protocols or procedures, or that they are not well enough communicated, understood or followed?",
                        "the board may need to change its local protocols or procedures, or they are not well enough communicated, understood or followed"),
                ]),
            HarmQuestions.Section("a serious case review"),
        ],
        "The board is not required to hold or to consider a serious case review, though it may still choose one, or a "
        + "smaller learning review or audit, where the case holds lessons for how agencies work together (WT2006 8.10).",
        [
            CriteriaWarnings.ReviewRequired,
            CriteriaWarnings.AnotherReviewSubstituted,
            CriteriaWarnings.RecoveryNotLessSerious(HarmQuestions.Reference, [LifeThreateningInjury, SeriousSexualAbuse, SeriousPermanentImpairment]),
            CriteriaWarnings.PsychologicalHarmNotConsidered,
            CriteriaWarnings.ImmediateCauseOnly,
            CriteriaWarnings.OtherAgenciesNotExamined,
            CriteriaWarnings.SeveralPromptsYes,
            CriteriaWarnings.NotKnownCouldChangeDecision,
        ]);
}
