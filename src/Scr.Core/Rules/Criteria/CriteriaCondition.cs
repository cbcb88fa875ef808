namespace Scr.Core.Rules.Criteria;

/// <summary>Three-valued truth: a condition can be met, not met, or undecided while answers are missing.</summary>
internal enum Truth
{
    False,
    Unknown,
    True,
}

/// <summary>
/// When a paragraph of the criteria is met, written in yes answers: <see cref="Yes"/>, <see cref="All"/> and
/// <see cref="Any"/>. A missing answer leaves the condition undecided unless the other answers settle it.
/// </summary>
public abstract class CriteriaCondition
{
    private protected CriteriaCondition()
    {
    }

    /// <summary>Met when the question is answered yes.</summary>
    public static CriteriaCondition Yes(string questionId) => new YesCondition(questionId);

    /// <summary>Met when every part is met.</summary>
    public static CriteriaCondition All(params CriteriaCondition[] parts) => new AllCondition(parts);

    /// <summary>Met when at least one part is met.</summary>
    public static CriteriaCondition Any(params CriteriaCondition[] parts) => new AnyCondition(parts);

    /// <summary>The questions the condition looks at.</summary>
    public abstract IEnumerable<string> QuestionIds { get; }

    internal abstract Truth Test(Func<string, Truth> answer);

    /// <summary>The questions whose yes answers make the condition met; call only when it is.</summary>
    internal abstract IEnumerable<string> Reasons(Func<string, Truth> answer);

    private sealed class YesCondition(string questionId) : CriteriaCondition
    {
        public override IEnumerable<string> QuestionIds => [questionId];

        internal override Truth Test(Func<string, Truth> answer) => answer(questionId);

        internal override IEnumerable<string> Reasons(Func<string, Truth> answer) => [questionId];
    }

    private sealed class AllCondition(CriteriaCondition[] parts) : CriteriaCondition
    {
        public override IEnumerable<string> QuestionIds => parts.SelectMany(p => p.QuestionIds);

        internal override Truth Test(Func<string, Truth> answer)
        {
            var results = parts.Select(p => p.Test(answer)).ToList();
            return results.Contains(Truth.False) ? Truth.False : results.Contains(Truth.Unknown) ? Truth.Unknown : Truth.True;
        }

        internal override IEnumerable<string> Reasons(Func<string, Truth> answer) => parts.SelectMany(p => p.Reasons(answer));
    }

    private sealed class AnyCondition(CriteriaCondition[] parts) : CriteriaCondition
    {
        public override IEnumerable<string> QuestionIds => parts.SelectMany(p => p.QuestionIds);

        internal override Truth Test(Func<string, Truth> answer)
        {
            var results = parts.Select(p => p.Test(answer)).ToList();
            return results.Contains(Truth.True) ? Truth.True : results.Contains(Truth.Unknown) ? Truth.Unknown : Truth.False;
        }

        internal override IEnumerable<string> Reasons(Func<string, Truth> answer) =>
            parts.Where(p => p.Test(answer) == Truth.True).SelectMany(p => p.Reasons(answer));
    }
}
