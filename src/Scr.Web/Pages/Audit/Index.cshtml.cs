using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Audit;

/// <summary>
/// The audit log, filtered. Board administrators see their own board's entries; system administrators see all;
/// the National Panel and everyone else see none.
/// </summary>
public class IndexModel(CurrentUser me, AuditLog audit, ScrDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? Board { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInputModel From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInputModel To { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> Boards { get; private set; } = [];
    public bool AllBoards { get; private set; }

    public static IEnumerable<SelectListItem> ActionItems =>
        new[] { new SelectListItem("Any action", "") }.Concat(typeof(AuditActions).GetFields()
            .Select(f => (string)f.GetValue(null)!).Order().Select(a => new SelectListItem(a, a)));

    public string PageHref =>
        $"?Board={Board}&Action={Uri.EscapeDataString(Action ?? "")}&Person={Uri.EscapeDataString(Person ?? "")}" +
        $"&From.Day={From.Day}&From.Month={From.Month}&From.Year={From.Year}&To.Day={To.Day}&To.Month={To.Month}&To.Year={To.Year}&page={{0}}";

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        AllBoards = principal.IsSystemAdministrator;
        var adminOf = principal.BoardsWhere(ReviewAccessRules.BoardAdministratorRoles);
        if (!AllBoards && adminOf.Count == 0)
        {
            throw new ForbiddenException("Only board administrators and system administrators can read the audit log.");
        }
        // Ids are formatted here, not in SQL (SQLite gives upper-case text), so the chosen board shows as selected.
        Boards = (await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Board && (AllBoards || adminOf.Contains(o.Id)))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
        if (!AllBoards)
        {
            // A board administrator always reads one of their own boards, never the whole log.
            Board = Board is { } chosen && adminOf.Contains(chosen) ? chosen : adminOf[0];
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = From.Day is null && From.Month is null && From.Year is null ? null : From.Validate(ModelState, "From", "the start date", today);
        var to = To.Day is null && To.Month is null && To.Year is null ? null : To.Validate(ModelState, "To", "the end date");
        PageNumber = Math.Max(1, PageNumber);
        (Entries, Total) = await audit.SearchAsync(new AuditQuery(Board, Action, Person,
            from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            PageNumber, PageSize));
        await audit.RecordNowAsync(me.Actor, AuditActions.AuditRead, Board, "audit-log", null, $"page={PageNumber}");
    }
}
