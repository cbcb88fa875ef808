using Scr.Core.Models;
using Scr.Core.Rules.Criteria;

namespace Scr.Core.Rules;

/// <summary>How values are named to people, in one place for the site, the CLI and exports.</summary>
public static partial class Labels
{
    public static string Of(IncidentType value) => value switch
    {
        IncidentType.Death => "Death",
        IncidentType.SeriousInjury => "Serious injury",
        IncidentType.Suicide => "Suicide",
        IncidentType.SexualAbuse => "Serious sexual abuse",
        IncidentType.Other => "Other serious harm",
        _ => "Not known",
    };

    public static string Of(Sex value) => value switch { Sex.Male => "Male", Sex.Female => "Female", _ => "Not known" };

    public static string Of(Ethnicity value) => value switch
    {
        Ethnicity.WhiteBritish => "White British",
        Ethnicity.WhiteOther => "White other",
        Ethnicity.Mixed => "Mixed",
        Ethnicity.Black => "Black",
        Ethnicity.Asian => "Asian",
        Ethnicity.Other => "Other",
        _ => "Not known",
    };

    public static string Of(YesNoNotKnown value) => value switch { YesNoNotKnown.Yes => "Yes", YesNoNotKnown.No => "No", _ => "Not known" };

    public static string Of(ChildProtectionPlanStatus value) => value switch
    {
        ChildProtectionPlanStatus.Yes => "Yes, at the time",
        ChildProtectionPlanStatus.No => "No",
        ChildProtectionPlanStatus.Previously => "Previously",
        _ => "Not known",
    };

    public static string Of(LegalStatus value) => value switch
    {
        LegalStatus.None => "None",
        LegalStatus.InterimCareOrder => "Interim care order",
        LegalStatus.CareOrder => "Care order",
        LegalStatus.S20Accommodation => "Accommodated (section 20)",
        LegalStatus.Adopted => "Adopted",
        LegalStatus.Other => "Other",
        _ => "Not known",
    };

    public static string Of(ReviewStatus value) => value switch
    {
        ReviewStatus.Open => "Open",
        ReviewStatus.NotInitiated => "Not initiated",
        ReviewStatus.Closed => "Closed",
        _ => value.ToString(),
    };

    public static string Of(ReviewKind value) => value switch
    {
        ReviewKind.SeriousCaseReview => "Serious case review",
        ReviewKind.LearningReview => "Learning review (non-statutory)",
        _ => value.ToString(),
    };

    public static string Of(DecisionOutcome value) => value switch
    {
        DecisionOutcome.InitiateSeriousCaseReview => "Initiate a serious case review",
        DecisionOutcome.CommissionLearningReview => "Commission a non-statutory learning review",
        DecisionOutcome.DoNotInitiate => "Do not initiate a review",
        _ => value.ToString(),
    };

    /// <summary>The criteria's prompt to the chair, as a heading; the evaluation's explanation says why.</summary>
    public static string Of(DecisionPrompt value) => value switch
    {
        DecisionPrompt.MustHoldReview => "A review must be held",
        DecisionPrompt.MustConsider => "A review must be considered",
        DecisionPrompt.CriteriaNotMet => "The criteria are not met",
        DecisionPrompt.NotEnoughAnswers => "Not enough answers to apply the criteria",
        _ => value.ToString(),
    };

    public static string Of(CriteriaSectionKind value) => value switch
    {
        CriteriaSectionKind.MustReview => "When a review must be held",
        CriteriaSectionKind.MustConsider => "When a review must be considered",
        CriteriaSectionKind.Prompts => "Questions that help the decision",
        CriteriaSectionKind.HarmAndCircumstances => "The harm and what led up to it",
        _ => value.ToString(),
    };

    public static string Of(TeamRole value) => value switch
    {
        TeamRole.LeadReviewer => "Lead reviewer",
        TeamRole.IndependentPanelChair => "Independent panel chair",
        TeamRole.PanelMember => "Review panel member",
        TeamRole.BusinessUnit => "Business unit",
        TeamRole.LegalAdviser => "Legal adviser",
        TeamRole.LayMember => "Lay member",
        TeamRole.ShadowReviewer => "Shadow reviewer (mentored)",
        _ => value.ToString(),
    };

    public static string Of(InvolvementKind value) => value switch
    {
        InvolvementKind.None => "No involvement in the case",
        InvolvementKind.InvolvedInCase => "Involved in the case",
        _ => "Line-manages someone involved",
    };

