using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>One parallel process: its details and the constraints it puts on the review, each to change or remove.</summary>
public class ProcessModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute]
    public Guid ProcessId { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public ParallelProcess Process { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Process = Timetable.Processes.FirstOrDefault(p => p.Id == ProcessId) ?? throw new NotFoundException("The parallel process");
    }
}
