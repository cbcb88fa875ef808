using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Reviews;
using Scr.Core.Tests.Rules.Criteria;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The rules the site, the API and the CLI share for stage 1: notifications, the system's bulk entry, the recommendation form.</summary>
public class Stage1CoreTests
{
    private static readonly Actor Cli = Actor.System("cli:tester");
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static NotifyChild Child(string name = "Test Child", int? age = 12) =>
        new(name, age, Sex.NotKnown, Ethnicity.NotKnown, YesNoNotKnown.NotKnown, ChildProtectionPlanStatus.NotKnown, LegalStatus.NotKnown);

    private static NotifyOptions Options(Guid board, string summary = "Fictional.", DateOnly? incident = null, DateOnly? known = null,
        IReadOnlyList<NotifyChild>? children = null, IReadOnlyList<Guid>? agencies = null) =>
        new(board, IncidentType.Death, incident ?? Today.AddDays(-5), known ?? Today.AddDays(-4), summary, children ?? [Child()], agencies ?? [], null);

    [Fact]
    public void NotificationRules_EveryProblemNamesItsField()
    {
        var agency = Guid.NewGuid();
        var options = Options(Guid.NewGuid(), new string('x', 4001), Today.AddDays(2), Today.AddDays(1),
            [Child(" "), Child("Fine", 217), Child(new string('n', 201), -1)], [agency, agency]);

        var problems = NotificationRules.Check(options, Today);

        problems.Select(p => p.Field).ShouldBe([
            "incidentDate", "knownToBoardOn", "knownToBoardOn", "children[0].name", "children[1].ageAtIncidentMonths", "children[2].name",
            "children[2].ageAtIncidentMonths", "summary", "agencyIds",
        ]);
        problems.Single(p => p.Field == "summary").Message.ShouldBe("Summary must be 4,000 characters or fewer");
        NotificationRules.Check(Options(Guid.NewGuid(), children: []), Today).Single().Field.ShouldBe("children");
        NotificationRules.Check(Options(Guid.NewGuid(), incident: Today, known: Today), Today).ShouldBeEmpty();
    }

    [Fact]
    public void CheckRecommendation_CompleteAnswers_ValidWithTheEvaluation()
    {
        var set = CriteriaSet.Wt2006;
        var answers = Answering.Baseline(set).Yes("8.5-child-died", "8.5-abuse-or-neglect-factor");

        var check = DecisionService.CheckRecommendation(GuidanceEdition.Wt2010, Form(answers, DecisionOutcome.DoNotInitiate));

        check.IsValid.ShouldBeTrue(string.Join("; ", check.Problems));
        check.Evaluation.Set.ShouldBe(set);
        check.Evaluation.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        check.Evaluation.Warnings.Select(w => w.Key).ShouldContain("review-required");
    }

    [Fact]
    public void CheckRecommendation_EachProblemOnItsQuestion()
    {
        var set = CriteriaSet.Wt2006;
        var answers = Answering.Baseline(set).Unanswered("8.6-serious-sexual-abuse").Yes("harm-alternative-review");
        var form = Form(answers, null, rationale: " ") with
        {
            Answers = answers.ToDictionary(a => a.Key, a => (string?)CriteriaAnswers.ValueOf(a.Value))
                .Append(KeyValuePair.Create("no-such-question", (string?)"yes"))
                .Append(KeyValuePair.Create("8.5-child-died", (string?)"not-known"))
                .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        };

        var check = DecisionService.CheckRecommendation(GuidanceEdition.Wt2006, form);

        var fields = check.Problems.Select(p => p.Field).ToList();
        fields.ShouldContain("answers.no-such-question");
        fields.ShouldContain("answers.8.5-child-died");
        check.Problems.Single(p => p.Field == "answers.8.6-serious-sexual-abuse").Message.ShouldBe("Select whether the child suffered serious sexual abuse");
        check.Problems.Single(p => p.Field == "alternativeReview").Message.ShouldBe("Name the review, investigation or audit proposed");
        fields.ShouldContain("recommendation");
        fields.ShouldContain("rationale");
        // The evaluation is still made from the valid answers, for a form that shows it as it is filled in.
        check.Evaluation.Unanswered.ShouldContain("8.6-serious-sexual-abuse");
    }

