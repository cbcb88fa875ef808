using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Rules.Genogram;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.AgencyReports;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Panel;
using Scr.Core.Services.Reviewers;
using Scr.Core.Services.Reviews;
using Scr.Core.Services.TermsOfReference;
using Scr.Core.Services.Timetable;

namespace Scr.Core.Services.Demo;

public sealed record DemoSignIn(string Email, string Password, string Role, string Organisation, string AuthenticatorKey);

/// <summary>
/// A fictional board ("Northbridge"), a neighbouring board, their agencies, one person per role and a handful of cases
/// in different stages. Every name is invented. Demo accounts use the reserved ".example" domains.
/// </summary>
public sealed class DemoData(ScrDbContext db, UserManager<User> users, ReviewService reviews, DecisionService decisions, PanelService panel,
    TimetableService timetables, TermsOfReferenceService terms, ReviewPanelService reviewPanels, ReviewerRegisterService register, Principals principals,
    AgencyReportService agencyReports, People.PeopleService people, TimeProvider clock,
    ChronologyReview.ChronologyService chronologies, Genogram.GenogramService genograms, Exchange.ExchangeService exchange,
    Exchange.CodingService coding, Learning.LearningRepository repository)
{
    public const string Password = "amber-kettle-harbour-71";
    public const string DemoDomainSuffix = ".example";

    private static readonly Actor Seeder = Actor.System("demo seed");

    public static bool IsDemoAccount(string? email) => email is not null && email.EndsWith(DemoDomainSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates whatever is missing; running it again changes nothing. Returns the demo sign-ins.</summary>
    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken = default)
    {
        // Demo accounts have published passwords: never add them beside real people.
        var realAccounts = await db.Users.Where(u => !u.Email!.EndsWith(DemoDomainSuffix)).CountAsync(cancellationToken);
        if (realAccounts > 0)
        {
            throw new RuleViolationException(
                $"This database has {realAccounts} real account(s). Demo data, with its published passwords, is only for an empty or demo database.");
        }
        var now = clock.GetUtcNow();
        var panel = await OrganisationAsync("national-panel", () => Organisation.NewNationalPanel(now), cancellationToken);
        var northbridge = await OrganisationAsync("northbridge", () => Organisation.NewBoard("northbridge", "Northbridge Safeguarding Children Board", Region.NorthEast, now), cancellationToken);
        var eastmere = await OrganisationAsync("eastmere", () => Organisation.NewBoard("eastmere", "Eastmere Safeguarding Children Board", Region.YorkshireHumber, now), cancellationToken);
        // A board that has sent the National Panel nothing: the Panel's figures count it as not in touch.
        await OrganisationAsync("ashcombe", () => Organisation.NewBoard("ashcombe", "Ashcombe Safeguarding Children Board", Region.SouthWest, now), cancellationToken);
        var socialCare = await AgencyAsync("northbridge-csc", "Northbridge Children's Social Care", AgencyType.ChildrensSocialCare, [northbridge], cancellationToken);
        var health = await AgencyAsync("northbridge-health", "Northbridge and Fellside Health Trust", AgencyType.HealthTrust, [northbridge, eastmere], cancellationToken);
        var police = await AgencyAsync("moorland-police", "Moorland Police", AgencyType.Police, [northbridge, eastmere], cancellationToken);
        var education = await AgencyAsync("northbridge-education", "Northbridge Schools and Learning", AgencyType.Education, [northbridge], cancellationToken);
        var eastmereCare = await AgencyAsync("eastmere-csc", "Eastmere Children's Services", AgencyType.ChildrensSocialCare, [eastmere], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var people = new (string Email, string Name, Role Role, Organisation? Org)[]
        {
            ("officer@northbridge.example", "Priya Calder", Role.BusinessUnitOfficer, northbridge),
            ("chair@northbridge.example", "Martin Oakes", Role.BoardChair, northbridge),
            ("subgroup@northbridge.example", "Joan Whitby", Role.SubGroupMember, northbridge),
            ("agency.lead@northbridge.example", "Sam Ridley", Role.AgencyLead, socialCare),
            ("agency.author@northbridge.example", "Helen Moss", Role.AgencyReviewAuthor, health),
            ("reviewer@northbridge.example", "Dr Alan Fenwick", Role.LeadReviewer, northbridge),
            ("panel@panel.example", "Ruth Ellery", Role.PanelMember, panel),
            // A second Panel analyst, so a report can be coded twice, blind (decision 0016).
            ("analyst@panel.example", "Imran Shaw", Role.PanelMember, panel),
            ("admin@scr.example", "Chris Dunmore", Role.SystemAdministrator, null),
            ("officer@eastmere.example", "Tom Heald", Role.BusinessUnitOfficer, eastmere),
            ("chair@eastmere.example", "Grace Lindqvist", Role.BoardChair, eastmere),
        };
        var signIns = new List<DemoSignIn>();
        foreach (var person in people)
        {
            var user = await PersonAsync(person.Email, person.Name, person.Role, person.Org, now);
            signIns.Add(new DemoSignIn(person.Email, Password, person.Role.Title(), person.Org?.Name ?? "(all)", (await users.GetAuthenticatorKeyAsync(user))!));
        }

        // Senior staff of partner agencies on Northbridge's review sub-group, who sit on its review panels (not demo sign-ins).
        foreach (var (email, name) in PanelPeople)
        {
            await PersonAsync(email, name, Role.SubGroupMember, northbridge, now);
        }
        // Independent reviewers on the register, with a lead reviewer role in the board that first engaged them.
        var ashcombe = await db.Organisations.FirstAsync(o => o.Key == "ashcombe", cancellationToken);
        foreach (var reviewer in Reviewers(northbridge, eastmere, ashcombe))
        {
            await PersonAsync(reviewer.Email, reviewer.Name, Role.LeadReviewer, reviewer.Board, now);
        }
        await RegisterAsync(police, eastmereCare, cancellationToken);

        if (!await db.Reviews.AnyAsync(r => r.BoardId == northbridge.Id, cancellationToken))
        {
            await CasesAsync(northbridge, eastmere, socialCare, health, police, education, eastmereCare, cancellationToken);
        }
        // The demo's decided cases are in the learning record already (issue 7, item 2); the imported reviews come once.
        if (!await db.LearningReviews.AnyAsync(r => r.ReviewId == null, cancellationToken))
        {
            await LearningRecordAsync(cancellationToken);
        }
        if (!await db.PublishedReports.AnyAsync(cancellationToken))
        {
            await PublishedReportsAsync(cancellationToken);
        }
        return signIns;
    }

    /// <summary>
    /// The learning record: six fictional reviews the demo boards sent, two coded once and one coded twice by the Panel's
    /// two analysts, who differ on the genogram, for the Panel to settle (decision 0016). It ends the seed: the import starts
    /// afresh with no entity tracked.
    /// </summary>
    private async Task LearningRecordAsync(CancellationToken cancellationToken)
    {
        string[] boards = ["eastmere", "northbridge"];
        var sent = Scr.Core.Exchange.DemoExchange.Reviews(6, seed: 7)
            .Select((r, i) => r with { Board = boards[i % 2], Reference = $"{boards[i % 2].ToUpperInvariant()}-LR-{i + 1:D2}" }).ToList();
        using var file = new MemoryStream();
        Scr.Core.Exchange.ExchangeWriter.Write(file, boards.Select(b => new Scr.Core.Exchange.ExchangeBoard(b)), sent);
        file.Position = 0;
        var panelMember = await PrincipalAsync("panel@panel.example");
        var analyst = await PrincipalAsync("analyst@panel.example");
        await exchange.ImportAsync(file, panelMember, Seeder, cancellationToken: cancellationToken);
        var ids = await db.LearningReviews.AsNoTracking().Where(r => r.ReviewId == null).OrderBy(r => r.BoardKey).ThenBy(r => r.Reference).Select(r => r.Id).ToListAsync(cancellationToken);
        Dictionary<string, string> Genogram(string answer) => new() { ["outline.genogram"] = answer };
        await coding.SaveAsync(ids[0], new Dictionary<string, string>(), true, null, panelMember, Seeder, cancellationToken);
        await coding.SaveAsync(ids[1], Genogram("partly"), true, null, analyst, Seeder, cancellationToken);
        await coding.SaveAsync(ids[2], Genogram("yes"), true, null, panelMember, Seeder, cancellationToken);
        await coding.SaveAsync(ids[2], Genogram("no"), true, null, analyst, Seeder, cancellationToken);
    }

    /// <summary>
    /// The learning repository: fictional published reports of four of the learning record's reviews (decision 0017), so the
    /// search has something to find; the other two are left to publish.
    /// </summary>
    private async Task PublishedReportsAsync(CancellationToken cancellationToken)
    {
        var panelMember = await PrincipalAsync("panel@panel.example");
        var reviews = await db.LearningReviews.AsNoTracking().Where(r => r.ReviewId == null).OrderBy(r => r.BoardKey).ThenBy(r => r.Reference)
            .Select(r => new { r.Id, r.IncidentDate }).Take(4).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Published some fourteen months after the incident, as a review takes, and never in the future.
        var ids = reviews.Select(r => (r.Id, PublishedOn: Min(r.IncidentDate?.AddMonths(14) ?? new DateOnly(2004, 3, 1), today))).ToList();
        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        (string Title, string Text)[] reports =
        [
            ("Baby E: a serious case review", """
                Baby E was four months old when admitted to hospital with head injuries. The family had moved into the area six weeks before.

                Health visiting records did not follow the family from the previous area, and the new health visitor did not know of the earlier bruising seen by the GP.

                Learning: records of a baby's injuries must move with the family, and any bruising in a baby who is not mobile must be referred to children's social care.
                """),
            ("Child F: neglect over many years", """
                Child F lived with neglect for most of her childhood. Many agencies knew the family, and each saw part of the picture.

                School attendance was poor for three years. The school referred twice; both referrals were closed with advice.

                Learning: chronic neglect needs a chronology shared across agencies, and a plan that measures change in the child's daily life, not only the parents' attendance at appointments.
                """),
            ("Young person G: exploitation and going missing", """
                Young person G went missing eleven times in the year before the incident. Each return interview was done, but no one linked them.

                Police and children's social care held different parts of the information about the adults G was seen with.

                Learning: return interviews must be shared and read together, and exploitation screening repeated when a young person keeps going missing.
                """),
            ("Child H: domestic abuse and the unseen child", """
                Child H's mother told her midwife about domestic abuse. The referral to the domestic abuse service did not mention the unborn child.

                After the birth, police attended three incidents at the home. Notifications reached the school nurse but not the health visitor.

                Learning: every domestic abuse notification must name the children in the household, babies and unborn children included.
                """),
        ];
        foreach (var ((id, publishedOn), (title, text)) in ids.Zip(reports))
        {
            await repository.PublishAsync(id, new Learning.PublishRequest(title, publishedOn, text, PublishedReport.Typed), panelMember, Seeder,
                cancellationToken);
        }
    }

    /// <summary>
    /// Adds fictional reviews of the demo boards to the learning record and publishes a generated report of each until
    /// <paramref name="megabytes"/> MiB of report text are added (for the search benchmark): imported and published through
    /// the services, so the search index is kept by its triggers as for any report. The same size gives the same text.
    /// Reports the whole MiB added so far; returns how many reports were published and their characters.
    /// </summary>
    public async Task<(int Reports, long Characters)> BulkReportsAsync(int megabytes, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        string[] boards = ["eastmere", "northbridge"];
        if (await db.Organisations.CountAsync(o => boards.Contains(o.Key), cancellationToken) < boards.Length)
        {
            throw new RuleViolationException("The demo boards are missing: run the demo seed first.");
        }
        var panelMember = await PrincipalAsync("panel@panel.example");
        var start = await db.LearningReviews.CountAsync(l => l.Reference.Contains("-BULK-LR-"), cancellationToken);
        var wanted = megabytes * 1_048_576L;
        var text = new DemoReportText(20261207);
        var (reports, characters) = (0, 0L);
        // The reviews are imported a batch at a time, then their reports published one by one.
        const int batch = 50;
        var seed = 11;
        while (characters < wanted)
        {
            var sent = Scr.Core.Exchange.DemoExchange.Reviews(batch, seed++)
                .Select((r, i) => r with { Board = boards[i % 2], Reference = $"{boards[i % 2].ToUpperInvariant()}-BULK-LR-{start + reports + i + 1:D6}" })
                .ToList();
            using (var file = new MemoryStream())
            {
                Scr.Core.Exchange.ExchangeWriter.Write(file, boards.Select(b => new Scr.Core.Exchange.ExchangeBoard(b)), sent);
                file.Position = 0;
                await exchange.ImportAsync(file, panelMember, Seeder, cancellationToken: cancellationToken);
            }
            var references = sent.Select(r => r.Reference).ToList();
            var ids = await db.LearningReviews.AsNoTracking().Where(l => references.Contains(l.Reference))
                .Select(l => new { l.Id, l.Reference }).ToDictionaryAsync(l => l.Reference, l => l.Id, cancellationToken);
            foreach (var reference in references)
            {
                if (characters >= wanted)
                {
                    break;
                }
                var (title, body) = text.Next();
                var publishedOn = new DateOnly(2010, 1, 1).AddDays(reports % 5000);
                await repository.PublishAsync(ids[reference], new Learning.PublishRequest(title, publishedOn, body, PublishedReport.Typed),
                    panelMember, Seeder, cancellationToken);
                db.ChangeTracker.Clear();
                reports++;
                var before = characters / 1_048_576;
                characters += body.Length;
                if (characters / 1_048_576 > before)
                {
                    progress?.Report((int)Math.Min(megabytes, characters / 1_048_576));
                }
            }
        }
        return (reports, characters);
    }

    /// <summary>Adds fictional cases to the demo board in bulk (for load and benchmark runs).</summary>
    public async Task<int> BulkCasesAsync(int count, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var board = await db.Organisations.FirstOrDefaultAsync(o => o.Key == "northbridge", cancellationToken)
            ?? throw new RuleViolationException("The demo board is missing: run the demo seed first.");
        var officer = await users.FindByEmailAsync("officer@northbridge.example")
            ?? throw new RuleViolationException("The demo accounts are missing: run the demo seed first.");
        var agencies = await db.AgencyBoards.Where(a => a.BoardId == board.Id).Select(a => a.AgencyId).ToListAsync(cancellationToken);
        var start = await db.Reviews.CountAsync(r => r.BoardId == board.Id, cancellationToken);
        var random = new Random(20261123);
        var now = clock.GetUtcNow();
        var types = Enum.GetValues<IncidentType>();
        for (var i = 0; i < count; i++)
        {
            var known = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(1, 3650));
            var review = Review.Notify(board.Id, $"NORTHBRIDGE-BULK-{start + i + 1:000000}", types[random.Next(types.Length)],
                known.AddDays(-random.Next(0, 20)), known, "Fictional case generated for load testing.", GuidanceEdition.Wt2006, null,
                [new ReviewChild($"Bulk child {start + i + 1}", random.Next(0, 216), (Sex)random.Next(3), Ethnicity.NotKnown, YesNoNotKnown.NotKnown,
                    ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown)],
                agencies.Take(random.Next(1, agencies.Count + 1)), officer.Id, now);
            db.Reviews.Add(review);
            if ((i + 1) % 200 == 0 || i == count - 1)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report(i + 1);
            }
        }
        return count;
    }

    /// <summary>
    /// Adds a long fictional chronology to the demo review that gathers chronologies (for load and benchmark runs): the
    /// entries are spread over the review's involved agencies, each agency's imported as a new version on the template
    /// through the service, as an agency would. Reports the entries imported so far; returns the review.
    /// </summary>
    public async Task<Guid> BulkChronologyAsync(int count, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var board = await db.Organisations.FirstOrDefaultAsync(o => o.Key == "northbridge", cancellationToken)
            ?? throw new RuleViolationException("The demo board is missing: run the demo seed first.");
        var reviewId = await db.Reviews.Where(r => r.BoardId == board.Id && r.Chronologies.Any()).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException("The demo has no review gathering chronologies: run the demo seed first.");
        var officer = await PrincipalAsync("officer@northbridge.example");
        var agencies = await db.Reviews.Where(r => r.Id == reviewId).SelectMany(r => r.Agencies)
            .Join(db.Organisations, a => a.AgencyId, o => o.Id, (a, o) => new { o.Id, o.Name, o.Key }).OrderBy(o => o.Key).ToListAsync(cancellationToken);
        var random = new Random(20261207);
        var types = Enum.GetValues<ContactType>();
        var roles = new[] { "social worker", "health visitor", "police constable", "team manager", "class teacher", "school nurse", "GP" };
        var start = UkTime.DateOf(clock.GetUtcNow()).AddYears(-5);
        var done = 0;
        for (var a = 0; a < agencies.Count; a++)
        {
            var share = count / agencies.Count + (a < count % agencies.Count ? 1 : 0);
            var entries = new List<ChronologyEntry>(share);
            var day = 0.0;
            for (var i = 0; i < share; i++)
            {
                day += random.NextDouble() * 1800.0 / share * 2;
                var type = types[random.Next(types.Length)];
                var seen = (ChildSeen)random.Next(3);
                entries.Add(new ChronologyEntry
                {
                    Date = start.AddDays((int)day),
                    Time = random.Next(3) == 0 ? null : new TimeOnly(8 + random.Next(10), 15 * random.Next(4)),
                    Agency = agencies[a].Name,
                    PractitionerRole = roles[random.Next(roles.Length)],
                    ContactType = type,
                    ChildSeen = seen,
                    Wishes = seen == ChildSeen.Yes && random.Next(3) == 0 ? WishesAndFeelings.Recorded : WishesAndFeelings.NotRecorded,
                    WishesText = null,
                    WhatHappened = $"Fictional contact {i + 1} of {share} for load testing.",
                    SourceDocument = "case notes",
                });
                if (entries[^1].Wishes == WishesAndFeelings.Recorded)
                {
                    entries[^1].WishesText = "Said she wanted things to stay as they are.";
                }
            }
            using var file = new MemoryStream();
            using (var writer = ChronologyWriter.Create(file, ChronologyFileFormat.Csv, leaveOpen: true))
            {
                foreach (var entry in ChronologyMerge.Sort(entries))
                {
                    writer.Write(entry);
                }
                writer.Complete();
            }
            file.Position = 0;
            await chronologies.ImportAsync(reviewId, agencies[a].Id, file, ChronologyFileFormat.Csv, $"{agencies[a].Key}-bulk.csv", officer, Seeder,
                cancellationToken: cancellationToken);
            db.ChangeTracker.Clear();
            done += share;
            progress?.Report(done);
        }
        return reviewId;
    }

    private async Task<Organisation> OrganisationAsync(string key, Func<Organisation> create, CancellationToken cancellationToken)
    {
        var existing = await db.Organisations.Include(o => o.BoardsServed).FirstOrDefaultAsync(o => o.Key == key, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var organisation = create();
        db.Organisations.Add(organisation);
        return organisation;
    }

    private async Task<Organisation> AgencyAsync(string key, string name, AgencyType type, Organisation[] boards, CancellationToken cancellationToken)
    {
        var agency = await OrganisationAsync(key, () => Organisation.NewAgency(key, name, type, clock.GetUtcNow()), cancellationToken);
        foreach (var board in boards)
        {
            agency.ServeBoard(board);
        }
        return agency;
    }

    private async Task<User> PersonAsync(string email, string name, Role role, Organisation? organisation, DateTimeOffset now)
    {
        var user = await users.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Email == email);
        if (user is null)
        {
            user = new User
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                DisplayName = name,
                CreatedAt = now,
                InvitationAcceptedAt = now,
                EmailConfirmed = true,
                TwoFactorEnabled = true,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.ResetAuthenticatorKeyAsync(user));
        }
        if (!user.Memberships.Any(m => m.Role == role && m.OrganisationId == organisation?.Id))
        {
            user.Grant(organisation?.Id, role, now, null);
            await db.SaveChangesAsync();
        }
        return user;
    }

    private async Task CasesAsync(Organisation northbridge, Organisation eastmere, Organisation socialCare, Organisation health,
        Organisation police, Organisation education, Organisation eastmereCare, CancellationToken cancellationToken)
    {
        var chair = await PrincipalAsync("chair@northbridge.example");
        var officer = await PrincipalAsync("officer@northbridge.example");
        var reviewer = await users.FindByEmailAsync("reviewer@northbridge.example");
        var eastmereOfficer = await PrincipalAsync("officer@eastmere.example");
        var eastmereChair = await PrincipalAsync("chair@eastmere.example");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        async Task<Review> Notify(Principal by, Organisation board, IncidentType type, int daysAgo, string summary, NotifyChild child, params Organisation[] agencies) =>
            await reviews.NotifyAsync(new NotifyOptions(board.Id, type, today.AddDays(-daysAgo - 2), today.AddDays(-daysAgo), summary, [child],
                agencies.Select(a => a.Id).ToList(), null), by, Seeder, cancellationToken);

        async Task Move(Review review, Principal by, string action, string? reason)
        {
            if (Lifecycle.Find(action)?.Decision is { } outcome)
            {
                // The chair decides on the sub-group's recommendation (WT2006 8.11); the business unit records it here.
                var version = await db.Reviews.AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Version).FirstAsync(cancellationToken);
                await decisions.RecommendAsync(review.Id, new RecommendationInput("wt2006", "{}", outcome, reason ?? "", null, null, null, []),
                    version, review.BoardId == northbridge.Id ? officer : eastmereOfficer, Seeder, cancellationToken);
            }
            var current = await db.Reviews.AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Version).FirstAsync(cancellationToken);
            await reviews.MoveAsync(review.Id, action, reason, current, by, Seeder, cancellationToken);
        }

        async Task Add(Review review, Principal by, string email, TeamRole role, Organisation? seat = null)
        {
            var person = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing.");
            var current = await db.Reviews.AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Version).FirstAsync(cancellationToken);
            await reviewPanels.AppointAsync(review.Id, new PanelAppointmentInput(person.Id, role, seat?.Id, InvolvementKind.None, null), current, by,
                Seeder, cancellationToken);
        }

        async Task Appoint(Review review, Principal by) => await Add(review, by, reviewer!.Email!, TeamRole.LeadReviewer);

        // The minimum panel (children's social care, health, education, police), from the sub-group's senior staff.
        async Task FullPanel(Review review, Principal by)
        {
            await Add(review, by, "panel.care@northbridge.example", TeamRole.PanelMember, socialCare);
            await Add(review, by, "panel.health@northbridge.example", TeamRole.PanelMember, health);
            await Add(review, by, "panel.education@northbridge.example", TeamRole.PanelMember, education);
            await Add(review, by, "panel.police@northbridge.example", TeamRole.PanelMember, police);
        }

        async Task<Guid> CaseVersion(Review review) =>
            await db.Reviews.AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Version).FirstAsync(cancellationToken);

        // Terms of reference (seed 000 Stage 2): the business unit drafts them; the chair signs them off before the review is
        // commissioned. Every line of enquiry asks why, not only what.
        async Task Terms(Review review, Methodology methodology, string? methodologyNote, AgencyReportsRequirement reports,
            ChronologyRequirement chronology, bool signOff, params string[] lines)
        {
            await terms.SaveDraftAsync(review.Id, new TermsOfReferenceInput(lines, review.IncidentDate.AddMonths(-18), review.IncidentDate,
                    review.BoardId, [], null, review.Agencies.Select(a => a.AgencyId).ToList(), null,
                    "The lead reviewer invites the parents to meet, with the police family liaison officer once the senior investigating officer "
                    + "agrees. The family see the report before it is published.",
                    "A criminal trial is pending: no interviews of witnesses before it ends (see the timetable).",
                    "The review panel first meets within 4 weeks. Early learning goes to the chair at 4 weeks, 8 weeks and 4 months; the review is "
                    + "complete within 4 months of the decision and the draft goes to the board within 6 months, whatever the trial's date.",
                    "An anonymised report is published on the board's website once the trial has ended; the National Panel has it at least a "
                    + "week before.", methodology, methodologyNote, reports, chronology),
                await CaseVersion(review), officer, Seeder, cancellationToken);
            if (signOff)
            {
                await terms.SignOffAsync(review.Id, "Agreed at the first meeting of the review panel.", await CaseVersion(review), chair, Seeder,
                    cancellationToken);
            }
        }

        // 1. Just notified: the chair's 48 hours and the one-month decision clock are running.
        await Notify(officer, northbridge, IncidentType.Death, 3, "Infant found unresponsive at home; bruising noted at hospital.",
            new NotifyChild("Rowan Tate", 4, Sex.Male, Ethnicity.WhiteBritish, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None),
            socialCare, health, police);

        // 2. Initiated; scoping, lead reviewer appointed.
        var scoping = await Notify(officer, northbridge, IncidentType.SeriousInjury, 40, "Toddler admitted with a fractured skull; older sibling on a child protection plan.",
            new NotifyChild("Ivy Marsh", 22, Sex.Female, Ethnicity.Mixed, YesNoNotKnown.No, ChildProtectionPlanStatus.Yes, LegalStatus.None),
            socialCare, health, police, education);
        await Move(scoping, chair, "initiate", "Serious injury with known concerns about how agencies shared information (WT2006 8.6).");
        await Appoint(scoping, officer);
        // The panel is still being formed: education and police so far; children's social care and health are missing.
        await Add(scoping, officer, "panel.education@northbridge.example", TeamRole.PanelMember, education);
        await Add(scoping, officer, "panel.police@northbridge.example", TeamRole.PanelMember, police);
        // Proposed as independent panel chair, but he worked for the police force involved: refused until the chair decides.
        try
        {
            await Add(scoping, officer, ConflictedReviewer, TeamRole.IndependentPanelChair);
        }
        catch (RuleViolationException)
        {
            // Expected: the declaration is recorded and the appointment awaits the chair's exception.
        }
        // A new reviewer shadows the lead reviewer on this case, paired with him for mentoring.
        await Add(scoping, officer, NewReviewer, TeamRole.ShadowReviewer);
        await MentorAsync(reviewer!.Email!, NewReviewer, scoping, officer, cancellationToken);
        // Its terms of reference are drafted and wait for the chair's sign-off.
        await Terms(scoping, Methodology.LearningTogether, null, AgencyReportsRequirement.ShortAgencyReports, ChronologyRequirement.IntegratedMultiAgency,
            signOff: false,
            "Why was what health and children's social care knew about the older sibling not brought together when Ivy was seen?",
            "How far did the older sibling's child protection plan weigh the risks to a younger child in the household?",
            "To what extent did the professionals who visited the home hear the children's own experience?");

        // 3. Working through the review.
        var working = await Notify(officer, northbridge, IncidentType.Suicide, 120, "Young person died by suicide after repeated missed appointments.",
            new NotifyChild("Kai Brannock", 181, Sex.Male, Ethnicity.WhiteOther, YesNoNotKnown.Yes, ChildProtectionPlanStatus.Previously, LegalStatus.S20Accommodation),
            socialCare, health, education);
        await Move(working, chair, "initiate", "A child died and neglect is suspected to have been a factor (WT2006 8.5).");
        await Appoint(working, officer);
        await FullPanel(working, officer);
        await Terms(working, Methodology.SignificantIncidentLearningProcess, null, AgencyReportsRequirement.ManagementReviews,
            ChronologyRequirement.KeyEvents, signOff: true,
            "Why were repeated missed appointments not seen as a sign of risk?",
            "How well did agencies share what they knew when the young person moved between services?",
            "What helped or hindered professionals in hearing the young person's wishes and feelings?");
        await Move(working, officer, "commission", "Terms of reference agreed at the first panel meeting.");

        // 4. Decided not to initiate.
        var notInitiated = await Notify(officer, northbridge, IncidentType.Other, 70, "Child injured in a road traffic collision; no safeguarding concerns found by any agency.",
            new NotifyChild("Esme Gorrick", 96, Sex.Female, Ethnicity.WhiteBritish, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None),
            police, education);
        await Move(notInitiated, chair, "do-not-initiate", "No abuse or neglect known or suspected; the criteria of WT2006 8.5 and 8.6 are not met.");

        // 5. A learning review, at publication.
        var publication = await Notify(officer, northbridge, IncidentType.SexualAbuse, 300, "Sexual abuse by a family friend over two years; concerns raised at school not acted on.",
            new NotifyChild("Nadia Penrose", 150, Sex.Female, Ethnicity.Asian, YesNoNotKnown.No, ChildProtectionPlanStatus.No, LegalStatus.None),
            socialCare, education, police);
        await Move(publication, chair, "commission-learning-review", "Criteria not met, but significant learning about school referrals.");
        await Appoint(publication, officer);
        await FullPanel(publication, officer);
        await Terms(publication, Methodology.Hybrid, "A SILP learning event for the school staff, with a Learning Together case group of the frontline staff.",
            AgencyReportsRequirement.ShortAgencyReports, ChronologyRequirement.IntegratedMultiAgency, signOff: true,
            "Why were the concerns raised at school not referred to children's social care?",
            "To what extent did staff understand the signs of grooming by a family friend, and what got in the way of acting on them?");
        foreach (var step in new[] { "commission", "manage-parallel-processes", "engage-national-panel" })
        {
            await Move(publication, officer, step, null);
        }
        await Move(publication, chair, "apply-learning", "Report agreed by the review panel.");
        await Move(publication, chair, "plan-publication", "Board accepted the report and its response.");

        // A neighbouring board's case: invisible to Northbridge.
        var eastmereCase = await Notify(eastmereOfficer, eastmere, IncidentType.Death, 15, "Child death in a house fire; police investigation under way.",
            new NotifyChild("Otis Varley", 60, Sex.Male, Ethnicity.Black, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.None),
            eastmereCare, police);
        await Move(eastmereCase, eastmereChair, "initiate", "Neglect suspected as a factor in the death (WT2006 8.5).");

        // The National Panel has answered some of the decisions it received (002 ¶10); the others await its consideration.
        var panelMember = await PrincipalAsync("panel@panel.example");
        async Task<PanelSubmission> Sent(Review review) =>
            await db.PanelSubmissions.AsNoTracking().Where(p => p.ReviewId == review.Id).OrderBy(p => p.SentAt).FirstAsync(cancellationToken);

        var agreed = await Sent(scoping);
        await panel.AgreeAsync(agreed.Id, null, agreed.Version, panelMember, Seeder, cancellationToken);

        var asked = await Sent(notInitiated);
        await panel.RequestInformationAsync(asked.Id, "Please send the police collision report's conclusion and say whether any agency had "
            + "earlier concerns about supervision of the child.", asked.Version, panelMember, Seeder, cancellationToken);

        var challenged = await Sent(publication);
        challenged = await panel.ChallengeAsync(challenged.Id, "The concerns raised at school may meet the criteria of WT2006 8.6. Why a learning "
            + "review rather than a serious case review?", challenged.Version, panelMember, Seeder, cancellationToken);
        await panel.AnswerPanelAsync(publication.Id, challenged.Id, "The sub-group weighed 8.6: agencies worked together once the "
            + "abuse was disclosed; the learning is about one school's referrals, which the learning review examines in full.",
            challenged.Version, officer, Seeder, cancellationToken);
        var version = await db.PanelSubmissions.AsNoTracking().Where(p => p.Id == challenged.Id).Select(p => p.Version).FirstAsync(cancellationToken);
        await panel.AcceptAfterInformationAsync(challenged.Id, null, version, panelMember, Seeder, cancellationToken);

        // Parallel processes (seed 000 Stage 4; WT2006 8.16): each review under way has a criminal trial ahead whose date
        // holds back interviews of witnesses, and one has had a change of timeline agreed by the chair.
        async Task Trial(Review review, Principal by, string description, int hearingInDays, string contact, string role,
            params ConstraintInput[] more)
        {
            var interviews = new ConstraintInput(ConstrainedActivity.Interviews,
                "No interviews of witnesses, including staff who may give evidence, before the trial ends", null, ConstraintEnd.ProcessEnds, null);
            await timetables.AddProcessAsync(review.Id, new ParallelProcessInput(ParallelProcessKind.CriminalProceedings, description,
                    today.AddDays(-20), today.AddDays(hearingInDays), today.AddDays(hearingInDays + 14), null, contact, role,
                    "Agreed at the liaison meeting with the police and the Crown Prosecution Service: the review goes on, and early learning is "
                    + "shared, while the trial is pending."),
                [interviews, .. more], await CaseVersion(review), by, Seeder, cancellationToken);
        }

        await Trial(scoping, officer, "Trial at Moorland Crown Court", 70, "Lena Corbett", "Crown Prosecution Service reviewing lawyer");
        await Trial(working, officer, "Trial of an adult charged with exploiting the young person", 90, "Owen Hartley",
            "Crown Prosecution Service reviewing lawyer",
            new ConstraintInput(ConstrainedActivity.Publication, "No publication before the inquest and the trial have ended", null,
                ConstraintEnd.ProcessEnds, null));
        await Trial(publication, officer, "Trial of the family friend", 40, "Nell Ashworth", "Crown Prosecution Service reviewing lawyer");
        await Trial(eastmereCase, eastmereOfficer, "Trial following the house fire", 120, "Detective Inspector Ravi Kell", "Senior investigating officer (SIO)",
            new ConstraintInput(ConstrainedActivity.FamilyContact, "No contact with the family without the senior investigating officer's agreement", null,
                ConstraintEnd.ProcessEnds, null));

        // The trial pushes the interviews back, so the panel asks for six more weeks to complete the review; the chair agrees.
        var completed = Milestones.KeyOf(DeadlineKind.ReviewCompleted);
        var due = UkTime.DateOf(clock.GetUtcNow()).AddMonths(4);
        var change = await timetables.ProposeChangeAsync(working.Id, completed, due.AddDays(42),
            "Interviews of key staff cannot take place until the trial ends; the review panel needs six weeks after it to complete the review.",
            await CaseVersion(working), officer, Seeder, cancellationToken);
        await timetables.DecideChangeAsync(working.Id, change.Id, approve: true,
            "Agreed. The director of children's services and the chief executive have been told.", await CaseVersion(working), chair, Seeder,
            cancellationToken);

        // The people of the review under way (seed 000 stage 3; seed 003 §6.5; WT2006 8.27). The trial holds back interviews of
        // witnesses, so the health trust's named nurse is interviewed only once the prosecution lawyer agrees she is not one; her
        // record waits for her agreement. Each agency holds a staff support meeting at the start. The mother takes part.
        var lead = await PrincipalAsync(reviewer!.Email!);
        var interview = await people.AddInterviewAsync(working.Id, new InterviewInput("agency.author@northbridge.example", "Helen Moss",
                "Named nurse for safeguarding", "Northbridge and Fellside Health Trust", [reviewer.Id], today.AddDays(-6),
                "Ms Moss described how the trust's safeguarding supervision reviews missed appointments: a child not brought to two "
                + "appointments in a row is discussed with the named nurse. She said the young person's missed appointments were spread "
                + "across three clinics, so no clinic saw two in a row, and the pattern was not noticed until the trust's own file review.",
                "Owen Hartley, the Crown Prosecution Service reviewing lawyer, agreed that Ms Moss is not a witness in the trial."),
            await CaseVersion(working), lead, Seeder, cancellationToken);
        await people.ShareInterviewAsync(working.Id, interview.Id, await CaseVersion(working), lead, Seeder, cancellationToken);
        await people.AddMeetingAsync(working.Id, new SupportMeetingInput(health.Id, today.AddDays(-20), SupportMeetingKind.Start,
                "Frontline health staff who knew the young person; the named nurse", "What the review is for, how staff will be involved and supported."),
            await CaseVersion(working), lead, Seeder, cancellationToken);
        await people.AddMeetingAsync(working.Id, new SupportMeetingInput(socialCare.Id, today.AddDays(-18), SupportMeetingKind.Start,
                "The social workers and team manager", "Staff asked to see the chronology before any interview; agreed."),
            await CaseVersion(working), lead, Seeder, cancellationToken);
        var mother = await people.AddFamilyMemberAsync(working.Id, new FamilyMemberInput("Dawn Brannock", "Mother", true, FamilyConsent.Given,
                today.AddDays(-15), reviewer.Id, "Jess Tarrant, family liaison officer, Moorland Police", "The terms of reference and the timetable.",
                "She wants the review to ask why nobody followed up when her son stopped going to appointments.", false, null),
            await CaseVersion(working), lead, Seeder, cancellationToken);
        await people.ChangeContactDetailsAsync(working.Id, mother.Id, "14 Larchfield Row\nNorthbridge\nNB4 7QT", "07700 900461", null,
            await CaseVersion(working), lead, Seeder, cancellationToken);
        await people.LogContactAsync(working.Id, mother.Id, new FamilyContactInput(today.AddDays(-16), null, FamilyContactMethod.Letter,
                "Letter explaining the review and inviting her to take part, sent through the family liaison officer."),
            await CaseVersion(working), lead, Seeder, cancellationToken);
        await people.LogContactAsync(working.Id, mother.Id, new FamilyContactInput(today.AddDays(-12), null, FamilyContactMethod.Visit,
                "Met at home with the family liaison officer. Explained the terms of reference; she agreed to meet the panel later."),
            await CaseVersion(working), lead, Seeder, cancellationToken);

        await AgencyReportsAsync(working, officer, chair, cancellationToken);
        await GenogramAsync(working, officer, cancellationToken);
        await ChronologiesAsync(working, officer, socialCare, health, cancellationToken);
    }

    /// <summary>
    /// The family of the review under way, entered through the service as the business unit: Kai (the subject, who died), his mother
    /// and his father, separated; his mother's partner and their daughter, Kai's half-sister; his maternal grandmother, who
    /// has died. Kai lived with his mother, her partner and his half-sister; his father lives alone. Every name is invented.
    /// </summary>
    private async Task GenogramAsync(Review working, Principal officer, CancellationToken cancellationToken)
    {
        var today = UkTime.DateOf(clock.GetUtcNow());
        var version = Guid.Empty;
        async Task<string> Person(string name, string role, Sex sex, DateOnly? born, int? age, bool deceased = false, bool subject = false)
        {
            (var key, version) = await genograms.AddPersonAsync(working.Id, new Genogram.GenogramPersonInput(name, role, sex, born, age, deceased, subject),
                version, officer, Seeder, cancellationToken);
            return key;
        }
        async Task Then(Func<Guid, Task<Guid>> change) => version = await change(version);
        var kai = await Person("Kai Brannock", "Subject child", Sex.Male, today.AddDays(-120).AddMonths(-181), null, deceased: true, subject: true);
        var mother = await Person("Dawn Brannock", "Mother", Sex.Female, null, 38);
        var father = await Person("Gary Brannock", "Father", Sex.Male, null, 41);
        var partner = await Person("Lewis Okafor", "Mother's partner", Sex.Male, null, 36);
        var sister = await Person("Ruby Okafor", "Half-sister", Sex.Female, today.AddYears(-4).AddDays(-75), null);
        var grandmother = await Person("Irene Walsh", "Maternal grandmother", Sex.Female, null, 61, deceased: true);
        await Then(v => genograms.AddCoupleAsync(working.Id, new(mother, father, CoupleKind.Separated), v, officer, Seeder, cancellationToken));
        await Then(v => genograms.AddCoupleAsync(working.Id, new(mother, partner, CoupleKind.Partners), v, officer, Seeder, cancellationToken));
        foreach (var (parent, child, kind) in new[]
        {
            (grandmother, mother, ParentKind.Birth), (mother, kai, ParentKind.Birth), (father, kai, ParentKind.Birth), (partner, kai, ParentKind.Step),
            (mother, sister, ParentKind.Birth), (partner, sister, ParentKind.Birth),
        })
        {
            await Then(v => genograms.AddParentAsync(working.Id, new(parent, child, kind), v, officer, Seeder, cancellationToken));
        }
        await Then(v => genograms.AddHouseholdAsync(working.Id, new("Mother's home", [mother, partner, kai, sister]), v, officer, Seeder, cancellationToken));
        await Then(v => genograms.AddHouseholdAsync(working.Id, new("Father's flat", [father]), v, officer, Seeder, cancellationToken));
    }

    // Chronology (issue 6): two agencies' chronologies on the review under way, with a planted gap and a planted discrepancy.

    /// <summary>
    /// Social care's and health's chronologies of the review under way, imported as CSV on the template through the
    /// service (as the business unit, for the agencies): 24 entries each over about eighteen months, with nothing from
    /// either agency for some four months (the planted gap), and the same strategy discussion recorded differently (social
    /// care says the child was not seen, health that he was: the planted discrepancy). A key practice episode is marked.
    /// Every name and event is invented.
    /// </summary>
    private async Task ChronologiesAsync(Review working, Principal officer, Organisation socialCare, Organisation health, CancellationToken cancellationToken)
    {
        var today = UkTime.DateOf(clock.GetUtcNow());
        var start = today.AddDays(-680);
        var gapFrom = start.AddDays(250);
        var gapTo = gapFrom.AddDays(125);
        var strategy = gapTo.AddDays(40);
        (string Role, ContactType Type, ChildSeen Seen, string What, string? Action)[] careContacts =
        [
            ("duty social worker", ContactType.Referral, ChildSeen.NotRecorded, "Referral from the school: the young person often absent and withdrawn.", "Initial assessment opened."),
            ("social worker", ContactType.HomeVisit, ChildSeen.Yes, "Home visit; the young person said little in front of his mother.", "See him alone next time."),
            ("social worker", ContactType.Phone, ChildSeen.No, "Call with the mother about missed appointments.", null),
            ("social worker", ContactType.HomeVisit, ChildSeen.No, "No answer at the door; card left.", "Visit again within the week."),
            ("team manager", ContactType.Supervision, ChildSeen.NotRecorded, "Supervision: case to stay open for assessment.", null),
            ("social worker", ContactType.OfficeVisit, ChildSeen.Yes, "Seen alone at the office; said he wanted to stay at home.", null),
        ];
        (string Role, ContactType Type, ChildSeen Seen, string What, string? Action)[] healthContacts =
        [
            ("school nurse", ContactType.Assessment, ChildSeen.Yes, "Health assessment at school; low mood noted.", "Referred to the wellbeing service."),
            ("GP", ContactType.OfficeVisit, ChildSeen.Yes, "Seen with his mother about headaches and poor sleep.", null),
            ("school nurse", ContactType.LetterOrEmail, ChildSeen.No, "Letter offering a drop-in appointment.", null),
            ("practice nurse", ContactType.Phone, ChildSeen.No, "Did not attend; the mother rang to rearrange.", null),
            ("mental health practitioner", ContactType.Assessment, ChildSeen.Yes, "First appointment with the wellbeing service.", "Weekly sessions offered."),
            ("GP", ContactType.Phone, ChildSeen.NotRecorded, "Call from the pharmacy about a repeat prescription.", null),
        ];
        IReadOnlyList<ChronologyEntry> Entries(string agency, (string Role, ContactType Type, ChildSeen Seen, string What, string? Action)[] contacts, int offset,
            ChildSeen atStrategy, string strategyNote)
        {
            var entries = new List<ChronologyEntry>();
            for (var i = 0; entries.Count < 23; i++)
            {
                var date = start.AddDays(offset + i * 23);
                if (date >= gapFrom && date <= gapTo)
                {
                    continue;
                }
                var (role, type, seen, what, action) = contacts[i % contacts.Length];
                entries.Add(new ChronologyEntry
                {
                    Date = date,
                    Agency = agency,
                    PractitionerRole = role,
                    ContactType = type,
                    ChildSeen = seen,
                    WhatHappened = what,
                    DecisionOrAction = action,
                    Present = type == ContactType.HomeVisit ? "mother; child" : null,
                    SourceDocument = "case notes",
                });
            }
            entries.Add(new ChronologyEntry
            {
                Date = strategy,
                Time = new TimeOnly(10, 0),
                Agency = agency,
                PractitionerRole = agency == socialCare.Name ? "team manager" : "named nurse",
                ContactType = ContactType.StrategyDiscussion,
                ChildSeen = atStrategy,
                WhatHappened = strategyNote,
                Present = "Northbridge Children's Social Care; Northbridge and Fellside Health Trust; police",
                SourceDocument = "strategy discussion minutes",
            });
            return ChronologyMerge.Sort(entries);
        }
        var careEntries = Entries(socialCare.Name, careContacts, 0, ChildSeen.No,
            "Strategy discussion after he was found missing overnight; he was not present.");
        var healthEntries = Entries(health.Name, healthContacts, 9, ChildSeen.Yes,
            "Strategy discussion after he was found missing overnight; he was seen beforehand by the nurse and joined briefly.");
        foreach (var (agency, entries) in new[] { (socialCare, careEntries), (health, healthEntries) })
        {
            if (working.Agencies.All(a => a.AgencyId != agency.Id))
            {
                continue;
            }
            using var file = new MemoryStream();
            using (var writer = ChronologyWriter.Create(file, ChronologyFileFormat.Csv, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    writer.Write(entry);
                }
                writer.Complete();
            }
            file.Position = 0;
            await chronologies.ImportAsync(working.Id, agency.Id, file, ChronologyFileFormat.Csv, $"{agency.Key}-chronology.csv", officer, Seeder,
                cancellationToken: cancellationToken);
        }
        await chronologies.MarkEpisodeAsync(working.Id, new KeyPracticeEpisodeInput("Missing overnight and the strategy discussion",
            "The agencies' accounts of whether he was seen differ, and no one recorded what he wanted.", strategy.AddDays(-7), strategy.AddDays(7)),
            officer, Seeder, cancellationToken);
    }

    /// <summary>
    /// The agency reports of the review under way (WT2006 8.18–8.27): social care's accepted and fed back to staff; health's
    /// sent back for changes and being revised; education's waiting for its author.
    /// </summary>
    private async Task AgencyReportsAsync(Review working, Principal officer, Principal chair, CancellationToken cancellationToken)
    {
        var version = await db.Reviews.AsNoTracking().Where(r => r.Id == working.Id).Select(r => r.Version).FirstAsync(cancellationToken);
        var asked = await agencyReports.RequestAsync(working.Id, new AgencyReportRequest(working.Agencies.Select(a => a.AgencyId).ToList(),
                AgencyReportsRequirement.ManagementReviews, UkTime.DateOf(clock.GetUtcNow()).AddDays(42),
                "Please give particular attention to the missed appointments and how the young person's moves between services were handed over."),
            version, officer, Seeder, cancellationToken);
        async Task<long> Stamp(Guid reportId) =>
            await db.Set<AgencyReport>().AsNoTracking().Where(r => r.Id == reportId).Select(r => r.Revision).FirstAsync(cancellationToken);
        async Task<AgencyReport> Written(string agencyKey, string authorEmail, string post, string seniorOfficer, string analysis)
        {
            var agencyId = await db.Organisations.AsNoTracking().Where(o => o.Key == agencyKey).Select(o => o.Id).FirstAsync(cancellationToken);
            var report = asked.First(r => r.AgencyId == agencyId);
            var author = await PrincipalAsync(authorEmail);
            await agencyReports.NameAuthorAsync(working.Id, report.Id, new AuthorInput(author.UserId, post, InvolvementKind.None, null),
                await Stamp(report.Id), officer, Seeder, cancellationToken);
            var sections = AgencyReportRules.Template.ToDictionary(s => s.Key, s => (string?)DemoSection(s.Key, analysis));
            await agencyReports.SaveDraftAsync(working.Id, report.Id, sections, await Stamp(report.Id), author, Seeder, cancellationToken);
            await agencyReports.SubmitAsync(working.Id, report.Id, seniorOfficer, await Stamp(report.Id), author, Seeder, cancellationToken);
            return report;
        }

        var socialCare = await Written("northbridge-csc", "agency.lead@northbridge.example", "Head of safeguarding and quality assurance",
            "Director of Children's Services",
            "Three of the five missed appointments were recorded but not escalated: the team had no threshold for when missed contact "
            + "becomes a concern for an adolescent. The young person was seen alone twice in the year; their wishes were recorded once.");
        await agencyReports.QualityAssureAsync(working.Id, socialCare.Id, new QualityReviewInput(QualityAssuranceOutcome.Accepted,
            "A clear and candid report. Thank you.", null), await Stamp(socialCare.Id), chair, Seeder, cancellationToken);
        await agencyReports.RecordStaffFeedbackAsync(working.Id, socialCare.Id, new StaffFeedbackInput(UkTime.DateOf(clock.GetUtcNow()),
                "Two social workers, their team manager and the service manager", "Findings and recommendations shared; staff asked for "
                + "guidance on escalating missed contact with adolescents."),
            await Stamp(socialCare.Id), await PrincipalAsync("agency.lead@northbridge.example"), Seeder, cancellationToken);

        var health = await Written("northbridge-health", "agency.author@northbridge.example", "Named nurse for safeguarding children",
            "Chief Nurse",
            "The school nursing service offered appointments by letter to the family home after the young person had moved to foster care.");
        await agencyReports.QualityAssureAsync(working.Id, health.Id, new QualityReviewInput(QualityAssuranceOutcome.ChangesRequested,
                "Please say why letters went to the old address after the move into care, and whether anyone checked why appointments were missed.",
                "The analysis describes what happened but not why."),
            await Stamp(health.Id), chair, Seeder, cancellationToken);
    }

    private static string DemoSection(string key, string analysis) => key switch
    {
        "scope" => "The terms of reference asked how we responded to missed appointments and moves between services. The review covers the two "
            + "years before the death. The author had no involvement with the young person and line-manages no one who did.",
        "sources" => "Case records, supervision notes and the electronic record; interviews with the allocated practitioners and their manager.",
        "involvement" => "The agency knew the young person for two years, through moves between home, a relative and foster care.",
        "analysis" => analysis,
        "effectivePractice" => "The allocated worker kept in contact through each move and visited within a week of each placement.",
        "lessons" => "Missed appointments by an adolescent must prompt the question why, and a conversation with the young person.",
        _ => "1. Issue guidance on escalating missed contact with adolescents (owner: head of service; by the end of next quarter).",
    };

    /// <summary>The register reviewer who worked for Moorland Police, an agency involved in the scoping case.</summary>
    public const string ConflictedReviewer = "d.horsfall@reviewers.example";

    /// <summary>The register reviewer who has led no review yet, mentored by the demo lead reviewer.</summary>
    public const string NewReviewer = "t.wierzbicki@reviewers.example";

    private static readonly (string Email, string Name)[] PanelPeople =
    [
        ("panel.care@northbridge.example", "Gareth Pell"),
        ("panel.health@northbridge.example", "Dr Nia Castell"),
        ("panel.police@northbridge.example", "Det Supt Owen Brackley"),
        ("panel.education@northbridge.example", "Helen Ashdown"),
    ];

    private static (string Email, string Name, Organisation Board)[] Reviewers(Organisation northbridge, Organisation eastmere, Organisation ashcombe) =>
    [
        ("m.ilsley@reviewers.example", "Margaret Ilsley", eastmere),
        (ConflictedReviewer, "Declan Horsfall", northbridge),
        ("b.rhys-morgan@reviewers.example", "Bethan Rhys-Morgan", ashcombe),
        (NewReviewer, "Tomasz Wierzbicki", northbridge),
        ("p.anand@reviewers.example", "Priti Anand", ashcombe),
    ];

    /// <summary>The register's fictional entries, each kept by the reviewer; made once.</summary>
    private async Task RegisterAsync(Organisation police, Organisation eastmereCare, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        async Task Entry(string email, ReviewerDetails details, (string Course, DateOnly On, string? Title)[] training,
            (Organisation? Organisation, string? Name, string Position, DateOnly? Until)[] affiliations)
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing.");
            if (await db.ReviewerProfiles().AnyAsync(p => p.UserId == user.Id, cancellationToken))
            {
                return;
            }
            var me = await PrincipalAsync(email);
            var actor = new Actor(user.Id, email, null);
            await register.SaveMineAsync(details, null, me, actor, cancellationToken);
            foreach (var (course, on, title) in training)
            {
                await register.AddTrainingAsync(new TrainingInput(course, title, on), me, actor, cancellationToken);
            }
            foreach (var (organisation, name, position, until) in affiliations)
            {
                await register.AddAffiliationAsync(new AffiliationInput(organisation?.Id, name, position, until), me, actor, cancellationToken);
            }
        }

        await Entry("reviewer@northbridge.example", new ReviewerDetails(
                "Former director of children's services; overview author and independent reviewer since 2012.",
                [Region.NorthEast, Region.YorkshireHumber], [Methodology.LearningTogether, Methodology.AgencyReviewsAndOverview, Methodology.Hybrid],
                [IncidentType.Death, IncidentType.SeriousInjury, IncidentType.Suicide], 6, null, null, 4),
            [("scie-learning-together-accreditation", new DateOnly(2021, 6, 18), null), ("national-core-two-day", new DateOnly(2013, 9, 12), null)],
            [(null, "Fellside County Council", "Director of children's services", new DateOnly(2011, 8, 31))]);
        await Entry("m.ilsley@reviewers.example", new ReviewerDetails(
                "Independent social work consultant; SILP lead reviewer in the north of England.",
                [Region.NorthWest, Region.NorthEast, Region.YorkshireHumber], [Methodology.SignificantIncidentLearningProcess, Methodology.Hybrid],
                [IncidentType.Death, IncidentType.SexualAbuse, IncidentType.Other], 9, null, null, 2),
            [("taster-silp", new DateOnly(2013, 10, 3), null), ("national-core-two-day", new DateOnly(2014, 2, 6), null),
                ("action-learning-set", new DateOnly(2014, 3, 20), null)],
            [(eastmereCare, null, "Head of safeguarding", new DateOnly(2018, 3, 31))]);
        await Entry(ConflictedReviewer, new ReviewerDetails(
                "Former detective inspector in a child abuse investigation team; reviews with root cause analysis.",
                [Region.NorthEast, Region.YorkshireHumber], [Methodology.RootCauseAnalysis, Methodology.FailureModesAndEffectsAnalysis, Methodology.LearningTogether],
                [IncidentType.SeriousInjury, IncidentType.Death], 4, null, null, 2),
            [("taster-root-cause-analysis", new DateOnly(2013, 11, 14), null), ("taster-learning-together", new DateOnly(2013, 7, 4), null)],
            [(police, null, "Detective inspector, child abuse investigation", new DateOnly(2024, 3, 31))]);
        await Entry("b.rhys-morgan@reviewers.example", new ReviewerDetails(
                "Welsh child practice reviewer; facilitates learning events with practitioners.",
                [Region.SouthWest, Region.WestMidlands], [Methodology.ChildPracticeReview, Methodology.AppreciativeInquiry],
                [IncidentType.SeriousInjury, IncidentType.SexualAbuse], 5, null, today.AddDays(240), 1),
            [("taster-child-practice-review", new DateOnly(2013, 6, 27), null), ("taster-appreciative-inquiry", new DateOnly(2013, 8, 15), null)],
            []);
        await Entry(NewReviewer, new ReviewerDetails(
                "Named nurse for safeguarding, new to leading reviews; trained on the national programme.",
                [Region.NorthEast], [Methodology.LearningTogether], [IncidentType.SeriousInjury], 0, null, null, 1),
            [("national-core-two-day", new DateOnly(2014, 1, 23), null), ("taster-learning-together", new DateOnly(2013, 7, 4), null)],
            [(null, "Fellside Community Health", "Named nurse for safeguarding", null)]);
        await Entry("p.anand@reviewers.example", new ReviewerDetails(
                "Organisational psychologist; appreciative inquiry and hybrid reviews.",
                [Region.London, Region.Eastern, Region.SouthEast], [Methodology.AppreciativeInquiry, Methodology.Hybrid],
                [IncidentType.Suicide, IncidentType.Death], 3, today.AddDays(120), null, 2),
            [("taster-appreciative-inquiry", new DateOnly(2013, 8, 15), null), ("other", new DateOnly(2019, 5, 9), "Systems thinking for safeguarding (university short course)")],
            []);
    }

    /// <summary>Pairs the new reviewer with an experienced one, shadowing on the case.</summary>
    private async Task MentorAsync(string mentorEmail, string menteeEmail, Review shadowCase, Principal by, CancellationToken cancellationToken)
    {
        var mentor = await db.ReviewerProfiles().AsNoTracking().FirstAsync(p => p.User!.Email == mentorEmail, cancellationToken);
        var mentee = await db.ReviewerProfiles().AsNoTracking().FirstAsync(p => p.User!.Email == menteeEmail, cancellationToken);
        await register.PairAsync(new MentoringInput(mentor.Id, mentee.Id, shadowCase.Id, "Shadowing the scoping and the first panel meetings."), by,
            Seeder, cancellationToken);
    }

    private async Task<Principal> PrincipalAsync(string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing.");
        return await principals.LoadAsync(user.Id) ?? throw new InvalidOperationException($"Demo account {email} is disabled.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
