using System.Globalization;
using Scr.Core.Models;

namespace Scr.Core.Rules;

/// <summary>
/// A message about the case made outside the service (a letter, a call, a meeting), as the site's form or the API sends
/// it to be recorded. <see cref="AgencyId"/> names the agency when the recipient is one; <see cref="SentAt"/> is the
/// instant it was sent. Checked by <see cref="CommunicationRules.Check"/>.
/// </summary>
public sealed record CommunicationInput(RecipientKind? Recipient, string? RecipientName, Guid? AgencyId, CommunicationMethod? Method,
    DateTimeOffset? SentAt, string? Subject, string? Note);

/// <summary>Whether someone who may need to be told has been, and the first record of it (null when not yet).</summary>
public sealed record RecipientTold(RecipientKind Recipient, CaseCommunication? First)
{
    public bool Told => First is not null;
}

/// <summary>
/// Who else may need telling about a case (seed 000 Stage 1), from the communications on its record: when a child has
/// died, the chief executive, the lead member and the director of children's services, told of the notification where
/// needed; once the chair has decided, the coroner, kept informed of the decision in writing.
/// </summary>
public sealed record WhoToTell(bool ChildDied, IReadOnlyList<RecipientTold> OfNotification, bool CoronerDue, CaseCommunication? CoronerOfDecision)
{
    public bool CoronerTold => CoronerOfDecision is not null;
}

/// <summary>
/// Who was told what and when (seed 000 Stage 1: the chair has a copy of a child death's notification within 48 hours,
/// with the chief executive, lead member and DCS where needed; the decision goes in writing to every involved agency and,
/// where relevant, the coroner). The one place the rules for recording a communication made outside the service, and
/// for who may still need telling, live. Pure: who may record is <see cref="ReviewAccessRules.MayRecordCommunication"/>.
/// </summary>
public static class CommunicationRules
{
    public const int RecipientNameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int NoteMaxLength = 4000;

    /// <summary>Those told of the notification of a child's death where needed, besides the chair (seed 000 Stage 1).</summary>
    public static readonly IReadOnlyList<RecipientKind> ToldOfChildDeath =
        [RecipientKind.ChiefExecutive, RecipientKind.LeadMember, RecipientKind.DirectorOfChildrensServices];

    /// <summary>How a communication made outside the service may have been sent: messages in the service record themselves.</summary>
    public static readonly IReadOnlyList<CommunicationMethod> MethodsOutsideTheService =
        [CommunicationMethod.Letter, CommunicationMethod.Email, CommunicationMethod.Telephone, CommunicationMethod.Meeting, CommunicationMethod.Other];

    /// <summary>In writing: what the decision must be communicated in (seed 000 Stage 1).</summary>
    public static bool IsInWriting(CommunicationMethod method) => method is CommunicationMethod.Letter or CommunicationMethod.Email;

    /// <summary>A child died (suicide included): the case the chair must have within 48 hours, and the coroner is involved.</summary>
    public static bool ChildDied(Review review) => review.IncidentType is IncidentType.Death or IncidentType.Suicide;

    /// <summary>
    /// Everything a communication made outside the service must satisfy before it is recorded on the case, each problem
    /// naming the API's field: a recipient, a name (up to 200 characters), an agency involved in the case when the
    /// recipient is an agency (and none otherwise), a method other than the service's own messages, a time sent that is
    /// neither in the future nor before the case was notified (to the minute), a subject (up to 300 characters) and a
    /// note of up to 4,000 characters.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Check(Review review, CommunicationInput input, DateTimeOffset now)
    {
        var problems = new List<RuleProblem>();
        if (input.Recipient is not { } recipient || !Enum.IsDefined(recipient))
        {
            problems.Add(new("recipient", "Select who was told"));
        }
        else if (recipient == RecipientKind.Agency)
        {
            if (input.AgencyId is not { } agencyId)
            {
                problems.Add(new("agencyId", "Select the agency that was told"));
            }
            else if (review.Agencies.All(a => a.AgencyId != agencyId))
            {
                problems.Add(new("agencyId", "Select an agency involved in this case"));
            }
        }
        else if (input.AgencyId is not null)
        {
            problems.Add(new("agencyId", "Name an agency only when an agency was told"));
        }
        Text(problems, "recipientName", "Name", input.RecipientName, RecipientNameMaxLength, "Enter the name of the person or office told");
        if (input.Method is not { } method || !MethodsOutsideTheService.Contains(method))
        {
            problems.Add(new("method", input.Method == CommunicationMethod.InApp
                ? "Messages in the service are recorded when they are sent: select how this one was sent"
                : "Select how they were told"));
        }
        if (input.SentAt is not { } sentAt)
        {
            problems.Add(new("sentAt", "Enter the date and time it was sent"));
        }
        else if (sentAt > now)
        {
            problems.Add(new("sentAt", "The date and time it was sent must be now or in the past"));
        }
        else if (sentAt < ToTheMinute(review.CreatedAt))
        {
            problems.Add(new("sentAt", $"The date and time it was sent must be after the case was notified ({Labels.DateTime(review.CreatedAt)})"));
        }
        Text(problems, "subject", "Subject", input.Subject, SubjectMaxLength, "Enter what it was about");
        Text(problems, "note", "The note", input.Note, NoteMaxLength, null);
        return problems;
    }

    /// <summary>Who may still need telling about the case, and who has been told, from its communications.</summary>
    public static WhoToTell WhoToTellAbout(Review review)
    {
        var died = ChildDied(review);
        var ofNotification = died
            ? ToldOfChildDeath.Select(kind => new RecipientTold(kind, review.Communications.Where(c => c.Recipient == kind).MinBy(c => c.SentAt))).ToList()
            : [];
        var coronerDue = died && review.DecidedAt is not null;
        var coroner = coronerDue
            ? review.Communications
                .Where(c => c.Recipient == RecipientKind.Coroner && IsInWriting(c.Method) && c.SentAt >= ToTheMinute(review.DecidedAt!.Value))
                .MinBy(c => c.SentAt)
            : null;
        return new WhoToTell(died, ofNotification, coronerDue, coroner);
    }

    /// <summary>The start of the minute: a time typed to the minute counts as at or after anything within that minute.</summary>
    private static DateTimeOffset ToTheMinute(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMinute));

    private static void Text(List<RuleProblem> problems, string field, string name, string? text, int maxLength, string? missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (missing is not null)
            {
                problems.Add(new(field, missing));
            }
        }
        else if (text.Trim().Length > maxLength)
        {
            problems.Add(new(field, $"{name} must be {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"));
        }
    }
}
