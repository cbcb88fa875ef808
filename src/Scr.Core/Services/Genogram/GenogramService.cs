using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.Genogram;

/// <summary>A person as the form gives them: a date of birth or an age, not both.</summary>
public sealed record GenogramPersonInput(string? Name, string? Role, Sex? Sex, DateOnly? DateOfBirth, int? AgeYears, bool Deceased, bool IsSubject);

/// <summary>Two people of the genogram who are, or were, a couple.</summary>
public sealed record GenogramCoupleInput(string? First, string? Second, CoupleKind? Kind);

/// <summary>A parent and their child, by the people's identifiers.</summary>
public sealed record GenogramParentInput(string? Parent, string? Child, ParentKind? Kind);

/// <summary>A household: its name and who lives in it.</summary>
public sealed record GenogramHouseholdInput(string? Name, IReadOnlyList<string> Members);

/// <summary>
/// The genogram of a case as one person may see it: the family, its version (<see cref="Guid.Empty"/> before anyone has
/// added to it), whether they may change it, and the date ages are worked out on.
/// </summary>
public sealed record GenogramView(ReviewView View, GenogramFamily Family, Guid Version, bool MayEdit, DateOnly Today)
{
    public Review Review => View.Review;

    public bool IsEmpty => Family.People.Count == 0;

    public GenogramPerson? Person(string key) => Family.People.FirstOrDefault(p => p.Key == key);

    /// <summary>A person's name, or their identifier when they are not in the family.</summary>
    public string NameOf(string key) => Person(key)?.Name ?? key;
}

/// <summary>
/// The genogram of a review in the service (issue 6 item 5; decision 0013): the people, couples, parent links and
/// households, changed one at a time. Each change builds the whole family anew, checks it with
/// <see cref="GenogramRules.Check"/> and is refused when it would not be valid. A change carries the version the person
/// read, so a change from a stale copy is refused. Who sees and who changes is <see cref="ReviewAccessRules"/>; every
/// read and every change is audited.
/// </summary>
public sealed class GenogramService(ScrDbContext db, ReviewService reviews, AuditLog audit, TimeProvider clock)
{
    private const string StaleMessage =
        "Someone else changed the genogram after you opened it. Your change has not been saved. Check the genogram as it is now and try again.";

    /// <summary>
    /// The genogram for those with full access to the case; the read is audited (named or anonymised, shown or
    /// downloaded): the named version is as confidential as the family's records.
    /// </summary>
    public async Task<GenogramView> GetAsync(Guid id, bool anonymised, Principal principal, Actor actor, bool download = false,
        CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        if (!ReviewAccessRules.MaySeeGenogram(view.Access))
        {
            throw new ForbiddenException("Only the board and the review team see the genogram.");
        }
        var genogram = await db.Genograms.AsNoTracking().FirstOrDefaultAsync(g => g.ReviewId == id, cancellationToken);
        await audit.RecordNowAsync(actor, download ? AuditActions.GenogramDownloaded : AuditActions.GenogramRead, view.Review.BoardId, "review", id.ToString(),
            $"version={(anonymised ? "anonymised" : "named")}", cancellationToken);
        return new GenogramView(view, genogram?.Family ?? ReviewGenogram.Empty, genogram?.Version ?? Guid.Empty,
            ReviewAccessRules.MayEditGenogram(principal, view.Review), UkTime.DateOf(clock.GetUtcNow()));
    }

