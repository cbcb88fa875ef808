namespace Scr.Core.Services.Audit;

/// <summary>The names of audited events.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLockedOut = "sign-in-locked-out";
    public const string SignOut = "sign-out";
    public const string TwoFactorFailed = "two-factor-failed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string PasswordChanged = "password-changed";
    public const string PasskeyAdded = "passkey-added";
    public const string PasskeyRemoved = "passkey-removed";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string UserInvited = "user.invited";
    public const string InvitationAccepted = "user.invitation-accepted";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string RoleGranted = "user.role-granted";
    public const string RoleRevoked = "user.role-revoked";
    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationChanged = "organisation.changed";
    public const string ReviewNotified = "review.notified";
    public const string ReviewRead = "review.read";
    public const string ReviewMoved = "review.moved";
    public const string ReviewTeamAdded = "review.team-added";
    public const string ReviewTeamRemoved = "review.team-removed";
    public const string InvolvementDeclared = "review.involvement-declared";
    public const string NotificationAcknowledged = "review.notification-acknowledged";
    public const string RecordsSecured = "review.records-secured";
    public const string FileReviewSubmitted = "review.file-review-submitted";
    public const string FileReviewRead = "review.file-review-read";
    public const string FileReviewsShared = "review.file-reviews-shared";
    public const string SummaryPrepared = "review.summary-prepared";
    public const string RecommendationRecorded = "review.recommendation-recorded";
    public const string PeerReviewRequested = "review.peer-review-requested";
    public const string PeerReviewRead = "review.peer-review-read";
    public const string PeerReviewAnswered = "review.peer-review-answered";
    public const string IncidentNotifiedToPanel = "review.incident-notified-to-panel";
    public const string DecisionSentToPanel = "panel.decision-received";
    public const string PanelSubmissionRead = "panel.decision-read";
    public const string PanelResponded = "panel.responded";
    public const string PanelAnswered = "panel.board-answered";
    public const string CommunicationRecorded = "review.communication-recorded";
    public const string DraftSaved = "draft.saved";
    public const string ReminderSent = "deadline.reminder-sent";
    public const string CalendarFeedCreated = "calendar-feed.created";
    public const string CalendarFeedRevoked = "calendar-feed.revoked";
    public const string CalendarFeedRead = "calendar-feed.read";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string BankHolidaysImported = "bank-holidays.imported";
    public const string AuditRead = "audit.read";
    public const string Export = "export";
}