    /// <summary>What a role on the review team is for, under its option on the form.</summary>
    public static string? HintFor(TeamRole value) => value switch
    {
        TeamRole.LeadReviewer => "Independent of the case and of the agencies reviewed; leads the review and writes the report",
        TeamRole.IndependentPanelChair => "Optional; independent of the case and of the agencies reviewed",
        TeamRole.PanelMember => "Senior staff of an agency: say which below",
        TeamRole.LegalAdviser => "Optional",
        TeamRole.LayMember => "Optional; properly advised and supported",
        TeamRole.ShadowReviewer => "A new reviewer learning from the lead reviewer",
        _ => null,
    };

    public static string Of(Reviewers.TrainingLevel value) => value switch
    {
        Reviewers.TrainingLevel.Core => "Core training",
        Reviewers.TrainingLevel.Taster => "Taster workshop",
        Reviewers.TrainingLevel.Accreditation => "Accreditation",
        Reviewers.TrainingLevel.PeerLearning => "Peer learning",
        _ => "Other training",
    };

    public static string Of(AgencyType value) => value switch
    {
        AgencyType.ChildrensSocialCare => "Children's social care",
        AgencyType.HealthTrust => "Health trust",
        AgencyType.Police => "Police",
        AgencyType.Education => "Education",
        AgencyType.Probation => "Probation",
        _ => "Other",
    };

    public static string Of(Region value) => value switch
    {
        Region.London => "London",
        Region.NorthWest => "North West",
        Region.NorthEast => "North East",
        Region.WestMidlands => "West Midlands",
        Region.EastMidlands => "East Midlands",
        Region.YorkshireHumber => "Yorkshire and the Humber",
        Region.Central => "Central",
        Region.SouthWest => "South West",
        Region.SouthEast => "South East",
        Region.Eastern => "Eastern",
        _ => "Not known",
    };

    /// <summary>Age in months as people say it: "4 months", "2 years 3 months".</summary>
    public static string Age(int? months) => months switch
    {
        null => "Not known",
        < 24 => months == 1 ? "1 month" : $"{months} months",
        _ => months % 12 == 0 ? $"{months / 12} years" : $"{months / 12} years {months % 12} month{(months % 12 == 1 ? "" : "s")}",
    };

    public static string Of(FileReviewRecommendation value) => value switch
    {
        FileReviewRecommendation.CriteriaMet => "The criteria for a serious case review are met",
        FileReviewRecommendation.CriteriaNotMet => "The criteria are not met",
        _ => "Unsure: the sub-group should consider it",
    };

    public static string Of(Methodology value) => value switch
    {
        Methodology.LearningTogether => "SCIE Learning Together (systems model)",
        Methodology.SignificantIncidentLearningProcess => "Significant Incident Learning Process (SILP)",
        Methodology.AppreciativeInquiry => "Appreciative Inquiry",
        Methodology.RootCauseAnalysis => "Root Cause Analysis",
        Methodology.FailureModesAndEffectsAnalysis => "Failure Modes and Effects Analysis (FMEA)",
        Methodology.ChildPracticeReview => "Child Practice Review (Wales)",
        Methodology.AgencyReviewsAndOverview => "Agency reviews (IMRs) and an overview report",
        Methodology.Hybrid => "A hybrid of these",
        _ => "Other",
    };

    public static string Of(RecipientKind value) => value switch
    {
        RecipientKind.BoardChair => "Board chair",
        RecipientKind.ChiefExecutive => "Chief executive",
        RecipientKind.LeadMember => "Lead member",
        RecipientKind.DirectorOfChildrensServices => "Director of children's services",
        RecipientKind.Agency => "Agency",
        RecipientKind.NationalPanel => "National Panel",
        RecipientKind.DepartmentForEducation => "Department for Education",
        RecipientKind.Ofsted => "Ofsted",
        RecipientKind.Coroner => "Coroner",
        _ => "Other",
    };

    public static string Of(CommunicationMethod value) => value switch
    {
        CommunicationMethod.Email => "Email",
        CommunicationMethod.InApp => "In the service",
        CommunicationMethod.Letter => "Letter",
        CommunicationMethod.Telephone => "Telephone",
        CommunicationMethod.Meeting => "Meeting",
        _ => "Other",
    };

    /// <summary>A hint under each kind of recipient on the form that records a communication made outside the service.</summary>
    public static string? HintFor(RecipientKind value) => value switch
    {
        RecipientKind.ChiefExecutive => "Of the local authority",
        RecipientKind.LeadMember => "The councillor responsible for children's services",
        RecipientKind.Agency => "An agency involved in the case: select which below",
        RecipientKind.Coroner => "Of the area where the child died",
        RecipientKind.Other => "For example, the police senior investigating officer or a legal adviser",
        _ => null,
    };

