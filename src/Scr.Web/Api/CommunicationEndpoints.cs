using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Api;

/// <summary>
/// Who was told what and when (seed 000 Stage 1): a case's communications log, the service's own messages included, and
/// recording one made outside the service. Each calls <see cref="ReviewService"/>; the rules are
/// <see cref="CommunicationRules"/> and <see cref="ReviewAccessRules.MayRecordCommunication"/>.
/// </summary>
public static class CommunicationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Communications");
        cases.MapGet("/communications", List).WithName("ListCommunications").Refusals()
            .WithSummary("Who was told what, how, when and by whom")
            .WithDescription("Oldest first. The board's business unit, chair and sub-group see every communication and who may still "
                + "need telling (whoToTell); anyone acting for an involved agency sees those made to that agency; others who may read "
                + "the case see none. The read is written to the audit log.");
        cases.MapPost("/communications", Record).WithName("RecordCommunication").Refusals(versioned: true)
            .WithSummary("Record a communication made outside the service (send the version you last read)")
            .WithDescription("A letter, email, call or meeting: to the coroner, the chief executive, the lead member, the director of "
                + "children's services, an involved agency or anyone else. The board's business unit or its chair. sentAt is the instant "
                + "it was sent, with its offset (2026-11-23T14:30:00+00:00); not in the future, nor before the case was notified. "
                + "recipientName up to 200 characters, subject up to 300, note up to 4,000; agencyId only, and always, for an Agency "
                + "recipient, and one involved in the case. InApp is refused: messages in the service record themselves.");
    }

    private static async Task<Ok<CommunicationLogDetail>> List(Guid id, CurrentUser me, ReviewService reviews, CancellationToken cancellationToken)
    {
        var log = await reviews.GetCommunicationsAsync(id, await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
        return TypedResults.Ok(CommunicationLogDetail.Of(log));
    }

    private static async Task<Results<Created<RecordedCommunicationDetail>, ValidationProblem, Conflict<ConflictBody>>> Record(Guid id,
        RecordCommunicationRequest request, CurrentUser me, ReviewService reviews, CancellationToken cancellationToken)
    {
        if (request.Version is not { } version)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Problems("version", "Send the version of the case you last read (GET /api/v1/cases/{id})"));
        }
        var principal = await me.GetAsync(cancellationToken);
        var recorded = await reviews.RecordCommunicationAsync(id, new CommunicationInput(request.Recipient, request.RecipientName, request.AgencyId,
            request.Method, request.SentAt, request.Subject, request.Note), version, principal, me.Actor, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/communications",
            new RecordedCommunicationDetail(CommunicationDetail.Of(recorded.Communication, recorded.Agency, principal.Name), recorded.Version));
    }
}

/// <summary>
/// A communication made outside the service. Recipient: ChiefExecutive, LeadMember, DirectorOfChildrensServices, Coroner,
/// Agency (with agencyId), BoardChair, NationalPanel, DepartmentForEducation, Ofsted or Other. Method: Letter, Email,
/// Telephone, Meeting or Other.
/// </summary>
public sealed record RecordCommunicationRequest(RecipientKind? Recipient, string? RecipientName, Guid? AgencyId, CommunicationMethod? Method,
    DateTimeOffset? SentAt, string? Subject, string? Note, Guid? Version);

/// <summary>The communication as recorded, and the case's new version.</summary>
public sealed record RecordedCommunicationDetail(CommunicationDetail Communication, Guid Version);

/// <summary>Whether someone who may need telling has been: when, and how, by the first record of it.</summary>
public sealed record RecipientToldDetail(RecipientKind Recipient, DateTimeOffset? ToldAt, CommunicationMethod? Method)
{
    public static RecipientToldDetail Of(RecipientKind recipient, CaseCommunication? first) => new(recipient, first?.SentAt, first?.Method);
}

/// <summary>
/// Who else may need telling (seed 000 Stage 1): when a child has died, the chief executive, lead member and director of
/// children's services of the notification, where needed; once the chair has decided, the coroner of the decision, in
/// writing (a letter or email to the coroner sent at or after the decision).
/// </summary>
public sealed record WhoToTellDetail(bool ChildDied, IReadOnlyList<RecipientToldDetail> OfNotification, bool CoronerDue,
    RecipientToldDetail? CoronerOfDecision)
{
    public static WhoToTellDetail Of(WhoToTell who) => new(who.ChildDied,
        who.OfNotification.Select(t => RecipientToldDetail.Of(t.Recipient, t.First)).ToList(), who.CoronerDue,
        who.CoronerDue ? RecipientToldDetail.Of(RecipientKind.Coroner, who.CoronerOfDecision) : null);
}

/// <summary>A case's communications as the caller may see them, and the case's version to send with a new one.</summary>
public sealed record CommunicationLogDetail(Guid CaseId, string Reference, Guid Version, IReadOnlyList<CommunicationDetail> Communications,
    [property: Description("Board only: null for anyone else.")] WhoToTellDetail? WhoToTell)
{
    public static CommunicationLogDetail Of(CommunicationLog log) => new(log.Review.Id, log.Review.Reference, log.Review.Version,
        log.Entries.Select(e => CommunicationDetail.Of(e.Communication, e.Agency, e.SentBy)).ToList(),
        log.IsBoard ? WhoToTellDetail.Of(log.WhoToTell) : null);
}
