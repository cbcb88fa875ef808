using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;

namespace Scr.Core.Tests.Rules.Timescales;

public class ParallelProcessRulesTests
{
    private static readonly Guid By = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ParallelProcess Trial(DateOnly? hearing = null, DateOnly? expectedEnd = null, DateOnly? ended = null) =>
        new(new ParallelProcessDetails(ParallelProcessKind.CriminalProceedings, "Crown Court trial", new DateOnly(2026, 10, 1),
            hearing ?? new DateOnly(2027, 2, 1), expectedEnd ?? new DateOnly(2027, 2, 12), ended, "A lawyer", "CPS", null), By, Now);

    private static ConstraintDetails Interviews(DateOnly? starts = null) =>
        new(ConstrainedActivity.Interviews, "No interviews of witnesses before the trial ends", starts, ConstraintEnd.ProcessEnds, null);

    [Fact]
    public void UntilTheProcessEnds_InForceUntilTheDayItEnds()
    {
        var trial = Trial();
        var interviews = trial.AddConstraint(Interviews(), By, Now);

        ParallelProcessRules.IsInForce(trial, interviews, new DateOnly(2020, 1, 1)).ShouldBeTrue("no start date: in force from the start");
        ParallelProcessRules.IsInForce(trial, interviews, new DateOnly(2030, 1, 1)).ShouldBeTrue("not ended: in force whatever the expected end");

        trial.Change(new ParallelProcessDetails(trial.Kind, trial.Description, trial.StartedOn, trial.HearingOn, trial.ExpectedEndOn,
            new DateOnly(2027, 2, 10), null, null, null), By, Now);

        ParallelProcessRules.IsInForce(trial, interviews, new DateOnly(2027, 2, 9)).ShouldBeTrue();
        ParallelProcessRules.IsInForce(trial, interviews, new DateOnly(2027, 2, 10)).ShouldBeFalse("lifted the day the trial ends");
        ParallelProcessRules.LiftsOn(trial, interviews).ShouldBe((new DateOnly(2027, 2, 10), false));
    }

    [Fact]
    public void FromADate_UntilADate_BothDaysIncluded()
    {
        var trial = Trial();
        var publication = trial.AddConstraint(new ConstraintDetails(ConstrainedActivity.Publication, "No publication before the inquest",
            new DateOnly(2027, 1, 1), ConstraintEnd.Date, new DateOnly(2027, 3, 31)), By, Now);

        ParallelProcessRules.IsInForce(trial, publication, new DateOnly(2026, 12, 31)).ShouldBeFalse();
        ParallelProcessRules.IsInForce(trial, publication, new DateOnly(2027, 1, 1)).ShouldBeTrue();
        ParallelProcessRules.IsInForce(trial, publication, new DateOnly(2027, 3, 31)).ShouldBeTrue();
        ParallelProcessRules.IsInForce(trial, publication, new DateOnly(2027, 4, 1)).ShouldBeFalse();
        ParallelProcessRules.LiftsOn(trial, publication).ShouldBe((new DateOnly(2027, 4, 1), false));
        Labels.Period(trial, publication).ShouldBe("From 1 January 2027 until 31 March 2027");
    }

    [Fact]
    public void InForce_ForAnActivity_OnlyThatActivity_AcrossProcesses()
    {
        var trial = Trial();
        trial.AddConstraint(Interviews(), By, Now);
        trial.AddConstraint(new ConstraintDetails(ConstrainedActivity.Publication, "No publication before the verdict", null, ConstraintEnd.ProcessEnds, null), By, Now);
        var police = new ParallelProcess(new ParallelProcessDetails(ParallelProcessKind.PoliceInvestigation, null, new DateOnly(2026, 9, 1), null, null, null,
            "DI Example", "SIO", null), By, Now.AddMinutes(1));
        police.AddConstraint(new ConstraintDetails(ConstrainedActivity.FamilyContact, "No contact with the family without the SIO's agreement", null,
            ConstraintEnd.ProcessEnds, null), By, Now);
        police.AddConstraint(new ConstraintDetails(ConstrainedActivity.Interviews, "No interviews of the officers involved", null, ConstraintEnd.Date,
            new DateOnly(2026, 12, 31)), By, Now);

        var interviews = ParallelProcessRules.InForce([police, trial], new DateOnly(2026, 12, 1), ConstrainedActivity.Interviews);

        interviews.Select(c => c.Constraint.Description).ShouldBe(["No interviews of witnesses before the trial ends", "No interviews of the officers involved"]);
        interviews[0].Process.ShouldBe(trial);
        ParallelProcessRules.InForce([police, trial], new DateOnly(2027, 1, 1), ConstrainedActivity.Interviews).Single().Process.ShouldBe(trial);
        ParallelProcessRules.InForce([police, trial], new DateOnly(2026, 12, 1), ConstrainedActivity.FamilyContact).Single().Process.ShouldBe(police);
        ParallelProcessRules.InForce([police, trial], new DateOnly(2026, 12, 1), ConstrainedActivity.SharingDraft).ShouldBeEmpty();
        ParallelProcessRules.InForce([police, trial], new DateOnly(2026, 12, 1)).Count.ShouldBe(4);
    }

    [Fact]
    public void Period_InWords_WithTheExpectedEnd()
    {
        var trial = Trial();
        var interviews = trial.AddConstraint(Interviews(new DateOnly(2026, 11, 1)), By, Now);

        Labels.Period(trial, interviews).ShouldBe("From 1 November 2026 until the process ends (expected 12 February 2027)");
        ParallelProcessRules.LiftsOn(trial, interviews).ShouldBe((new DateOnly(2027, 2, 13), true));
    }

