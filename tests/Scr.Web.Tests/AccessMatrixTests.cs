using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Services.Demo;
using Scr.Core.Services.Documents;
using Scr.TestCommon;
using Scr.Web.Tests.Api;

namespace Scr.Web.Tests;

/// <summary>
/// Every role × every page and API endpoint × own and other board: who is let in, who is refused (403), and to whom
/// the item does not exist (404). A final test proves the matrix covers every route the site has.
/// </summary>
public abstract class AccessMatrixTests(WebWorldFixture fixture)
{
    private WebWorld World => fixture.World;

    public const string Officer = "officer@northbridge.example";
    public const string Chair = "chair@northbridge.example";
    public const string SubGroup = "subgroup@northbridge.example";
    public const string AgencyLead = "agency.lead@northbridge.example";
    public const string AgencyAuthor = "agency.author@northbridge.example";
    public const string Reviewer = "reviewer@northbridge.example";
    public const string Panel = "panel@panel.example";
    public const string Admin = "admin@scr.example";
    public const string OtherBoardOfficer = "officer@eastmere.example";
    public const string Anonymous = "anonymous";

    public static readonly string[] Roles = [Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer];

    private static readonly Dictionary<string, HttpClient> Sessions = [];

    /// <summary>
    /// A row of the matrix: a route template, the URL to try, and the expected status for each role; for an API POST, the
    /// JSON body to send (chosen so that those allowed get a fixed answer, such as 409 for a stale version, whatever order
    /// the cells run in).
    /// </summary>
    public sealed record Row(string Template, string Method, Func<Ids, string> Url, IReadOnlyDictionary<string, HttpStatusCode> Expected, HttpStatusCode Otherwise,
        Func<Ids, object>? Body = null);

    /// <param name="ScopingSubmission">The decision on <paramref name="ScopingCase"/> as sent to the National Panel.</param>
    /// <param name="Stage1Case">A Northbridge case in stage 1 naming social care and health, with social care's file review sent, not shared.</param>
    /// <param name="SocialCare">The agency of <see cref="AgencyLead"/> (the author is in health).</param>
    /// <param name="PeerReview">Eastmere's chair asks Northbridge's chair to peer-review an Eastmere case in stage 1.</param>
    /// <param name="ScopingProcess">The demo's criminal trial on <paramref name="ScopingCase"/>, with <paramref name="ScopingConstraint"/> on interviews.</param>
    /// <param name="AgreedChange">The change of timeline the chair agreed on the demo's review at stage 3.</param>
    /// <param name="AgencyDocument">A document on <paramref name="Stage1Case"/> for social care (with the board and the review team).</param>
    /// <param name="TeamDocument">A document on <paramref name="Stage1Case"/> for the board and the review team only.</param>
    /// <param name="ConflictedUser">The register reviewer whose appointment to <paramref name="ScopingCase"/> awaits the chair's exception.</param>
    /// <param name="OwnProfile">The register entry of <see cref="Reviewer"/>.</param>
    /// <param name="OtherProfile">Another reviewer's register entry, not paired with <see cref="Reviewer"/>.</param>
    /// <param name="DemoInterview">The interview on <paramref name="WorkingCase"/> shared with <see cref="AgencyAuthor"/>, its interviewee.</param>
    /// <param name="Mother">The family member on <paramref name="WorkingCase"/> whom <see cref="Reviewer"/> meets.</param>
    /// <param name="LearningReview">A Northbridge review of the learning record, with a published report (the demo's).</param>
    /// <param name="PublishedReport">The published report of <paramref name="LearningReview"/>.</param>
    public sealed record Ids(Guid NewCase, Guid ScopingCase, Guid OtherBoardCase, Guid Board, Guid ScopingSubmission, Guid OtherBoardSubmission,
        Guid Stage1Case = default, Guid SocialCare = default, Guid PeerReview = default, Guid ScopingProcess = default, Guid ScopingConstraint = default,
        Guid WorkingCase = default, Guid AgreedChange = default, Guid AgencyDocument = default, Guid TeamDocument = default, Guid ConflictedUser = default,
        Guid OwnProfile = default, Guid OtherProfile = default, Guid Officer = default, Guid HealthReport = default, Guid SocialCareReport = default,
        Guid DemoInterview = default, Guid Mother = default, Guid SocialCareEntry = default, Guid LearningReview = default, int PublishedReport = default);

    private static Dictionary<string, HttpStatusCode> Allow(HttpStatusCode status, params string[] roles) => roles.ToDictionary(r => r, _ => status);

