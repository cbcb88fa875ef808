using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Scr.EndToEndTests;

/// <summary>The notification form (/cases/notify/details), filled in by label as a person reads it.</summary>
public static partial class NotifyForm
{
    /// <summary>
    /// Every question of the notification form, answered as a business unit officer would, ticking the given agencies
    /// (by default two that serve Northbridge).
    /// </summary>
    public static Task FillAsync(IPage page, string childName, DateOnly today, params string[] agencies) =>
        FillAsync(page, childName, new Incident("Serious injury", today.AddDays(-5), today.AddDays(-2),
            "Baby admitted to hospital with unexplained fractures; concerns raised by the health visitor."), agencies);

    /// <summary>The incident as the form asks for it: its type (the radio's label), its dates and what happened.</summary>
    public sealed record Incident(string Type, DateOnly Date, DateOnly KnownToBoard, string WhatHappened);

    /// <summary>Every question of the notification form, about the given incident, ticking the given agencies (or two by default).</summary>
    public static async Task FillAsync(IPage page, string childName, Incident incident, params string[] agencies)
    {
        await Group(page, "Type of incident").GetByLabel(incident.Type, new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Date of the incident"), incident.Date);
        await FillDateAsync(Group(page, "Date it came to the board's attention"), incident.KnownToBoard);
        await page.GetByLabel("What happened").FillAsync(incident.WhatHappened);
        await page.GetByLabel("Child's full name").FillAsync(childName);
        await page.GetByLabel("Age at the incident: years").FillAsync("1");
        await page.GetByLabel("and months").FillAsync("3");
        await Group(page, "Sex").GetByLabel("Female", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ethnicity").SelectOptionAsync(new SelectOptionValue { Label = "Mixed" });
        await Group(page, "Does the child have a disability?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Group(page, "Was the child on a child protection plan?").GetByLabel("Previously", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Legal status").SelectOptionAsync(new SelectOptionValue { Label = "None" });
        var group = Group(page, "Agencies involved with the child or family");
        foreach (var agency in agencies.Length > 0 ? agencies : ["Northbridge Children's Social Care", "Moorland Police"])
        {
            await group.GetByLabel(agency, new() { Exact = true }).CheckAsync();
        }
    }

    /// <summary>The case page, <c>/cases/{id}</c>.</summary>
    public static Regex CasePage() => CasePageRegex();

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    private static async Task FillDateAsync(ILocator date, DateOnly value)
    {
        await date.GetByLabel("Day").FillAsync(value.Day.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(value.Month.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(value.Year.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}$")]
    private static partial Regex CasePageRegex();
}