    [Fact]
    public void CheckRecommendation_CurrentGuidance_AnsweredAgainstTheCurrentSet()
    {
        var check = DecisionService.CheckRecommendation(GuidanceEdition.Wt2023, Form(Answering.Baseline(CriteriaSet.Wt2006), DecisionOutcome.DoNotInitiate));
        check.Evaluation.Set.ShouldBe(CriteriaSet.Current);
        check.Problems.ShouldContain(p => p.Message.Contains("is not a question of"));
    }

    private static RecommendationForm Form(CriteriaAnswers answers, DecisionOutcome? outcome, string rationale = "Fictional rationale.") =>
        new(answers.ToDictionary(a => a.Key, a => (string?)CriteriaAnswers.ValueOf(a.Value)), outcome, rationale);

    private sealed record World(Organisation Board, Organisation Agency, User Officer, User Chair, User SubGroup);

    private static async Task<World> BuildAsync(IServiceScope scope)
    {
        var data = new TestData(scope.Db(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var board = await data.CreateBoardAsync("northbridge");
        var agency = await data.CreateAgencyAsync("csc", AgencyType.ChildrensSocialCare, board);
        var officer = await data.CreateUserAsync("officer@nb.example", (Role.BusinessUnitOfficer, board));
        var chair = await data.CreateUserAsync("chair@nb.example", (Role.BoardChair, board));
        var subGroup = await data.CreateUserAsync("subgroup@nb.example", (Role.SubGroupMember, board));
        return new World(board, agency, officer, chair, subGroup);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task NotifyAsSystem_SavesEveryCaseAsTheBusinessUnit_WithReferencesInTurn(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();

        var saved = await reviews.NotifyAsSystemAsync([Options(world.Board.Id, "One", agencies: [world.Agency.Id]),
            Options(world.Board.Id, "Two", children: [Child("Elder"), Child("Younger")])], Cli);

        saved.Select(r => r.Reference).ShouldBe(["NORTHBRIDGE-2026-001", "NORTHBRIDGE-2026-002"]);
        var db = scope.Db();
        db.ChangeTracker.Clear();
        (await db.Reviews.Where(r => r.BoardId == world.Board.Id).Select(r => r.CreatedById).Distinct().ToListAsync()).ShouldBe([world.Officer.Id]);
        (await db.ReviewChildren.CountAsync()).ShouldBe(3);
        (await db.Reviews.CountAsync(r => r.ChairNotifiedAt != null)).ShouldBe(2);
        (await db.InboxItems.CountAsync(i => i.UserId == world.Chair.Id)).ShouldBe(2);
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.ReviewNotified).ToListAsync();
        audit.ShouldAllBe(e => e.UserId == null && e.UserName == "cli:tester" && e.Detail!.Contains($"recordedBy={world.Officer.Id}"));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task NotifyAsSystem_SeveralOfficers_NamedOneOrRefused(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        await new TestData(scope.Db(), new TestClock()).CreateUserAsync("second@nb.example", (Role.BusinessUnitOfficer, world.Board));
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();

        var problems = await reviews.CheckAsSystemAsync([Options(world.Board.Id)], null);
        problems.Single().ShouldBe(new NotificationProblem(0, "boardId", "The board has 2 business unit officers: say which one records the cases"));
        (await reviews.CheckAsSystemAsync([Options(world.Board.Id)], "chair@nb.example")).Single().Message
            .ShouldBe("chair@nb.example is not an active business unit officer of this board");
        var refused = await Should.ThrowAsync<RuleViolationException>(() => reviews.NotifyAsSystemAsync([Options(world.Board.Id)], Cli));
        refused.Problems.Single().Field.ShouldBe("[0].boardId");

        var saved = await reviews.NotifyAsSystemAsync([Options(world.Board.Id)], Cli, "SECOND@nb.example");
        saved.Single().CreatedById.ShouldNotBe(world.Officer.Id);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task NotifyAsSystem_DatabaseFailsOnTheLastCase_NothingSavedNothingSent(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var db = scope.Db();
        if (kind == DatabaseKind.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_last BEFORE INSERT ON reviews WHEN NEW."Summary" = 'Last'
                BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END;
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."Summary" = 'Last' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_last BEFORE INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION refuse_last();
                """);
        }
        var audit = await db.AuditEntries.CountAsync();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();

        await Should.ThrowAsync<DbUpdateException>(() => reviews.NotifyAsSystemAsync(
            [Options(world.Board.Id, "First", agencies: [world.Agency.Id]), Options(world.Board.Id, "Second"), Options(world.Board.Id, "Last")], Cli));

        db.ChangeTracker.Entries().ShouldBeEmpty();
        (await db.Reviews.CountAsync()).ShouldBe(0);
        (await db.InboxItems.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(audit);
        // The same service goes on working: what was queued for the failed import is gone.
        await db.Database.ExecuteSqlRawAsync(kind == DatabaseKind.Sqlite ? "DROP TRIGGER refuse_last" : "DROP TRIGGER refuse_last ON reviews");
        (await reviews.NotifyAsSystemAsync([Options(world.Board.Id, "Last")], Cli)).Single().Reference.ShouldBe("NORTHBRIDGE-2026-001");
        (await db.InboxItems.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task RecommendAsync_Form_StoresTheAnswersSetAndWarningTitles(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock());
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), new TestClock());
        var officer = await data.PrincipalAsync(world.Officer);
        var subGroup = await data.PrincipalAsync(world.SubGroup);
        var review = await scope.ServiceProvider.GetRequiredService<ReviewService>().NotifyAsync(Options(world.Board.Id), officer, Cli);
        scope.Db().ChangeTracker.Clear();
        var version = await scope.Db().Reviews.Where(r => r.Id == review.Id).Select(r => r.Version).SingleAsync();
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var answers = Answering.Baseline(CriteriaSet.Wt2006).Yes("8.5-child-died", "8.5-abuse-or-neglect-factor");

        var incomplete = await Should.ThrowAsync<RuleViolationException>(() => decisions.RecommendAsync(review.Id,
            Form(answers.Unanswered("8.5-child-died"), DecisionOutcome.DoNotInitiate), version, subGroup, Cli));
        incomplete.Problems.Single().Field.ShouldBe("answers.8.5-child-died");

        var result = await decisions.RecommendAsync(review.Id, Form(answers, DecisionOutcome.DoNotInitiate), version, subGroup, Cli);

        result.Evaluation.Prompt.ShouldBe(DecisionPrompt.MustHoldReview);
        result.Version.ShouldNotBe(version);
        scope.Db().ChangeTracker.Clear();
        var stored = await scope.Db().SubGroupRecommendations.SingleAsync(r => r.ReviewId == review.Id);
        stored.CriteriaSetId.ShouldBe("wt2006");
        CriteriaAnswers.FromJson(stored.Answers).ShouldBe(answers);
        stored.Warnings.Split('\n').ShouldContain("The guidance requires a serious case review");
        await Should.ThrowAsync<StaleEditException>(() => decisions.RecommendAsync(review.Id, Form(answers, DecisionOutcome.InitiateSeriousCaseReview),
            version, subGroup, Cli));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds.Available), MemberType = typeof(DatabaseKinds))]
    public async Task NotifyAsync_AgencyWithoutALead_ItsReviewAuthorsAreAskedToSecureRecords_ByTheRulesDueDate(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = CoreHost.Build(database, new TestClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));
        using var scope = services.CreateScope();
        var world = await BuildAsync(scope);
        var data = new TestData(scope.Db(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var health = await data.CreateAgencyAsync("health", AgencyType.HealthTrust, world.Board);
        var author = await data.CreateUserAsync("author@health.example", (Role.AgencyReviewAuthor, health));
        var lead = await data.CreateUserAsync("lead@csc.example", (Role.AgencyLead, world.Agency));
        var otherAuthor = await data.CreateUserAsync("author@csc.example", (Role.AgencyReviewAuthor, world.Agency));
        var officer = await data.PrincipalAsync(world.Officer);

        await scope.ServiceProvider.GetRequiredService<ReviewService>().NotifyAsync(
            Options(world.Board.Id, incident: new DateOnly(2026, 11, 18), agencies: [world.Agency.Id, health.Id]), officer, Cli);

        var db = scope.Db();
        var told = await db.InboxItems.Where(i => i.Title.StartsWith("Secure your records")).ToListAsync();
        told.Select(i => i.UserId).OrderBy(id => id).ShouldBe(new[] { author.Id, lead.Id }.OrderBy(id => id));
        told.ShouldNotContain(i => i.UserId == otherAuthor.Id);
        // Seven calendar days from the incident on 18 November.
        told.ShouldAllBe(i => i.Body!.Contains("send a short file review by 25 November 2026"));
    }
}
