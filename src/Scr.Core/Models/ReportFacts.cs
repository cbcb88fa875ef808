namespace Scr.Core.Models;

// The coded facts of a review's report, recommendations and action plan: the values of the exchange format
// (shared/exchange-format.md) that the cross-case analysis counts (seed 001 Appendix 2). NotKnown is counted, never
// dropped. Plain enums: nothing here is stored by the database yet.

/// <summary>Who wrote the overview report (001 Table 14).</summary>
public enum AuthorStatus
{
    Independent,
    Internal,
    NotKnown,
}

/// <summary>The items of the overview report's required outline (001 Table 16), in the order of the exchange format.</summary>
public enum OutlineItem
{
    Circumstances,
    TermsOfReference,
    Contributors,
    FamilyContributed,
    Genogram,
    IntegratedChronology,
    KnownInformationSummary,
    HowAndWhyAnalysis,
    AlternativeCourseConsidered,
    GoodPractice,
    LessonsSummary,
    RecommendationsBeyondAgencyReports,
    RecommendationsFewAndSpecific,
    NationalLessons,
    ActionPlanWhoWhatWhen,
    ActionPlanOutcomes,
    ActionPlanReviewOfOutcomes,
}

/// <summary>Whether a report does what an item of the outline asks.</summary>
public enum OutlineAnswer
{
    Yes,
    No,
    Partly,
    NotApplicable,
    NotKnown,
}

/// <summary>The plan-level judgements of an action plan (001 Table 20), in the order of the exchange format.</summary>
public enum ActionPlanItem
{
    PartOfOverviewReport,
    SinglePlanForAllAgencies,
    LinkedToRecommendations,
    LeadOfficerNamed,
    CompletionDatesSet,
    Costed,
}

/// <summary>A plan-level judgement.</summary>
public enum ActionPlanAnswer
{
    Yes,
    No,
    Partly,
    NotKnown,
}

/// <summary>What a recommendation is about (001 Table 18), in the order of the exchange format.</summary>
public enum RecommendationFocus
{
    ExistingProcedures,
    NewProcedures,
    Communication,
    Training,
    Assessment,
    Management,
    RiskAssessment,
    Supervision,
    Roles,
    DecisionMaking,
    DirectWork,
    NewStaff,
    KnowledgeSkills,
    Other,
    NotKnown,
}

/// <summary>The themes a review carries, in the order of the exchange format.</summary>
public enum ReviewTheme
{
    Neglect,
    DomesticViolence,
    ParentalSubstanceMisuse,
    ParentalMentalIllHealth,
    Disability,
    SexualAbuse,
    PhysicalAbuse,
    EmotionalAbuse,
    Exploitation,
    Transition,
    Other,
}

/// <summary>Whether the board decided to publish the report (002 ¶11, ¶22).</summary>
public enum PublicationDecision
{
    Publish,
    NotPublish,
    NotDecided,
    NotKnown,
}

/// <summary>What the National Panel made of a decision not to publish (002 ¶11).</summary>
public enum PublicationPanelResponse
{
    Accepted,
    Reconsidering,
    PublishedAfterAdvice,
    NotKnown,
}
