namespace Scr.Core.Rules;

/// <summary>A request that the rules refuse, with messages fit to show the person who made it.</summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string message)
        : this([message])
    {
    }

    public RuleViolationException(IReadOnlyList<string> messages)
        : base(string.Join(" ", messages))
    {
        Messages = messages;
    }

    public IReadOnlyList<string> Messages { get; }
}