    /// <summary>What the decision is called wherever it is sent: "Decision on case NB-2026-001: do not initiate a review".</summary>
    public static string DecisionSubject(string reference, DecisionOutcome decision) => $"Decision on case {reference}: {Of(decision).ToLowerInvariant()}";

    /// <summary>What a copy of the notification is called when it is sent on.</summary>
    public static string NotificationSubject(string reference) => $"Copy of the notification of case {reference}";

    /// <summary>Whether someone was told, in words: "Told 5 January 2026 at 2:30pm by letter", or "Not recorded".</summary>
    public static string Told(CaseCommunication? communication) =>
        communication is null ? "Not recorded" : $"Told {DateTime(communication.SentAt)} by {Of(communication.Method).ToLowerInvariant()}";

    public static string Of(PanelResponse value) => value switch
    {
        PanelResponse.NotConsidered => "Not yet considered",
        PanelResponse.Agreed => "Agreed",
        _ => "Questioned",
    };

    public static string Of(ChallengeOutcome value) => value switch
    {
        ChallengeOutcome.AwaitingInformation => "Awaiting information",
        ChallengeOutcome.AcceptedAfterInformation => "Accepted after further information",
        _ => "Became a review",
    };

    public static string Of(PanelMessageKind value) => value switch
    {
        PanelMessageKind.InformationRequested => "The Panel asked for more information",
        PanelMessageKind.Challenge => "The Panel challenged the decision",
        PanelMessageKind.BoardAnswer => "The board answered",
        PanelMessageKind.Agreement => "The Panel agreed",
        PanelMessageKind.AcceptedAfterInformation => "The Panel accepted the decision after further information",
        _ => "The chair reconsidered and initiated a review",
    };

    public static string Of(PanelState value) => value switch
    {
        PanelState.NotConsidered => "Not yet considered",
        PanelState.Agreed => "Agreed",
        PanelState.AwaitingBoard => "Questioned: awaiting the board",
        PanelState.BoardAnswered => "Questioned: the board has answered",
        PanelState.AcceptedAfterInformation => "Accepted after further information",
        _ => "Became a review",
    };

    public static string Of(Timescales.DeadlineState value) => value switch
    {
        Timescales.DeadlineState.Due => "Due",
        Timescales.DeadlineState.DueSoon => "Due soon",
        Timescales.DeadlineState.Overdue => "Overdue",
        Timescales.DeadlineState.Done => "Done",
        Timescales.DeadlineState.DoneLate => "Done late",
        _ => "Missed",
    };

    public static string Of(ReminderKind value) => value switch
    {
        ReminderKind.DueSoon => "Due soon",
        _ => "Missed",
    };

    public static string Of(ParallelProcessKind value) => value switch
    {
        ParallelProcessKind.PoliceInvestigation => "Police investigation",
        ParallelProcessKind.CriminalProceedings => "Criminal proceedings",
        ParallelProcessKind.CoronersInquest => "Coroner's inquest",
        ParallelProcessKind.CareProceedings => "Care proceedings",
        ParallelProcessKind.DomesticHomicideReview => "Domestic homicide review",
        ParallelProcessKind.AdultReview => "Safeguarding adult review",
        ParallelProcessKind.DisciplinaryProcess => "Disciplinary process",
        ParallelProcessKind.OtherBoardReview => "Another board's review",
        _ => "Other process",
    };

    public static string Of(ConstrainedActivity value) => value switch
    {
        ConstrainedActivity.Interviews => "Interviews of staff and witnesses",
        ConstrainedActivity.FamilyContact => "Contact with the family",
        ConstrainedActivity.SharingDraft => "Sharing the draft report",
        ConstrainedActivity.Publication => "Publication",
        _ => value.ToString(),
    };

    public static string Of(ConstraintEnd value) => value switch
    {
        ConstraintEnd.ProcessEnds => "When the process ends",
        _ => "After a date",
    };

    public static string Of(TimelineChangeStatus value) => value switch
    {
        TimelineChangeStatus.Proposed => "Waiting for the chair",
        TimelineChangeStatus.Approved => "Agreed",
        _ => "Refused",
    };

