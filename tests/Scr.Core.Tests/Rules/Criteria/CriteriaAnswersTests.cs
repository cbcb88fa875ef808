using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;

namespace Scr.Core.Tests.Rules.Criteria;

public class CriteriaAnswersTests
{
    [Fact]
    public void ToJson_FlatObjectOfKebabCaseValuesInIdOrder() =>
        CriteriaAnswers.Of(("8.9-died-in-custody", YesNoNotKnown.NotKnown), ("8.5-child-died", YesNoNotKnown.Yes), ("8.6-serious-sexual-abuse", YesNoNotKnown.No))
            .ToJson().ShouldBe("""{"8.5-child-died":"yes","8.6-serious-sexual-abuse":"no","8.9-died-in-custody":"not-known"}""");

    [Fact]
    public void ToJson_NoAnswers_EmptyObject() => CriteriaAnswers.Empty.ToJson().ShouldBe("{}");

    public static TheoryData<string> SetIds => [.. CriteriaSet.All.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(SetIds))]
    public void FromJson_WhatToJsonWrote_SameAnswers(string setId)
    {
        var set = CriteriaSet.Find(setId)!;
        var answers = Answering.Baseline(set).NotKnown(set.Questions[1].Id).Yes(set.Questions[2].Id).Unanswered(set.Questions[3].Id);
        var read = CriteriaAnswers.FromJson(answers.ToJson());
        read.ShouldBe(answers);
        read.Count.ShouldBe(set.Questions.Count - 1);
        read.Find(set.Questions[1].Id).ShouldBe(YesNoNotKnown.NotKnown);
        read.Find(set.Questions[3].Id).ShouldBeNull();
    }

    [Fact]
    public void FromJson_WhitespaceAndAnyKeyOrder_Read() =>
        CriteriaAnswers.FromJson("""{ "b": "no", "a" : "yes" }""").ShouldBe(CriteriaAnswers.Of(("a", YesNoNotKnown.Yes), ("b", YesNoNotKnown.No)));

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"a":1}""")]
    [InlineData("""{"a":null}""")]
    [InlineData("""{"a":true}""")]
    [InlineData("""{"a":"Yes"}""")]
    [InlineData("""{"a":"not_known"}""")]
    [InlineData("""{"a":"maybe"}""")]
    [InlineData("""{"a":{"b":"yes"}}""")]
    [InlineData("""{"a":"yes","a":"no"}""")]
    public void FromJson_NotAFlatObjectOfAnswers_Refused(string json) =>
        Should.Throw<FormatException>(() => CriteriaAnswers.FromJson(json));

    [Theory]
    [InlineData(YesNoNotKnown.Yes, "yes")]
    [InlineData(YesNoNotKnown.No, "no")]
    [InlineData(YesNoNotKnown.NotKnown, "not-known")]
    public void ValueOf_EachAnswer_KebabCaseAndReadBack(YesNoNotKnown answer, string value)
    {
        CriteriaAnswers.ValueOf(answer).ShouldBe(value);
        CriteriaAnswers.TryParseValue(value, out var read).ShouldBeTrue();
        read.ShouldBe(answer);
        Labels.Of(answer).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_FormFields_BlankLeftUnanswered()
    {
        var answers = CriteriaAnswers.Parse([
            new("8.5-child-died", "yes"), new("8.5-abuse-or-neglect-factor", " not-known "), new("8.6-serious-sexual-abuse", ""),
            new("8.6-life-threatening-injury", null),
        ]);
        answers.ShouldBe(CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.Yes), ("8.5-abuse-or-neglect-factor", YesNoNotKnown.NotKnown)));
    }

    [Fact]
    public void Parse_ValueNotAnAnswer_Refused() =>
        Should.Throw<FormatException>(() => CriteriaAnswers.Parse([new("8.5-child-died", "perhaps")]));

    [Fact]
    public void With_LeavesTheOriginalUnchanged()
    {
        var before = CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.No));
        var after = before.With("8.5-child-died", YesNoNotKnown.Yes).With("8.9-died-in-custody", YesNoNotKnown.No);
        before.Find("8.5-child-died").ShouldBe(YesNoNotKnown.No);
        before.Count.ShouldBe(1);
        after.Find("8.5-child-died").ShouldBe(YesNoNotKnown.Yes);
        after.Without("8.9-died-in-custody").ShouldBe(CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.Yes)));
    }

    [Fact]
    public void Validate_NothingAnswered_EveryQuestionInFormOrder() =>
        CriteriaAnswers.Empty.Validate(CriteriaSet.Wt2006).ShouldBe(CriteriaSet.Wt2006.Questions.Select(q => q.Id));

    [Fact]
    public void Validate_SomeAnswered_TheRestInFormOrder()
    {
        var answers = Answering.Baseline(CriteriaSet.Wt2006).Unanswered("harm-recovered", "8.5-child-died", "8.9-risk-not-shared");
        answers.Validate(CriteriaSet.Wt2006).ShouldBe(["8.5-child-died", "8.9-risk-not-shared", "harm-recovered"]);
    }

    [Fact]
    public void Validate_AllAnsweredIncludingNotKnown_NothingMissing() =>
        Answering.Baseline(CriteriaSet.Wt2006).NotKnown("8.6-serious-sexual-abuse").Validate(CriteriaSet.Wt2006).ShouldBeEmpty();

    [Fact]
    public void Validate_UnknownId_Refused()
    {
        var answers = Answering.Baseline(CriteriaSet.Wt2006).Yes("8.7-lead-board");
        Should.Throw<RuleViolationException>(() => answers.Validate(CriteriaSet.Wt2006)).Messages.ShouldHaveSingleItem().ShouldContain("8.7-lead-board");
    }

    [Fact]
    public void Validate_IdOfAnotherSet_Refused() =>
        Should.Throw<RuleViolationException>(() => Answering.Baseline(CriteriaSet.Current).Validate(CriteriaSet.Wt2006));

    [Fact]
    public void Validate_AnswerNotOffered_Refused() =>
        Should.Throw<RuleViolationException>(() => CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.NotKnown)).Validate(CriteriaSet.Wt2006))
            .Messages.ShouldHaveSingleItem().ShouldContain("Has the child died?");
}
