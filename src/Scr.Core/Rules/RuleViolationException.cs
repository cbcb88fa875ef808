namespace Scr.Core.Rules;

/// <summary>
/// One thing the rules refuse: the message to show, and the field it is about (the API's camel-case name, such as
/// "knownToBoardOn" or "children[0].name"), or null when it is about the request as a whole.
/// </summary>
public sealed record RuleProblem(string? Field, string Message);

/// <summary>A request that the rules refuse, with messages fit to show the person who made it.</summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string message)
        : this([message])
    {
    }

    public RuleViolationException(IReadOnlyList<string> messages)
        : this(messages.Select(m => new RuleProblem(null, m)).ToList())
    {
    }

    /// <summary>Refuses with problems that name the fields they are about, so a form or the API can show each against its field.</summary>
    public RuleViolationException(IReadOnlyList<RuleProblem> problems)
        : base(string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
        Messages = problems.Select(p => p.Message).ToList();
    }

    public IReadOnlyList<string> Messages { get; }

    /// <summary>The messages with the field each is about (null for the request as a whole).</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    /// <summary>Throws when there is anything to refuse.</summary>
    public static void ThrowIfAny(IReadOnlyList<RuleProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RuleViolationException(problems);
        }
    }
}