    [Fact]
    public void Constraint_RemovedAndChanged_ThroughTheProcess()
    {
        var trial = Trial();
        var interviews = trial.AddConstraint(Interviews(), By, Now);
        trial.ChangeConstraint(interviews.Id, new ConstraintDetails(ConstrainedActivity.Interviews, "Changed", null, ConstraintEnd.Date, new DateOnly(2027, 1, 1)),
            By, Now.AddDays(1));

        interviews.Description.ShouldBe("Changed");
        interviews.EndsOn.ShouldBe(new DateOnly(2027, 1, 1));
        trial.UpdatedAt.ShouldBe(Now.AddDays(1));
        trial.RemoveConstraint(interviews.Id, By, Now.AddDays(2));
        trial.Constraints.ShouldBeEmpty();
        Should.Throw<Scr.Core.Services.NotFoundException>(() => trial.Constraint(interviews.Id));
    }

    [Fact]
    public void CheckProcess_Valid()
    {
        var (details, problems) = ParallelProcessRules.Check(new ParallelProcessInput(ParallelProcessKind.CoronersInquest, " Inquest ", new DateOnly(2026, 10, 1),
            new DateOnly(2027, 3, 1), null, null, null, null, null), Today);

        problems.ShouldBeEmpty();
        details!.Kind.ShouldBe(ParallelProcessKind.CoronersInquest);
    }

    [Fact]
    public void CheckProcess_EachProblemNamesItsField()
    {
        var (details, problems) = ParallelProcessRules.Check(new ParallelProcessInput(null, new string('x', 301), new DateOnly(2026, 10, 1),
            new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2), new DateOnly(2026, 11, 24), null, new string('r', 201), new string('n', 4001)), Today);

        details.ShouldBeNull();
        problems.Select(p => p.Field).ShouldBe(["kind", "description", "contactRole", "notes", "hearingOn", "expectedEndOn", "endedOn"]);
        problems.Single(p => p.Field == "description").Message.ShouldBe("The description must be 300 characters or fewer");
        problems.Single(p => p.Field == "endedOn").Message.ShouldBe("The date it ended must be today or in the past");
    }

    [Fact]
    public void CheckProcess_PoliceInvestigation_NamesTheSio()
    {
        var (_, problems) = ParallelProcessRules.Check(new ParallelProcessInput(ParallelProcessKind.PoliceInvestigation, null, null, null, null, null, " ",
            "SIO", null), Today);

        problems.Single().ShouldBe(new RuleProblem("contactName", "Enter the name of the senior investigating officer (SIO)"));
    }

    [Fact]
    public void CheckConstraint_NeedsActivityDescriptionAndEnd_WithPrefix()
    {
        var (_, problems) = ParallelProcessRules.Check(new ConstraintInput(null, " ", null, null, null), "constraints[1].");
        problems.Select(p => p.Field).ShouldBe(["constraints[1].activity", "constraints[1].description", "constraints[1].until"]);

        var (_, dated) = ParallelProcessRules.Check(new ConstraintInput(ConstrainedActivity.Publication, "x", new DateOnly(2027, 2, 1), ConstraintEnd.Date, null));
        dated.Single().ShouldBe(new RuleProblem("endsOn", "Enter the last day the constraint applies"));
        var (_, backwards) = ParallelProcessRules.Check(new ConstraintInput(ConstrainedActivity.Publication, "x", new DateOnly(2027, 2, 1), ConstraintEnd.Date,
            new DateOnly(2027, 1, 31)));
        backwards.Single().Message.ShouldBe("The last day must be on or after the first day");

        var (details, none) = ParallelProcessRules.Check(new ConstraintInput(ConstrainedActivity.Publication, " x ", null, ConstraintEnd.ProcessEnds,
            new DateOnly(2027, 1, 31)));
        none.ShouldBeEmpty();
        details!.EndsOn.ShouldBeNull("a date is kept only for a constraint that ends on one");
        details.Description.ShouldBe("x");
    }

    [Fact]
    public void Conflicts_ConstraintStillInForceOnTheMilestonesDate_ForWhatItNeeds()
    {
        var review = MilestonesTests.Decided(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var inquest = review.AddParallelProcess(new ParallelProcessDetails(ParallelProcessKind.CoronersInquest, null, null, new DateOnly(2027, 7, 1),
            new DateOnly(2027, 7, 3), null, null, null, null), By, Now);
        review.AddConstraint(inquest.Id, new ConstraintDetails(ConstrainedActivity.SharingDraft, "Not before the inquest", null, ConstraintEnd.ProcessEnds, null),
            By, Now);
        review.AddConstraint(inquest.Id, new ConstraintDetails(ConstrainedActivity.Interviews, "No interviews", null, ConstraintEnd.ProcessEnds, null), By, Now);
        var milestones = Milestones.For(review, MilestonesTests.Calendar);

        var conflicts = MilestoneConflicts.Of(milestones, review.ParallelProcesses);

        conflicts.Single().Milestone.Kind.ShouldBe(DeadlineKind.DraftToBoard);
        conflicts.Single().Constraint.Constraint.Activity.ShouldBe(ConstrainedActivity.SharingDraft);

        review.RecordMilestone(DeadlineKind.DraftToBoard, new DateOnly(2026, 12, 1), null, By, Now);
        MilestoneConflicts.Of(Milestones.For(review, MilestonesTests.Calendar), review.ParallelProcesses).ShouldBeEmpty("done: nothing to warn of");
    }
}