    /// <summary>
    /// The period a constraint applies, in words: "From 1 March 2027 until the process ends (expected 12 June 2027)",
    /// "Until 30 April 2027", "Until the process ended on 3 May 2027".
    /// </summary>
    public static string Period(ParallelProcess process, ProcessConstraint constraint)
    {
        var from = constraint.StartsOn is { } starts ? $"From {Date(starts)} until" : "Until";
        return constraint.Until switch
        {
            ConstraintEnd.Date => $"{from} {Date(constraint.EndsOn ?? default)}",
            _ when process.EndedOn is { } ended => $"{from} the process ended on {Date(ended)}",
            _ when process.ExpectedEndOn is { } expected => $"{from} the process ends (expected {Date(expected)})",
            _ => $"{from} the process ends (no end date expected yet)",
        };
    }

    /// <summary>When a deadline falls: "25 November 2026" (by the end of that day) or "25 November 2026 at 9am".</summary>
    public static string Due(Timescales.Deadline deadline) => deadline.IsAllDay ? Date(deadline.DueDate) : DateTime(deadline.Due);

    /// <summary>
    /// Where a deadline stands, in words: "Done 3 November 2026 at 2pm", "Done late, 5 November 2026 at 10am (due by 4
    /// November 2026)", "Overdue since 5 November 2026", "Due by 4 November 2026", "Missed: not done before the chair decided".
    /// </summary>
    public static string Progress(Timescales.Deadline deadline, Timescales.DeadlineState state) => state switch
    {
        Timescales.DeadlineState.Done => $"Done {DoneWhen(deadline)}",
        Timescales.DeadlineState.DoneLate => $"Done late, {DoneWhen(deadline)} (due by {Due(deadline)})",
        // An all-day deadline is overdue from the start of the next day.
        Timescales.DeadlineState.Overdue => $"Overdue since {(deadline.IsAllDay ? Date(deadline.DueDate.AddDays(1)) : DateTime(deadline.Due))}",
        Timescales.DeadlineState.Missed => deadline.IsMilestone
            ? $"Missed: not done before the review closed (due by {Due(deadline)})"
            : $"Missed: not done before the chair decided (due by {Due(deadline)})",
        _ => $"Due by {Due(deadline)}",
    };

    /// <summary>When a deadline was done: the date recorded for a milestone, the moment otherwise.</summary>
    private static string DoneWhen(Timescales.Deadline deadline) =>
        deadline.DoneOn is { } on ? Date(on) : DateTime(deadline.DoneAt!.Value);

    /// <summary>A date as GOV.UK writes it: 5 January 2026.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A UK local time as GOV.UK writes it: 5 January 2026 at 2:30pm.</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var uk = Timescales.UkTime.ToUk(instant);
        var time = uk.ToString(uk.Minute == 0 ? "%h" : "h:mm", System.Globalization.CultureInfo.InvariantCulture) + (uk.Hour < 12 ? "am" : "pm");
        return $"{uk.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} at {time}";
    }

    public static string Of(DocumentType value) => value switch
    {
        DocumentType.Pdf => "PDF",
        DocumentType.Word => "Word document",
        DocumentType.Excel => "Excel workbook",
        DocumentType.Png => "PNG image",
        _ => "JPEG image",
    };

    /// <summary>A file's size as GOV.UK writes it: 20MB, 1.5MB, 340KB, 12 bytes.</summary>
    public static string FileSize(long bytes)
    {
        const long kilobyte = 1024;
        const long megabyte = 1024 * kilobyte;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return bytes switch
        {
            >= megabyte when bytes % megabyte == 0 => (bytes / megabyte).ToString(culture) + "MB",
            >= megabyte => Math.Round(bytes / (double)megabyte, 1, MidpointRounding.AwayFromZero).ToString("0.#", culture) + "MB",
            >= kilobyte => Math.Round(bytes / (double)kilobyte, MidpointRounding.AwayFromZero).ToString(culture) + "KB",
            1 => "1 byte",
            _ => bytes.ToString(culture) + " bytes",
        };
    }

    public static string Of(GuidanceEdition value) => value switch
    {
        GuidanceEdition.Wt1999 => "Working Together 1999",
        GuidanceEdition.Wt2006 => "Working Together 2006",
        GuidanceEdition.Wt2010 => "Working Together 2010",
        GuidanceEdition.Wt2013 => "Working Together 2013",
        GuidanceEdition.Wt2015 => "Working Together 2015",
        GuidanceEdition.Wt2018 => "Working Together 2018",
        GuidanceEdition.Wt2023 => "Working Together 2023",
        GuidanceEdition.Wales2012 => "Wales: Protecting Children in Wales (2012)",
        _ => "Not known",
    };
}