    /// <summary>Adds a person; returns their identifier in the genogram and the genogram's new version.</summary>
    public async Task<(string Key, Guid Version)> AddPersonAsync(Guid id, GenogramPersonInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var key = "";
        var version = await ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramPersonAdded, family =>
        {
            key = NextKey(family);
            return (family with { People = [.. family.People, Person(key, input)] }, $"person={key}");
        }, cancellationToken);
        return (key, version);
    }

    public Task<Guid> ChangePersonAsync(Guid id, string key, GenogramPersonInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramPersonChanged, family =>
        {
            RequirePerson(family, key);
            return (family with { People = family.People.Select(p => p.Key == key ? Person(key, input) : p).ToList() }, $"person={key}");
        }, cancellationToken);

    /// <summary>Removes a person with every couple, parent link and household place that names them (a household left empty goes too).</summary>
    public Task<Guid> RemovePersonAsync(Guid id, string key, Guid expectedVersion, Principal principal, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramPersonRemoved, family =>
        {
            RequirePerson(family, key);
            return (new GenogramFamily(
                family.People.Where(p => p.Key != key).ToList(),
                family.Couples.Where(c => c.First != key && c.Second != key).ToList(),
                family.Parents.Where(p => p.Parent != key && p.Child != key).ToList(),
                family.Households.Select(h => h with { Members = h.Members.Where(m => m != key).ToList() }).Where(h => h.Members.Count > 0).ToList()),
                $"person={key}");
        }, cancellationToken);

    public Task<Guid> AddCoupleAsync(Guid id, GenogramCoupleInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramRelationshipAdded, family =>
        {
            var problems = new List<RuleProblem>();
            Require(problems, input.First, "first", "Select the first person");
            Require(problems, input.Second, "second", "Select the second person");
            if (input.Kind is null)
            {
                problems.Add(new RuleProblem("kind", "Select how they are, or were, a couple"));
            }
            if (problems.Count == 0 && family.Couples.Any(c => (c.First == input.First && c.Second == input.Second) || (c.First == input.Second && c.Second == input.First)))
            {
                problems.Add(new RuleProblem("second", "They are already a couple in the genogram: remove that relationship first to change it"));
            }
            RuleViolationException.ThrowIfAny(problems);
            return (family with { Couples = [.. family.Couples, new GenogramCouple(input.First!, input.Second!, input.Kind!.Value)] },
                $"couple={input.First},{input.Second}; kind={input.Kind}");
        }, cancellationToken);

    public Task<Guid> RemoveCoupleAsync(Guid id, int index, Guid expectedVersion, Principal principal, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramRelationshipRemoved, family =>
        {
            var couple = At(family.Couples, index, "The couple");
            return (family with { Couples = family.Couples.Where((_, i) => i != index).ToList() }, $"couple={couple.First},{couple.Second}");
        }, cancellationToken);

    public Task<Guid> AddParentAsync(Guid id, GenogramParentInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramRelationshipAdded, family =>
        {
            var problems = new List<RuleProblem>();
            Require(problems, input.Parent, "parent", "Select the parent or carer");
            Require(problems, input.Child, "child", "Select the child");
            if (input.Kind is null)
            {
                problems.Add(new RuleProblem("kind", "Select how they are a parent to the child"));
            }
            if (problems.Count == 0 && family.Parents.Any(p => p.Parent == input.Parent && p.Child == input.Child))
            {
                problems.Add(new RuleProblem("child", "They are already linked as parent and child: remove that relationship first to change it"));
            }
            RuleViolationException.ThrowIfAny(problems);
            return (family with { Parents = [.. family.Parents, new GenogramParent(input.Parent!, input.Child!, input.Kind!.Value)] },
                $"parent={input.Parent}; child={input.Child}; kind={input.Kind}");
        }, cancellationToken);

    public Task<Guid> RemoveParentAsync(Guid id, int index, Guid expectedVersion, Principal principal, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramRelationshipRemoved, family =>
        {
            var link = At(family.Parents, index, "The parent and child");
            return (family with { Parents = family.Parents.Where((_, i) => i != index).ToList() }, $"parent={link.Parent}; child={link.Child}");
        }, cancellationToken);

    public Task<Guid> AddHouseholdAsync(Guid id, GenogramHouseholdInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramHouseholdAdded, family =>
            (family with { Households = [.. family.Households, Household(input)] }, $"household={family.Households.Count}"), cancellationToken);

    public Task<Guid> ChangeHouseholdAsync(Guid id, int index, GenogramHouseholdInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramHouseholdChanged, family =>
        {
            At(family.Households, index, "The household");
            var household = Household(input);
            return (family with { Households = family.Households.Select((h, i) => i == index ? household : h).ToList() }, $"household={index}");
        }, cancellationToken);

    public Task<Guid> RemoveHouseholdAsync(Guid id, int index, Guid expectedVersion, Principal principal, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, principal, actor, AuditActions.GenogramHouseholdRemoved, family =>
        {
            At(family.Households, index, "The household");
            return (family with { Households = family.Households.Where((_, i) => i != index).ToList() }, $"household={index}");
        }, cancellationToken);

    /// <summary>
    /// Loads the genogram for a change by someone who may make it, at the version they read; applies the change to the whole
    /// family; refuses it with the family's problems (by the form's fields) when it would not be valid; saves and audits it; returns the new version.
    /// </summary>
    private async Task<Guid> ChangeAsync(Guid id, Guid expectedVersion, Principal principal, Actor actor, string action,
        Func<GenogramFamily, (GenogramFamily Family, string Detail)> change, CancellationToken cancellationToken)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: false, cancellationToken)).Review;
        if (!ReviewAccessRules.MayEditGenogram(principal, review))
        {
            throw new ForbiddenException(review.IsOpen
                ? "Only the business unit and the review team change the genogram."
                : "The review is closed: its genogram can no longer change.");
        }
        var genogram = await db.Genograms.FirstOrDefaultAsync(g => g.ReviewId == id, cancellationToken);
        var adding = genogram is null;
        if ((genogram?.Version ?? Guid.Empty) != expectedVersion)
        {
            throw new StaleEditException(StaleMessage);
        }
        // The change is worked out and checked before anything is tracked, so a refused change leaves nothing to save.
        var (family, detail) = change(genogram?.Family ?? ReviewGenogram.Empty);
        RuleViolationException.ThrowIfAny(OnFields(GenogramRules.Check(family)));
        if (genogram is null)
        {
            genogram = new ReviewGenogram(id);
            db.Genograms.Add(genogram);
        }
        else
        {
            db.Entry(genogram).Property(g => g.Version).OriginalValue = expectedVersion;
        }
        genogram.Change(family, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, action, review.BoardId, "review", id.ToString(), detail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || adding)
        {
            db.DiscardUnsaved();
            throw new StaleEditException(StaleMessage);
        }
        return genogram.Version;
    }

    /// <summary>
    /// The family's problems on the forms' fields: a couple's on the second person, a parent link's on the child, a household's
    /// on its members; a person's on the form as a whole (they may concern the family, such as no subject child).
    /// </summary>
    private static List<RuleProblem> OnFields(IReadOnlyList<RuleProblem> problems) => problems.Select(p => p with
    {
        Field = p.Field switch
        {
            "couples" => "second",
            "parents" => "child",
            "households" => "members",
            _ => null,
        },
    }).ToList();

    private static GenogramPerson Person(string key, GenogramPersonInput input)
    {
        var problems = new List<RuleProblem>();
        var name = input.Name?.Trim();
        var role = string.IsNullOrWhiteSpace(input.Role) ? null : input.Role.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new RuleProblem("name", "Enter the person's name"));
        }
        else if (name.Length > ReviewGenogram.NameMaxLength)
        {
            problems.Add(new RuleProblem("name", $"The name must be {ReviewGenogram.NameMaxLength} characters or fewer"));
        }
        if (role?.Length > ReviewGenogram.RoleMaxLength)
        {
            problems.Add(new RuleProblem("role", $"The role must be {ReviewGenogram.RoleMaxLength} characters or fewer"));
        }
        if (input.Sex is null)
        {
            problems.Add(new RuleProblem("sex", "Select their sex, or ‘Not known’"));
        }
        if (input.DateOfBirth is not null && input.AgeYears is not null)
        {
            problems.Add(new RuleProblem("ageYears", "Give a date of birth or an age, not both"));
        }
        RuleViolationException.ThrowIfAny(problems);
        return new GenogramPerson(key, name!, role, input.Sex!.Value, input.DateOfBirth, input.AgeYears, input.Deceased, input.IsSubject);
    }

    private static GenogramHousehold Household(GenogramHouseholdInput input)
    {
        var problems = new List<RuleProblem>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new RuleProblem("name", "Enter a name for the household, for example ‘Mother's home’"));
        }
        else if (name.Length > ReviewGenogram.NameMaxLength)
        {
            problems.Add(new RuleProblem("name", $"The name must be {ReviewGenogram.NameMaxLength} characters or fewer"));
        }
        var members = input.Members.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            problems.Add(new RuleProblem("members", "Select who lives in the household"));
        }
        RuleViolationException.ThrowIfAny(problems);
        return new GenogramHousehold(name!, members);
    }

    private static void Require(List<RuleProblem> problems, string? key, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add(new RuleProblem(field, message));
        }
    }

    private static void RequirePerson(GenogramFamily family, string key)
    {
        if (family.People.All(p => p.Key != key))
        {
            throw new NotFoundException("The person");
        }
    }

    private static T At<T>(IReadOnlyList<T> list, int index, string what) =>
        index >= 0 && index < list.Count ? list[index] : throw new NotFoundException(what);

    /// <summary>The next free identifier: p1, p2, … (one past the highest in use, so a removed person's is not given at once to another).</summary>
    private static string NextKey(GenogramFamily family) =>
        "p" + (family.People.Select(p => p.Key.StartsWith('p') && int.TryParse(p.Key.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1);
}