    private static Dictionary<string, HttpStatusCode> Merge(params Dictionary<string, HttpStatusCode>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private static readonly string[] Everyone = Roles;
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode ToSignIn = HttpStatusCode.Redirect;

    public static readonly Row[] Pages =
    [
        new("/", "GET", _ => "/", Allow(Ok, Everyone), ToSignIn),
        new("/cases", "GET", _ => "/cases", Allow(Ok, Everyone), ToSignIn),
        new("/cases/notify", "GET", _ => "/cases/notify",
            Merge(Allow(HttpStatusCode.Redirect, Officer, Chair, AgencyLead, OtherBoardOfficer), Allow(Ok, AgencyAuthor),
                Allow(Forbidden, SubGroup, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/notify/details", "GET", ids => $"/cases/notify/details?board={ids.Board}",
            Merge(Allow(Ok, Officer, Chair, AgencyLead, AgencyAuthor), Allow(Hidden, SubGroup, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}", "GET", ids => $"/cases/{ids.NewCase}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}", "GET", ids => $"/cases/{ids.ScopingCase}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // The National Panel reads only what boards send it, never the case record.
        new("/cases/{id:guid}", "GET", ids => $"/cases/{ids.OtherBoardCase}",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/move/{action}", "GET", ids => $"/cases/{ids.NewCase}/move/initiate",
            Merge(Allow(Ok, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/move/{action}", "GET", ids => $"/cases/{ids.ScopingCase}/move/commission",
            Merge(Allow(Ok, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/team", "GET", ids => $"/cases/{ids.ScopingCase}/team",
            Merge(Allow(Ok, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/team", "GET", ids => $"/cases/{ids.OtherBoardCase}/team",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        // The review panel: the business unit and the chair add people (with their declaration) and match the case to the register;
        // only the chair records an exception to a declared conflict; a person with nothing declared has no conflict to open.
        new("/cases/{id:guid}/team/add", "GET", ids => $"/cases/{ids.ScopingCase}/team/add",
            Merge(Allow(Ok, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/team/add", "GET", ids => $"/cases/{ids.OtherBoardCase}/team/add",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/team/exception/{user:guid}", "GET", ids => $"/cases/{ids.ScopingCase}/team/exception/{ids.ConflictedUser}",
            Merge(Allow(Ok, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/team/exception/{user:guid}", "GET", ids => $"/cases/{ids.ScopingCase}/team/exception/{ids.Officer}",
            Merge(Allow(Hidden, Chair, Panel, Admin, OtherBoardOfficer), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor, Reviewer)), ToSignIn),
        new("/cases/{id:guid}/match-reviewer", "GET", ids => $"/cases/{ids.ScopingCase}/match-reviewer",
            Merge(Allow(Ok, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/match-reviewer", "GET", ids => $"/cases/{ids.OtherBoardCase}/match-reviewer",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        // The reviewer register is shared by every board: business units and chairs read it; a reviewer keeps their own entry and
        // sees those of their mentoring partners; business units pair new reviewers with mentors.
        new("/reviewers", "GET", _ => "/reviewers",
            Merge(Allow(Ok, Officer, Chair, Admin, OtherBoardOfficer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        new("/reviewers/{id:guid}", "GET", ids => $"/reviewers/{ids.OtherProfile}",
            Merge(Allow(Ok, Officer, Chair, Admin, OtherBoardOfficer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        new("/reviewers/{id:guid}", "GET", ids => $"/reviewers/{ids.OwnProfile}",
            Merge(Allow(Ok, Officer, Chair, Admin, OtherBoardOfficer, Reviewer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Panel)), ToSignIn),
        new("/reviewers/{id:guid}", "GET", _ => $"/reviewers/{Guid.NewGuid()}", Allow(Hidden, Everyone), ToSignIn),
        new("/reviewers/me", "GET", _ => "/reviewers/me",
            Merge(Allow(Ok, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/reviewers/me/training", "GET", _ => "/reviewers/me/training",
            Merge(Allow(Ok, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/reviewers/me/conflicts", "GET", _ => "/reviewers/me/conflicts",
            Merge(Allow(Ok, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/reviewers/mentoring", "GET", _ => "/reviewers/mentoring",
            Merge(Allow(Ok, Officer, Admin, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        new("/reviewers/mentoring/add", "GET", _ => "/reviewers/mentoring/add",
            Merge(Allow(Ok, Officer, Admin, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        // Stage 1: an involved agency (or the business unit for it) secures records and sends its file review.
        new("/cases/{id:guid}/agency", "GET", ids => $"/cases/{ids.NewCase}/agency",
            Merge(Allow(Ok, Officer, AgencyLead, AgencyAuthor), Allow(Forbidden, Chair, SubGroup), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/file-reviews", "GET", ids => $"/cases/{ids.NewCase}/file-reviews",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/recommendation", "GET", ids => $"/cases/{ids.NewCase}/recommendation",
            Merge(Allow(Ok, Officer, Chair, SubGroup), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/decision", "GET", ids => $"/cases/{ids.NewCase}/decision",
            Merge(Allow(Ok, Officer, Chair, SubGroup), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Who was told what: whoever may read the case opens the log (an agency sees what was sent to it, a review team member
        // from outside the board nothing); the board's business unit and chair record a message sent outside the service.
        new("/cases/{id:guid}/communications", "GET", ids => $"/cases/{ids.NewCase}/communications",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/communications", "GET", ids => $"/cases/{ids.ScopingCase}/communications",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/communications", "GET", ids => $"/cases/{ids.OtherBoardCase}/communications",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/communications/record", "GET", ids => $"/cases/{ids.NewCase}/communications/record",
            Merge(Allow(Ok, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/communications/record", "GET", ids => $"/cases/{ids.ScopingCase}/communications/record",
            Merge(Allow(Ok, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/communications/record", "GET", ids => $"/cases/{ids.OtherBoardCase}/communications/record",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        // Documents: the board and the review team read every one; an involved agency only its own agency's.
        new("/cases/{id:guid}/documents", "GET", ids => $"/cases/{ids.NewCase}/documents",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/documents", "GET", ids => $"/cases/{ids.ScopingCase}/documents",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/documents", "GET", ids => $"/cases/{ids.OtherBoardCase}/documents",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/documents/{docId:guid}", "GET", ids => $"/cases/{ids.Stage1Case}/documents/{ids.AgencyDocument}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead), Allow(Hidden, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/documents/{docId:guid}", "GET", ids => $"/cases/{ids.Stage1Case}/documents/{ids.TeamDocument}",
            Merge(Allow(Ok, Officer, Chair, SubGroup), Allow(Hidden, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/documents/{docId:guid}", "GET", ids => $"/cases/{ids.Stage1Case}/documents/{Guid.NewGuid()}",
            Allow(Hidden, Everyone), ToSignIn),
        // Only the chair asked may open a peer review; a guessed id is not found for anyone.
        new("/peer-reviews/{id:guid}", "GET", _ => $"/peer-reviews/{Guid.NewGuid()}", Allow(Hidden, Everyone), ToSignIn),
        new("/cases/{id:guid}/declare-involvement", "GET", ids => $"/cases/{ids.ScopingCase}/declare-involvement",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // The National Panel's workspace is the Panel's alone; it reads decisions from every board.
        new("/panel", "GET", _ => "/panel", Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        // The cross-case analysis of the learning record (decision 0012): the Panel's, and system administrators' (as the CLI).
        new("/analysis", "GET", _ => "/analysis", Merge(Allow(Ok, Panel, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, OtherBoardOfficer)), ToSignIn),
        new("/analysis", "GET", _ => "/analysis?handler=Xlsx", Merge(Allow(Ok, Panel, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, OtherBoardOfficer)), ToSignIn),
        // Coding of reports (decision 0016): Panel members only (analysts, not the command line); a guessed review is not found.
        // Exchange files in and out of the learning record (decision 0012): the Panel imports; the Panel and boards' business units export.
        new("/analysis/import", "GET", _ => "/analysis/import", Merge(Allow(Ok, Panel, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, OtherBoardOfficer)), ToSignIn),
        new("/analysis/export", "GET", _ => "/analysis/export", Merge(Allow(Ok, Panel, Admin, Officer, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer)), ToSignIn),
        new("/analysis/coding", "GET", _ => "/analysis/coding", Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        new("/analysis/coding/agreement", "GET", _ => "/analysis/coding/agreement",
            Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        new("/analysis/coding/{id:guid}", "GET", _ => $"/analysis/coding/{Guid.NewGuid()}",
            Merge(Allow(Hidden, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        new("/analysis/coding/{id:guid}/settle", "GET", _ => $"/analysis/coding/{Guid.NewGuid()}/settle",
            Merge(Allow(Hidden, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        // The learning repository (decision 0017): published reports are public; the Panel and a board's business unit publish its reports.
        new("/learning", "GET", _ => "/learning", Allow(Ok, Everyone), Ok),
        new("/learning/{id:int}", "GET", ids => $"/learning/{ids.PublishedReport}", Allow(Ok, Everyone), Ok),
        new("/learning/publish", "GET", _ => "/learning/publish",
            Merge(Allow(Ok, Panel, Officer, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin)), ToSignIn),
        new("/learning/publish/{id:guid}", "GET", ids => $"/learning/publish/{ids.LearningReview}",
            Merge(Allow(Ok, Panel, Officer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        new("/panel/decisions/{id:guid}", "GET", ids => $"/panel/decisions/{ids.ScopingSubmission}",
            Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        new("/panel/decisions/{id:guid}", "GET", ids => $"/panel/decisions/{ids.OtherBoardSubmission}",
            Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), ToSignIn),
        // The board's side: its business unit and chair; those who see the case otherwise may not; the Panel never opens the case.
        new("/cases/{id:guid}/panel", "GET", ids => $"/cases/{ids.ScopingCase}/panel",
            Merge(Allow(Ok, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/panel", "GET", ids => $"/cases/{ids.OtherBoardCase}/panel",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        // A review's timetable (the demo's review at scoping, with its criminal trial): the board and the review team see it; the business
        // unit and the team keep it; the chair proposes and agrees changes of timeline; involved agencies see the case, not its timetable.
        new("/cases/{id:guid}/timetable", "GET", ids => $"/cases/{ids.ScopingCase}/timetable",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/timetable", "GET", ids => $"/cases/{ids.OtherBoardCase}/timetable",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/timetable/processes/new", "GET", ids => $"/cases/{ids.ScopingCase}/timetable/processes/new",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/timetable/processes/{processId:guid}", "GET", ids => $"/cases/{ids.ScopingCase}/timetable/processes/{ids.ScopingProcess}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Another case's process is not found under this case.
        new("/cases/{id:guid}/timetable/processes/{processId:guid}", "GET", ids => $"/cases/{ids.WorkingCase}/timetable/processes/{ids.ScopingProcess}",
            Merge(Allow(Hidden, Officer, Chair, SubGroup, Reviewer, Panel, Admin, OtherBoardOfficer), Allow(Forbidden, AgencyLead, AgencyAuthor)), ToSignIn),
        new("/cases/{id:guid}/timetable/processes/{processId:guid}/edit", "GET", ids => $"/cases/{ids.ScopingCase}/timetable/processes/{ids.ScopingProcess}/edit",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/timetable/processes/{processId:guid}/constraints/new", "GET",
            ids => $"/cases/{ids.ScopingCase}/timetable/processes/{ids.ScopingProcess}/constraints/new",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/timetable/processes/{processId:guid}/constraints/{constraintId:guid}", "GET",
            ids => $"/cases/{ids.ScopingCase}/timetable/processes/{ids.ScopingProcess}/constraints/{ids.ScopingConstraint}",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/timetable/milestones/{milestone}/done", "GET", ids => $"/cases/{ids.ScopingCase}/timetable/milestones/review-completed/done",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/timetable/milestones/{milestone}/change", "GET", ids => $"/cases/{ids.ScopingCase}/timetable/milestones/review-completed/change",
            Merge(Allow(Ok, Officer, Chair, Reviewer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // A milestone the case's rule set does not have.
        new("/cases/{id:guid}/timetable/milestones/{milestone}/change", "GET", ids => $"/cases/{ids.ScopingCase}/timetable/milestones/no-such/change",
            Merge(Allow(Hidden, Officer, Chair, Reviewer, Panel, Admin, OtherBoardOfficer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor)), ToSignIn),
        new("/cases/{id:guid}/timetable/changes/{changeId:guid}", "GET", ids => $"/cases/{ids.WorkingCase}/timetable/changes/{ids.AgreedChange}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Terms of reference (the demo's review at scoping has draft version 1; the review at stage 3 has version 1 signed off): the board and
        // the review team read every version; agencies involved read only what the chair signed off; the business unit and the team write
        // the draft; the chair signs it off; only a signed-off version exports.
        new("/cases/{id:guid}/terms-of-reference", "GET", ids => $"/cases/{ids.ScopingCase}/terms-of-reference",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference", "GET", ids => $"/cases/{ids.OtherBoardCase}/terms-of-reference",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference/edit", "GET", ids => $"/cases/{ids.ScopingCase}/terms-of-reference/edit",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Before the chair's decision there are no terms to write.
        new("/cases/{id:guid}/terms-of-reference/edit", "GET", ids => $"/cases/{ids.NewCase}/terms-of-reference/edit",
            Merge(Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference/sign-off", "GET", ids => $"/cases/{ids.ScopingCase}/terms-of-reference/sign-off",
            Merge(Allow(Ok, Chair), Allow(Forbidden, Officer, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference/versions/{number:int}", "GET", ids => $"/cases/{ids.ScopingCase}/terms-of-reference/versions/1",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference/versions/{number:int}", "GET", ids => $"/cases/{ids.WorkingCase}/terms-of-reference/versions/1",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference/versions/{number:int}/export", "GET", ids => $"/cases/{ids.WorkingCase}/terms-of-reference/versions/1/export",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/terms-of-reference/versions/{number:int}/export", "GET", ids => $"/cases/{ids.ScopingCase}/terms-of-reference/versions/1/export",
            Allow(Hidden, Everyone), ToSignIn),
        // Agency reports on the review under way (health's sent back for changes, written by the health author; social care's accepted,
        // written by the social care lead): the board and the review team see every one; an agency only its own (another's is not found).
        new("/cases/{id:guid}/agency-reports", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/request", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/request",
            Merge(Allow(Ok, Officer), Allow(Forbidden, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.SocialCareReport}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead), Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/author", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/author",
            Merge(Allow(Ok, Officer), Allow(Forbidden, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/edit", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/edit",
            Merge(Allow(Ok, AgencyAuthor), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/submit", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/submit",
            Merge(Allow(Ok, AgencyAuthor), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Social care's report is already quality-assured: nobody decides on it again.
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/quality-assurance", "GET",
            ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.SocialCareReport}/quality-assurance",
            Merge(Allow(Forbidden, Officer, Chair, SubGroup, Reviewer, AgencyLead), Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/staff-feedback", "GET",
            ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.SocialCareReport}/staff-feedback",
            Merge(Allow(Ok, AgencyLead), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/documents/add", "GET", ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/documents/add",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/agency-reports/{reportId:guid}/versions/{number:int}", "GET",
            ids => $"/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/versions/1",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Chronology (the demo's review at stage 3, with social care's and health's chronologies, not shared): the board and the
        // review team see the integrated chronology; each involved agency sees its own entries there; an agency and the business
        // unit enter and import; nobody else finds the case.
        new("/cases/{id:guid}/chronology", "GET", ids => $"/cases/{ids.WorkingCase}/chronology",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/import", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/import",
            Merge(Allow(Ok, Officer, AgencyLead, AgencyAuthor), Allow(Forbidden, Chair, SubGroup, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/entries/add", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/entries/add",
            Merge(Allow(Ok, Officer, AgencyLead, AgencyAuthor), Allow(Forbidden, Chair, SubGroup, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/template.xlsx", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/template.xlsx",
            Merge(Allow(Ok, Officer, AgencyLead, AgencyAuthor), Allow(Forbidden, Chair, SubGroup, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/export.{format:regex(^(xlsx|docx)$)}", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/export.xlsx",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/export.{format:regex(^(xlsx|docx)$)}", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/export.docx",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // An entry of social care's chronology: social care and the business unit change it; those who see it but may not change it are
        // refused; to health, before the merged view is shared, it is not there.
        new("/cases/{id:guid}/chronology/entries/{entryId:guid}/change", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/entries/{ids.SocialCareEntry}/change",
            Merge(Allow(Ok, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/entries/{entryId:guid}/remove", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/entries/{ids.SocialCareEntry}/remove",
            Merge(Allow(Ok, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/chronology/entries/{entryId:guid}/change", "GET", ids => $"/cases/{ids.WorkingCase}/chronology/entries/{Guid.NewGuid()}/change",
            Allow(Hidden, Everyone), ToSignIn),
        new("/cases/{id:guid}/chronology", "GET", ids => $"/cases/{ids.OtherBoardCase}/chronology",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        // The genogram (the demo's review at stage 3, with Kai's family): the board and the review team see it; the business unit and the
        // team change it; the involved agencies see the case but not the family; nobody else finds the case.
        new("/cases/{id:guid}/genogram", "GET", ids => $"/cases/{ids.WorkingCase}/genogram",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram", "GET", ids => $"/cases/{ids.WorkingCase}/genogram?handler=Svg&anonymised=true",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram", "GET", ids => $"/cases/{ids.OtherBoardCase}/genogram",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/genogram/people/add", "GET", ids => $"/cases/{ids.WorkingCase}/genogram/people/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram/people/{key}", "GET", ids => $"/cases/{ids.WorkingCase}/genogram/people/p1",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram/couples/add", "GET", ids => $"/cases/{ids.WorkingCase}/genogram/couples/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram/parents/add", "GET", ids => $"/cases/{ids.WorkingCase}/genogram/parents/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram/households/add", "GET", ids => $"/cases/{ids.WorkingCase}/genogram/households/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/genogram/households/{index:int}", "GET", ids => $"/cases/{ids.WorkingCase}/genogram/households/0",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // The people of a review (the demo's review at stage 3): the board and the review team read them; the business unit and the
        // team record them; an involved agency sees its own staff support meetings only; the interviewee (the health author) reads
        // her own interview and nothing else of it; a family's contact details are for the business unit and the team member who meets them.
        new("/cases/{id:guid}/people", "GET", ids => $"/cases/{ids.WorkingCase}/people",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people", "GET", ids => $"/cases/{ids.OtherBoardCase}/people",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/cases/{id:guid}/people/interviews/add", "GET", ids => $"/cases/{ids.WorkingCase}/people/interviews/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people/interviews/{interviewId:guid}", "GET", ids => $"/cases/{ids.WorkingCase}/people/interviews/{ids.DemoInterview}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // Another case's interview is not found under this case.
        new("/cases/{id:guid}/people/interviews/{interviewId:guid}", "GET", ids => $"/cases/{ids.ScopingCase}/people/interviews/{ids.DemoInterview}",
            Allow(Hidden, Everyone), ToSignIn),
        new("/interviews/{interviewId:guid}", "GET", ids => $"/interviews/{ids.DemoInterview}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/interviews/{interviewId:guid}", "GET", _ => $"/interviews/{Guid.NewGuid()}", Allow(Hidden, Everyone), ToSignIn),
        new("/cases/{id:guid}/people/staff-support/add", "GET", ids => $"/cases/{ids.WorkingCase}/people/staff-support/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people/family/add", "GET", ids => $"/cases/{ids.WorkingCase}/people/family/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people/family/{memberId:guid}", "GET", ids => $"/cases/{ids.WorkingCase}/people/family/{ids.Mother}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people/family/{memberId:guid}/edit", "GET", ids => $"/cases/{ids.WorkingCase}/people/family/{ids.Mother}/edit",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people/family/{memberId:guid}/contacts/add", "GET", ids => $"/cases/{ids.WorkingCase}/people/family/{ids.Mother}/contacts/add",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        new("/cases/{id:guid}/people/family/{memberId:guid}/contact-details", "GET", ids => $"/cases/{ids.WorkingCase}/people/family/{ids.Mother}/contact-details",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup), Allow(Hidden, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), ToSignIn),
        // The board's timetable of all its reviews: for its business unit, chair and sub-group; never agencies or review teams from elsewhere.
        new("/timetable", "GET", _ => "/timetable",
            Merge(Allow(Ok, Officer, Chair, SubGroup, OtherBoardOfficer), Allow(Forbidden, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/timetable", "GET", ids => $"/timetable?board={ids.Board}",
            Merge(Allow(Ok, Officer, Chair, SubGroup), Allow(Hidden, OtherBoardOfficer), Allow(Forbidden, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), ToSignIn),
        new("/audit", "GET", _ => "/audit", Merge(Allow(Ok, Officer, Chair, OtherBoardOfficer, Admin), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        new("/admin/users", "GET", _ => "/admin/users", Merge(Allow(Ok, Officer, OtherBoardOfficer, Admin), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        new("/admin/users/invite", "GET", _ => "/admin/users/invite", Merge(Allow(Ok, Officer, OtherBoardOfficer, Admin), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), ToSignIn),
        new("/admin/tokens", "GET", _ => "/admin/tokens", Merge(Allow(Ok, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, OtherBoardOfficer)), ToSignIn),
        new("/admin/organisations", "GET", _ => "/admin/organisations", Merge(Allow(Ok, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, OtherBoardOfficer)), ToSignIn),
        new("/admin/organisations/add-board", "GET", _ => "/admin/organisations/add-board", Merge(Allow(Ok, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, OtherBoardOfficer)), ToSignIn),
        new("/admin/organisations/add-agency", "GET", _ => "/admin/organisations/add-agency", Merge(Allow(Ok, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, OtherBoardOfficer)), ToSignIn),
        new("/admin/bank-holidays", "GET", _ => "/admin/bank-holidays", Merge(Allow(Ok, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, OtherBoardOfficer)), ToSignIn),
        new("/account/tokens", "GET", _ => "/account/tokens", Allow(Ok, Everyone), ToSignIn),
        new("/account/calendar", "GET", _ => "/account/calendar", Allow(Ok, Everyone), ToSignIn),
        // Everyone's own deadlines and messages: an empty list for those with none.
        new("/deadlines", "GET", _ => "/deadlines", Allow(Ok, Everyone), ToSignIn),
        new("/deadlines", "GET", ids => $"/deadlines?case={ids.OtherBoardCase}", Allow(Ok, Everyone), ToSignIn),
        new("/messages", "GET", _ => "/messages", Allow(Ok, Everyone), ToSignIn),
        // The calendar feed's secret address is its only key: no cookie counts, and a guessed address is not found.
        new("/calendar/{secret}.ics", "GET", _ => "/calendar/scrcal_guessed.ics", Allow(Hidden, Everyone), Hidden),
        new("/account/passkeys", "GET", _ => "/account/passkeys", Allow(Ok, Everyone), ToSignIn),
        // POST-only JSON for the passkey script (PasskeyTests covers who may call them): a GET is not allowed.
        new("/account/passkeys/creation-options", "GET", _ => "/account/passkeys/creation-options", Allow(HttpStatusCode.MethodNotAllowed, Everyone), ToSignIn),
        new("/sign-in/passkey/request-options", "GET", _ => "/sign-in/passkey/request-options", Allow(HttpStatusCode.MethodNotAllowed, Everyone), ToSignIn),
        new("/account/password", "GET", _ => "/account/password", Allow(Ok, Everyone), ToSignIn),
        new("/sign-out", "GET", _ => "/sign-out", Allow(Ok, Everyone), ToSignIn),
        new("/dev/mail", "GET", _ => "/dev/mail", Allow(Hidden, Everyone), Hidden),
        // Pages anyone may open, signed in or not.
        new("/sign-in", "GET", _ => "/sign-in", Allow(HttpStatusCode.Redirect, Everyone), Ok),
        new("/sign-in/code", "GET", _ => "/sign-in/code", Allow(HttpStatusCode.Redirect, Everyone), HttpStatusCode.Redirect),
        new("/signed-out", "GET", _ => "/signed-out", Allow(Ok, Everyone), Ok),
        new("/account/invitation", "GET", _ => $"/account/invitation?user={Guid.NewGuid()}&token=guess", Allow(Ok, Everyone), Ok),
        new("/account/invitation/authenticator", "GET", _ => $"/account/invitation/authenticator?user={Guid.NewGuid()}&token=guess",
            Allow(HttpStatusCode.Redirect, Everyone), HttpStatusCode.Redirect),
        new("/account/password/forgot", "GET", _ => "/account/password/forgot", Allow(Ok, Everyone), Ok),
        new("/account/password/reset", "GET", _ => $"/account/password/reset?user={Guid.NewGuid()}&token=guess", Allow(Ok, Everyone), Ok),
        new("/status/{code:int}", "GET", _ => "/status/404", Allow(Ok, Everyone), Ok),
        new("/error", "GET", _ => "/error", Allow(Ok, Everyone), Ok),
        new("/accessibility", "GET", _ => "/accessibility", Allow(Ok, Everyone), Ok),
        new("/privacy", "GET", _ => "/privacy", Allow(Ok, Everyone), Ok),
        new("/cookies", "GET", _ => "/cookies", Allow(Ok, Everyone), Ok),
        new("/health", "GET", _ => "/health", Allow(Ok, Everyone), Ok),
        new("/api/{documentName}/openapi.json", "GET", _ => "/api/v1/openapi.json", Allow(Ok, Everyone), Ok),
    ];

    public static readonly Row[] Api =
    [
        new("/api/v1/cases", "GET", _ => "/api/v1/cases", Allow(Ok, Everyone), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}", "GET", ids => $"/api/v1/cases/{ids.OtherBoardCase}",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), HttpStatusCode.Unauthorized),
        // A stale version: those allowed get 409 and nothing moves.
        new("/api/v1/cases/{id:guid}/transitions", "POST", ids => $"/api/v1/cases/{ids.NewCase}/transitions",
            Merge(Allow(HttpStatusCode.Conflict, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        // The learning repository is public; exchange files as the pages (decisions 0012, 0017). A file with problems is refused
        // to the Panel with its paths (400) and nothing stored.
        new("/api/v1/learning/reports", "GET", _ => "/api/v1/learning/reports?q=neglect", Allow(Ok, Everyone), Ok),
        new("/api/v1/learning/reports/{id:int}", "GET", ids => $"/api/v1/learning/reports/{ids.PublishedReport}", Allow(Ok, Everyone), Ok),
        new("/api/v1/learning-record/import", "POST", _ => "/api/v1/learning-record/import",
            Merge(Allow(HttpStatusCode.BadRequest, Panel, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { format = "scr-exchange/0" }),
        new("/api/v1/learning-record/export", "GET", _ => "/api/v1/learning-record/export",
            Merge(Allow(Ok, Panel, Admin, Officer, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer)), HttpStatusCode.Unauthorized),
        new("/api/v1/analysis", "GET", _ => "/api/v1/analysis",
            Merge(Allow(Ok, Panel, Admin), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // Coding of reports, as the pages: a guessed review is not found for the Panel; its changes are refused to everyone else.
        new("/api/v1/analysis/coding", "GET", _ => "/api/v1/analysis/coding",
            Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/analysis/coding/agreement", "GET", _ => "/api/v1/analysis/coding/agreement",
            Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/analysis/coding/{id:guid}", "GET", _ => $"/api/v1/analysis/coding/{Guid.NewGuid()}",
            Merge(Allow(Hidden, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/analysis/coding/{id:guid}", "PUT", _ => $"/api/v1/analysis/coding/{Guid.NewGuid()}",
            Merge(Allow(Hidden, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized,
            _ => new { answers = new Dictionary<string, string>(), submit = false }),
        new("/api/v1/analysis/coding/{id:guid}/settlement", "POST", _ => $"/api/v1/analysis/coding/{Guid.NewGuid()}/settlement",
            Merge(Allow(Hidden, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized,
            _ => new { choices = new Dictionary<string, string>(), reasons = new Dictionary<string, string>() }),
        new("/api/v1/panel/decisions", "GET", _ => "/api/v1/panel/decisions",
            Merge(Allow(Ok, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/panel/decisions/{id:guid}", "GET", ids => $"/api/v1/panel/decisions/{ids.ScopingSubmission}",
            Merge(Allow(Ok, Panel), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // A stale version: the Panel gets 409 and nothing changes.
        new("/api/v1/panel/decisions/{id:guid}/responses", "POST", ids => $"/api/v1/panel/decisions/{ids.ScopingSubmission}/responses",
            Merge(Allow(HttpStatusCode.Conflict, Panel), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/panel", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/panel",
            Merge(Allow(Ok, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/panel/{submissionId:guid}/answers", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/panel/{ids.ScopingSubmission}/answers",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        // An agency that does not serve the board: those allowed to notify get 400, others do not find the board.
        new("/api/v1/cases", "POST", ids => "/api/v1/cases",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Chair, AgencyLead, AgencyAuthor), Allow(Hidden, SubGroup, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        // Stage 1. Acknowledging again changes nothing, so the chair always gets 200.
        new("/api/v1/cases/{id:guid}/acknowledgement", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/acknowledgement",
            Merge(Allow(Ok, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { }),
        // A note too long: those who may act for social care get 400 and nothing is recorded.
        new("/api/v1/cases/{id:guid}/agencies/{agencyId:guid}/records-secured", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/agencies/{ids.SocialCare}/records-secured",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { note = new string('x', 2001) }),
        new("/api/v1/cases/{id:guid}/agencies/{agencyId:guid}/file-review", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/agencies/{ids.SocialCare}/file-review",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { contacts = "", knownConcerns = "", recommendation = "Unsure", rationale = "" }),
        // Before the board shares them, another agency's file review does not exist for the health author.
        new("/api/v1/cases/{id:guid}/agencies/{agencyId:guid}/file-review", "GET", ids => $"/api/v1/cases/{ids.Stage1Case}/agencies/{ids.SocialCare}/file-review",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead), Allow(Hidden, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/file-reviews/share", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/file-reviews/share",
            Merge(Allow(HttpStatusCode.Conflict, Officer, SubGroup), Allow(Forbidden, Chair, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/summary", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/summary",
            Merge(Allow(HttpStatusCode.Conflict, Officer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { summary = "Matrix summary", recommendation = "DoNotInitiate", version = Guid.Empty }),
        // No answers: those who may recommend get 400 naming each question.
        new("/api/v1/cases/{id:guid}/recommendation", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/recommendation",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, SubGroup), Allow(Forbidden, Chair, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { answers = new { }, recommendation = "DoNotInitiate", rationale = "Matrix", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/peer-reviewers", "GET", ids => $"/api/v1/cases/{ids.Stage1Case}/peer-reviewers",
            Merge(Allow(Ok, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/peer-reviews", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/peer-reviews",
            Merge(Allow(HttpStatusCode.BadRequest, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { peerId = Guid.Empty }),
        // The case is under Working Together 2006, where only the decision goes to the Panel.
        new("/api/v1/cases/{id:guid}/panel-notification", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/panel-notification",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { }),
        // Only the peer asked reads and answers a peer review; to anyone else it does not exist.
        new("/api/v1/peer-reviews/{id:guid}", "GET", ids => $"/api/v1/peer-reviews/{ids.PeerReview}",
            Merge(Allow(Ok, Chair), Allow(Hidden, Officer, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/peer-reviews/{id:guid}/response", "POST", ids => $"/api/v1/peer-reviews/{ids.PeerReview}/response",
            Merge(Allow(HttpStatusCode.BadRequest, Chair), Allow(Hidden, Officer, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { agrees = true, response = "" }),
        new("/api/v1/criteria/{setId}", "GET", _ => "/api/v1/criteria/wt2006", Allow(Ok, Everyone), HttpStatusCode.Unauthorized),
        // Who was told what: as the pages.
        new("/api/v1/cases/{id:guid}/communications", "GET", ids => $"/api/v1/cases/{ids.Stage1Case}/communications",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/communications", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/communications",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/communications", "GET", ids => $"/api/v1/cases/{ids.OtherBoardCase}/communications",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), HttpStatusCode.Unauthorized),
        // No recipient's name: those who may record get 400 and nothing is recorded.
        new("/api/v1/cases/{id:guid}/communications", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/communications",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Chair), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, MatrixCommunication),
        new("/api/v1/cases/{id:guid}/communications", "POST", ids => $"/api/v1/cases/{ids.OtherBoardCase}/communications",
            Merge(Allow(HttpStatusCode.BadRequest, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)),
            HttpStatusCode.Unauthorized, MatrixCommunication),
        // The timetable. Edits send a stale version: those allowed get 409 and nothing changes.
        new("/api/v1/cases/{id:guid}/timetable", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/timetable",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/parallel-processes", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/parallel-processes",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new
            {
                kind = "CoronersInquest",
                hearingOn = "2027-05-01",
                constraints = new[] { new { activity = "Publication", description = "No publication before the inquest", until = "ProcessEnds" } },
                version = Guid.Empty,
            }),
        new("/api/v1/cases/{id:guid}/milestones/{milestone}/done", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/milestones/first-early-learning/done",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { doneOn = "2026-11-23", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/timeline-changes", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/timeline-changes",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Chair, Reviewer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { milestone = "review-completed", proposedDate = "2027-06-01", reason = "Matrix test", version = Guid.Empty }),
        // The change the chair already agreed: the chair gets 400 (answered once); nobody else may answer.
        new("/api/v1/cases/{id:guid}/timeline-changes/{changeId:guid}/decision", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/timeline-changes/{ids.AgreedChange}/decision",
            Merge(Allow(HttpStatusCode.BadRequest, Chair), Allow(Forbidden, Officer, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { approve = false, note = "Matrix test", version = Guid.Empty }),
        // Documents.
        new("/api/v1/cases/{id:guid}/documents", "GET", ids => $"/api/v1/cases/{ids.Stage1Case}/documents",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // A renamed program for social care: those who may add it get 400 and nothing is kept; the health author may not add for social care.
        new("/api/v1/cases/{id:guid}/documents", "POST", ids => $"/api/v1/cases/{ids.Stage1Case}/documents",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Chair, SubGroup, AgencyLead), Allow(Forbidden, AgencyAuthor),
                Allow(Hidden, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/documents/{documentId:guid}", "GET", ids => $"/api/v1/cases/{ids.Stage1Case}/documents/{ids.AgencyDocument}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, AgencyLead), Allow(Hidden, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/documents/{documentId:guid}", "GET", ids => $"/api/v1/cases/{ids.Stage1Case}/documents/{ids.TeamDocument}",
            Merge(Allow(Ok, Officer, Chair, SubGroup), Allow(Hidden, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // The review panel, as the pages. A complete appointment of a stale version: those allowed get 409 and nothing changes.
        new("/api/v1/cases/{id:guid}/team", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/team",
            Merge(Allow(Ok, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/team", "GET", ids => $"/api/v1/cases/{ids.OtherBoardCase}/team",
            Merge(Allow(Ok, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel, Admin)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/team", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/team",
            Merge(Allow(HttpStatusCode.Conflict, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, ids => new { userId = ids.Officer, role = "BusinessUnit", declaration = "None", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/team/{userId:guid}", "DELETE", ids => $"/api/v1/cases/{ids.ScopingCase}/team/{ids.Officer}?version={Guid.Empty}",
            Merge(Allow(HttpStatusCode.Conflict, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/team/{userId:guid}/exception", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/team/{ids.ConflictedUser}/exception",
            Merge(Allow(HttpStatusCode.Conflict, Chair), Allow(Forbidden, Officer, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { reason = "Matrix", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/reviewer-matches", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/reviewer-matches",
            Merge(Allow(Ok, Chair, Officer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        // The reviewer register, as the pages. A stale version of your own entry is 409; an empty course or organisation 400.
        new("/api/v1/reviewers", "GET", _ => "/api/v1/reviewers",
            Merge(Allow(Ok, Officer, Chair, Admin, OtherBoardOfficer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/{profileId:guid}", "GET", ids => $"/api/v1/reviewers/{ids.OtherProfile}",
            Merge(Allow(Ok, Officer, Chair, Admin, OtherBoardOfficer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/{profileId:guid}", "GET", ids => $"/api/v1/reviewers/{ids.OwnProfile}",
            Merge(Allow(Ok, Officer, Chair, Admin, OtherBoardOfficer, Reviewer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor, Panel)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/me", "GET", _ => "/api/v1/reviewers/me",
            Merge(Allow(Ok, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/me", "PUT", _ => "/api/v1/reviewers/me",
            Merge(Allow(HttpStatusCode.Conflict, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { regions = new[] { "NorthEast" }, methodologies = new[] { "Hybrid" }, reviewsLed = 1, capacity = 1, version = Guid.Empty }),
        new("/api/v1/reviewers/me/training", "POST", _ => "/api/v1/reviewers/me/training",
            Merge(Allow(HttpStatusCode.BadRequest, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { courseKey = "not-a-course" }),
        new("/api/v1/reviewers/me/training/{trainingId:guid}", "DELETE", _ => $"/api/v1/reviewers/me/training/{Guid.NewGuid()}",
            Merge(Allow(Hidden, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/me/affiliations", "POST", _ => "/api/v1/reviewers/me/affiliations",
            Merge(Allow(HttpStatusCode.BadRequest, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { }),
        new("/api/v1/reviewers/me/affiliations/{affiliationId:guid}", "DELETE", _ => $"/api/v1/reviewers/me/affiliations/{Guid.NewGuid()}",
            Merge(Allow(Hidden, Reviewer), Allow(Forbidden, Officer, Chair, SubGroup, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/mentoring", "GET", _ => "/api/v1/reviewers/mentoring",
            Merge(Allow(Ok, Officer, Admin, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)), HttpStatusCode.Unauthorized),
        new("/api/v1/reviewers/mentoring", "POST", _ => "/api/v1/reviewers/mentoring",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Admin, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)),
            HttpStatusCode.Unauthorized, _ => new { }),
        new("/api/v1/reviewers/mentoring/{pairId:guid}/end", "POST", _ => $"/api/v1/reviewers/mentoring/{Guid.NewGuid()}/end",
            Merge(Allow(Hidden, Officer, Admin, OtherBoardOfficer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor, Reviewer, Panel)),
            HttpStatusCode.Unauthorized, _ => new { }),
        // Agency reports, as the pages. Changes send a stale version or stamp, or too little: those allowed get a fixed answer.
        new("/api/v1/cases/{id:guid}/agency-reports", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/agency-reports", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports",
            Merge(Allow(HttpStatusCode.Conflict, Officer), Allow(Forbidden, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, ids => new { agencyIds = new[] { ids.SocialCare }, kind = "ManagementReviews", dueOn = "2099-01-01", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/agency-reports/{reportId:guid}", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/agency-reports/{reportId:guid}/author", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/author",
            Merge(Allow(HttpStatusCode.BadRequest, Officer), Allow(Forbidden, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { declaration = "None", stamp = 0 }),
        new("/api/v1/cases/{id:guid}/agency-reports/{reportId:guid}/draft", "PUT", ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/draft",
            Merge(Allow(HttpStatusCode.Conflict, AgencyAuthor), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { sections = new Dictionary<string, string> { ["analysis"] = "Matrix test" }, stamp = 0 }),
        new("/api/v1/cases/{id:guid}/agency-reports/{reportId:guid}/submit", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/submit",
            Merge(Allow(HttpStatusCode.BadRequest, AgencyAuthor), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { seniorOfficer = "Chief Nurse", stamp = 0 }),
        new("/api/v1/cases/{id:guid}/agency-reports/{reportId:guid}/quality-assurance", "POST",
            ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports/{ids.HealthReport}/quality-assurance",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Chair, Reviewer), Allow(Forbidden, SubGroup, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { outcome = "Accepted", stamp = 0 }),
        new("/api/v1/cases/{id:guid}/agency-reports/{reportId:guid}/staff-feedback", "POST",
            ids => $"/api/v1/cases/{ids.WorkingCase}/agency-reports/{ids.SocialCareReport}/staff-feedback",
            Merge(Allow(HttpStatusCode.BadRequest, AgencyLead), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { stamp = 0 }),
        // Chronology, as the pages. The import sends a file with no entries for social care: those allowed get 400 and nothing is stored.
        new("/api/v1/cases/{id:guid}/chronology", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/chronology/import", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/import",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, Reviewer, AgencyAuthor),
                Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/chronology/analysis", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/analysis",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // Sharing is tried on the other board's case (its officer shares it, once), so that no cell shares the Northbridge chronology
        // the rows above rely on.
        new("/api/v1/cases/{id:guid}/chronology/share", "POST", ids => $"/api/v1/cases/{ids.OtherBoardCase}/chronology/share",
            Merge(Allow(HttpStatusCode.NoContent, OtherBoardOfficer), Allow(Hidden, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor, Panel, Admin)),
            HttpStatusCode.Unauthorized, _ => new { }),
        // An episode without its days is refused (400) to those who mark episodes, and nothing is marked.
        new("/api/v1/cases/{id:guid}/chronology/episodes", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/episodes",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Chair, Reviewer), Allow(Forbidden, SubGroup, AgencyLead, AgencyAuthor),
                Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized, _ => new { title = "Matrix", whyItMatters = "Matrix" }),
        // Entries: a new one with no date and a change to a date that does not exist are refused (400) to those allowed, and nothing
        // changes; removing an entry that is not there is 404 to everyone (removal itself is in ChronologyApiTests).
        new("/api/v1/cases/{id:guid}/chronology/entries", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/entries",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, Reviewer, AgencyAuthor),
                Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized,
            ids => new { agencyId = ids.SocialCare, practitionerRole = "social worker", contactType = "Home visit", childSeen = "Yes", whatHappened = "Matrix" }),
        new("/api/v1/cases/{id:guid}/chronology/entries/{entryId:guid}", "PUT", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/entries/{ids.SocialCareEntry}",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, AgencyLead), Allow(Forbidden, Chair, SubGroup, Reviewer),
                Allow(Hidden, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized,
            _ => new { date = "31/02/2003", practitionerRole = "social worker", contactType = "Home visit", childSeen = "Yes", whatHappened = "Matrix" }),
        new("/api/v1/cases/{id:guid}/chronology/entries/{entryId:guid}", "DELETE", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/entries/{Guid.NewGuid()}",
            Allow(Hidden, Everyone), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/chronology/export.xlsx", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/export.xlsx",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/chronology/export.docx", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/chronology/export.docx",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // The genogram, as the pages. Changes send the all-zero version of a genogram not yet begun: the demo's has begun, so those
        // allowed get 409 and nothing changes.
        new("/api/v1/cases/{id:guid}/genogram", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram?anonymised=true",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/genogram.svg", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram.svg",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Forbidden, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/genogram/people", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/people",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { name = "Matrix Person", sex = "Male", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/genogram/people/{key}", "PUT", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/people/p1",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { name = "Matrix Person", sex = "Male", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/genogram/people/{key}", "DELETE", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/people/p1?version={Guid.Empty}",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/genogram/couples", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/couples",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { first = "p1", second = "p2", kind = "Married", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/genogram/couples/{index:int}", "DELETE", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/couples/0?version={Guid.Empty}",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/genogram/parents", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/parents",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { parent = "p2", child = "p1", kind = "Foster", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/genogram/parents/{index:int}", "DELETE", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/parents/0?version={Guid.Empty}",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/genogram/households", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/households",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { name = "Matrix home", members = new[] { "p1" }, version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/genogram/households/{index:int}", "PUT", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/households/0",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { name = "Matrix home", members = new[] { "p1" }, version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/genogram/households/{index:int}", "DELETE", ids => $"/api/v1/cases/{ids.WorkingCase}/genogram/households/0?version={Guid.Empty}",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // Terms of reference, as the pages. Edits send a stale version: those allowed get 409 and nothing changes.
        new("/api/v1/cases/{id:guid}/terms-of-reference", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/terms-of-reference",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/terms-of-reference/versions/{number:int}", "GET", ids => $"/api/v1/cases/{ids.ScopingCase}/terms-of-reference/versions/1",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/terms-of-reference/draft", "PUT", ids => $"/api/v1/cases/{ids.ScopingCase}/terms-of-reference/draft",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { keyLinesOfEnquiry = new[] { "Why was the matrix test needed?" }, version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/terms-of-reference/sign-off", "POST", ids => $"/api/v1/cases/{ids.ScopingCase}/terms-of-reference/sign-off",
            Merge(Allow(HttpStatusCode.Conflict, Chair), Allow(Forbidden, Officer, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { note = "Matrix test", version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/terms-of-reference/versions/{number:int}/export", "GET",
            ids => $"/api/v1/cases/{ids.WorkingCase}/terms-of-reference/versions/1/export",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // The people of a review, as the pages. Edits send an empty body or a stale version: those allowed get 400 or 409 and nothing changes.
        new("/api/v1/cases/{id:guid}/people", "GET", ids => $"/api/v1/cases/{ids.WorkingCase}/people",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        new("/api/v1/cases/{id:guid}/people/interviews", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/people/interviews",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/people/interviews/{interviewId:guid}/share", "POST",
            ids => $"/api/v1/cases/{ids.WorkingCase}/people/interviews/{ids.DemoInterview}/share",
            Merge(Allow(HttpStatusCode.Conflict, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/people/staff-support-meetings", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/people/staff-support-meetings",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/people/family", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/people/family",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/people/family/{memberId:guid}/contacts", "POST", ids => $"/api/v1/cases/{ids.WorkingCase}/people/family/{ids.Mother}/contacts",
            Merge(Allow(HttpStatusCode.BadRequest, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup, AgencyLead, AgencyAuthor), Allow(Hidden, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { version = Guid.Empty }),
        new("/api/v1/cases/{id:guid}/people/family/{memberId:guid}/contact-details", "GET",
            ids => $"/api/v1/cases/{ids.WorkingCase}/people/family/{ids.Mother}/contact-details",
            Merge(Allow(Ok, Officer, Reviewer), Allow(Forbidden, Chair, SubGroup), Allow(Hidden, AgencyLead, AgencyAuthor, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized),
        new("/api/v1/interviews/{interviewId:guid}", "GET", ids => $"/api/v1/interviews/{ids.DemoInterview}",
            Merge(Allow(Ok, Officer, Chair, SubGroup, Reviewer, AgencyAuthor), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)), HttpStatusCode.Unauthorized),
        // Only the interviewee answers: a stale version gets her 409; the board and the team may read it but not answer it.
        new("/api/v1/interviews/{interviewId:guid}/answer", "POST", ids => $"/api/v1/interviews/{ids.DemoInterview}/answer",
            Merge(Allow(HttpStatusCode.Conflict, AgencyAuthor), Allow(Forbidden, Officer, Chair, SubGroup, Reviewer), Allow(Hidden, AgencyLead, Panel, Admin, OtherBoardOfficer)),
            HttpStatusCode.Unauthorized, _ => new { agree = true, version = Guid.Empty }),
    ];

    private static object MatrixCommunication(Ids ids) =>
        new { recipient = "Coroner", recipientName = "", method = "Letter", sentAt = "2026-11-23T09:00:00+00:00", subject = "Matrix", version = Guid.Empty };

    public static TheoryData<int, string> PageCells()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Pages.Length; i++)
        {
            foreach (var role in Roles.Append(Anonymous))
            {
                data.Add(i, role);
            }
        }
        return data;
    }

    public static TheoryData<int, string> ApiCells()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Api.Length; i++)
        {
            foreach (var role in Roles.Append(Anonymous))
            {
                data.Add(i, role);
            }
        }
        return data;
    }

    private static readonly Dictionary<string, Task<(Guid Stage1Case, Guid PeerReview, Guid AgencyDocument, Guid TeamDocument)>> Stage1Cases = [];

    private async Task<Ids> IdsAsync()
    {
        var key = World.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Stage1Cases.TryGetValue(key, out var stage1))
        {
            stage1 = Stage1CasesAsync();
            Stage1Cases[key] = stage1;
        }
        var (stage1Case, peerReview, agencyDocument, teamDocument) = await stage1;
        var scoping = (await World.CaseAsync("Toddler admitted")).Id;
        var other = (await World.CaseAsync("Child death in a house fire")).Id;
        var working = (await World.CaseAsync("Young person died by suicide")).Id;
        var socialCare = (await World.OrganisationAsync("northbridge-csc")).Id;
        return new(
            (await World.CaseAsync("Infant found unresponsive")).Id,
            scoping,
            other,
            (await World.OrganisationAsync("northbridge")).Id,
            await World.WithDbAsync(db => db.PanelSubmissions.Where(p => p.ReviewId == scoping).Select(p => p.Id).FirstAsync()),
            await World.WithDbAsync(db => db.PanelSubmissions.Where(p => p.ReviewId == other).Select(p => p.Id).FirstAsync()),
            stage1Case,
            (await World.OrganisationAsync("northbridge-csc")).Id,
            peerReview,
            await World.WithDbAsync(db => db.Set<Scr.Core.Models.ParallelProcess>().Where(p => p.ReviewId == scoping).Select(p => p.Id).FirstAsync()),
            await World.WithDbAsync(db => db.Set<Scr.Core.Models.ParallelProcess>().Where(p => p.ReviewId == scoping)
                .SelectMany(p => p.Constraints).Select(c => c.Id).FirstAsync()),
            working,
            await World.WithDbAsync(db => db.Set<Scr.Core.Models.TimelineChange>().Where(c => c.ReviewId == working).Select(c => c.Id).FirstAsync()),
            agencyDocument,
            teamDocument,
            await World.UserIdAsync(DemoData.ConflictedReviewer),
            await ProfileAsync(Reviewer),
            await ProfileAsync("m.ilsley@reviewers.example"),
            await World.UserIdAsync(Officer),
            await AgencyReportAsync(working, "northbridge-health"),
            await AgencyReportAsync(working, "northbridge-csc"),
            await World.WithDbAsync(db => db.PractitionerInterviews.Where(i => i.ReviewId == working).Select(i => i.Id).FirstAsync()),
            await World.WithDbAsync(db => db.Set<Scr.Core.Models.FamilyMember>().Where(m => m.ReviewId == working).Select(m => m.Id).FirstAsync()),
            await World.WithDbAsync(db => db.ChronologyEntries.Where(e => EF.Property<Guid>(e, "ReviewId") == working && EF.Property<Guid>(e, "AgencyId") == socialCare)
                .OrderBy(e => e.Row).Select(e => EF.Property<Guid>(e, "Id")).FirstAsync()),
            await World.WithDbAsync(db => db.LearningReviews.Where(r => r.BoardKey == "northbridge" && db.PublishedReports.Any(p => p.LearningReviewId == r.Id))
                .OrderBy(r => r.Reference).Select(r => r.Id).FirstAsync()),
            await World.WithDbAsync(db => db.PublishedReports.Where(p => db.LearningReviews.Any(r => r.Id == p.LearningReviewId && r.BoardKey == "northbridge"))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()));
    }

    /// <summary>The demo's agency report of the agency on the review under way: health's sent back for changes, social care's accepted.</summary>
    private async Task<Guid> AgencyReportAsync(Guid reviewId, string agencyKey)
    {
        var agencyId = (await World.OrganisationAsync(agencyKey)).Id;
        return await World.WithDbAsync(db => db.Set<Scr.Core.Models.AgencyReport>().Where(r => r.ReviewId == reviewId && r.AgencyId == agencyId)
            .Select(r => r.Id).FirstAsync());
    }

    private Task<Guid> ProfileAsync(string email) =>
        World.WithDbAsync(db => db.ReviewerProfiles().Where(p => p.User!.Email == email).Select(p => p.Id).FirstAsync());

    /// <summary>The matrix's own stage 1 cases, made once per world, so the demo cases other rows use stay as seeded.</summary>
    private async Task<(Guid Stage1Case, Guid PeerReview, Guid AgencyDocument, Guid TeamDocument)> Stage1CasesAsync()
    {
        var stage1Case = await World.NotifyStage1CaseAsync(Officer, "northbridge", "Fictional case for the access matrix.", agencyKeys: ["northbridge-csc", "northbridge-health"]);
        await World.SubmitFileReviewAsync(AgencyLead, stage1Case, "northbridge-csc", "Fictional contacts for the access matrix.");
        var eastmereCase = await World.NotifyStage1CaseAsync(OtherBoardOfficer, "eastmere", "Fictional Eastmere case for the access matrix.", agencyKeys: ["eastmere-csc"]);
        var northbridgeChair = await World.UserIdAsync(Chair);
        var peerReview = await World.AsAsync<Scr.Core.Services.Decisions.DecisionService, Scr.Core.Models.PeerReview>("chair@eastmere.example",
            (decisions, principal, actor) => decisions.RequestPeerReviewAsync(eastmereCase, northbridgeChair, principal, actor));
        var socialCare = (await World.OrganisationAsync("northbridge-csc")).Id;
        var agencyDocument = await World.AsAsync<DocumentService, DocumentRow>(Officer, (documents, principal, actor) => documents.UploadAsync(stage1Case,
            new DocumentUpload("Matrix agency document", "agency.pdf", new MemoryStream(TestFiles.Pdf()), DocumentAudience.Agency, socialCare), principal, actor));
        var teamDocument = await World.AsAsync<DocumentService, DocumentRow>(Officer, (documents, principal, actor) => documents.UploadAsync(stage1Case,
            new DocumentUpload("Matrix team document", "team.pdf", new MemoryStream(TestFiles.Pdf()), DocumentAudience.CaseTeam, null), principal, actor));
        return (stage1Case, peerReview.Id, agencyDocument.Document.Id, teamDocument.Document.Id);
    }

    private async Task<HttpClient> SessionAsync(string role)
    {
        var key = $"{World.GetHashCode()}:{role}";
        if (!Sessions.TryGetValue(key, out var client))
        {
            client = role == Anonymous ? World.Factory.CreateBrowser() : await World.SignInAsync(role);
            Sessions[key] = client;
        }
        return client;
    }

    [Theory]
    [MemberData(nameof(PageCells))]
    public async Task Page_Role_GetsTheExpectedAnswer(int row, string role)
    {
        var cell = Pages[row];
        var url = cell.Url(await IdsAsync());
        var response = await (await SessionAsync(role)).GetAsync(url);
        var expected = role == Anonymous ? cell.Otherwise : cell.Expected.GetValueOrDefault(role, cell.Otherwise);
        response.StatusCode.ShouldBe(expected, $"{role} GET {url}");
        if (role == Anonymous && expected == HttpStatusCode.Redirect && cell.Otherwise == ToSignIn && !url.StartsWith("/sign-in", StringComparison.Ordinal)
            && !url.StartsWith("/account/invitation", StringComparison.Ordinal))
        {
            response.Headers.Location!.OriginalString.ShouldContain("/sign-in");
        }
    }

    [Theory]
    [MemberData(nameof(ApiCells))]
    public async Task Api_Role_GetsTheExpectedAnswer(int row, string role)
    {
        var cell = Api[row];
        var ids = await IdsAsync();
        var url = cell.Url(ids);
        var client = role == Anonymous ? World.Factory.CreateBrowser() : await World.ApiClientAsync(role);
        HttpResponseMessage response;
        if (cell.Method == "GET")
        {
            response = await client.GetAsync(url);
        }
        else if (cell.Method == "DELETE")
        {
            response = await client.DeleteAsync(url);
        }
        else if (cell.Method == "PUT")
        {
            response = await client.PutAsJsonAsync(url, cell.Body!(ids));
        }
        else if (cell.Body is { } body)
        {
            response = cell.Method == "PUT" ? await client.PutAsJsonAsync(url, body(ids)) : await client.PostAsJsonAsync(url, body(ids));
        }
        else if (url.EndsWith("/chronology/import", StringComparison.Ordinal))
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(ids.SocialCare.ToString()), "agencyId" },
                { new StringContent(string.Join(",", Scr.Core.Services.Chronology.ChronologyWriter.Header) + "\r\n"), "file", "empty.csv" },
            };
            response = await client.PostAsync(url, form);
        }
        else if (url.EndsWith("/documents", StringComparison.Ordinal))
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("Matrix upload"), "title" },
                { new StringContent("Agency"), "audience" },
                { new StringContent(ids.SocialCare.ToString()), "agencyId" },
                { new ByteArrayContent(TestFiles.Executable()), "file", "report.pdf" },
            };
            response = await client.PostAsync(url, form);
        }
        else if (url.EndsWith("/transitions", StringComparison.Ordinal))
        {
            response = await client.PostAsJsonAsync(url, new { action = "initiate", reason = "Matrix test", version = Guid.Empty });
        }
        else if (url.EndsWith("/responses", StringComparison.Ordinal))
        {
            response = await client.PostAsJsonAsync(url, new { kind = "challenge", text = "Matrix test", version = Guid.Empty });
        }
        else if (url.EndsWith("/answers", StringComparison.Ordinal))
        {
            response = await client.PostAsJsonAsync(url, new { text = "Matrix test", version = Guid.Empty });
        }
        else
        {
            var otherBoardsAgency = (await World.OrganisationAsync("eastmere-csc")).Id;
            response = await client.PostAsJsonAsync(url, new
            {
                boardId = ids.Board,
                incidentType = "Death",
                incidentDate = "2026-11-01",
                knownToBoardOn = "2026-11-02",
                children = new[] { new { name = "Matrix Child" } },
                agencyIds = new[] { otherBoardsAgency },
            });
        }
        var expected = role == Anonymous ? cell.Otherwise : cell.Expected.GetValueOrDefault(role, cell.Otherwise);
        response.StatusCode.ShouldBe(expected, $"{role} {cell.Method} {url}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public void Matrix_CoversEveryRouteTheSiteHas()
    {
        var routes = World.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("/Index", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var covered = Pages.Concat(Api).Select(r => r.Template).ToHashSet();
        routes.Where(r => !covered.Contains(r)).ShouldBeEmpty("routes missing from the access matrix");
    }
}

[Collection("web")]
public sealed class AccessMatrixSqliteTests(SqliteWorld fixture) : AccessMatrixTests(fixture), IClassFixture<SqliteWorld>;

[Collection("web")]
public sealed class AccessMatrixPostgresTests(PostgresWorld fixture) : AccessMatrixTests(fixture), IClassFixture<PostgresWorld>;
