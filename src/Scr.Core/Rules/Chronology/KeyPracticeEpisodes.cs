using Scr.Core.Models;

namespace Scr.Core.Rules.Chronology;

/// <summary>
/// The rules of key practice episodes (seed 000 stage 3: picked from the integrated chronology, and used later for the
/// findings): a title and why the episode matters are required, and it runs from one day to the same or a later one.
/// </summary>
public static class KeyPracticeEpisodes
{
    public const int MaxTitleLength = 200;
    public const int MaxWhyLength = 4000;

    /// <summary>What is wrong with an episode, by field (title, whyItMatters, to); empty when nothing is.</summary>
    public static IReadOnlyList<RuleProblem> Check(KeyPracticeEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(episode.Title))
        {
            problems.Add(new RuleProblem("title", "Enter a title for the key practice episode"));
        }
        else if (episode.Title.Trim().Length > MaxTitleLength)
        {
            problems.Add(new RuleProblem("title", $"The title must be {MaxTitleLength} characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(episode.WhyItMatters))
        {
            problems.Add(new RuleProblem("whyItMatters", "Say why the episode matters to the review"));
        }
        else if (episode.WhyItMatters.Trim().Length > MaxWhyLength)
        {
            problems.Add(new RuleProblem("whyItMatters", $"Why it matters must be {MaxWhyLength:N0} characters or fewer"));
        }
        if (episode.To < episode.From)
        {
            problems.Add(new RuleProblem("to", "The episode must end on or after the day it starts"));
        }
        return problems;
    }

    /// <summary>Whether an entry is in the episode: its date (the start of its period, for a month or year) is within it.</summary>
    public static bool Contains(KeyPracticeEpisode episode, ChronologyEntry entry) => entry.Date >= episode.From && entry.Date <= episode.To;

    /// <summary>The entries of the episode, in the order given.</summary>
    public static IEnumerable<ChronologyEntry> EntriesOf(KeyPracticeEpisode episode, IEnumerable<ChronologyEntry> entries) =>
        entries.Where(e => Contains(episode, e));

    /// <summary>An episode over the entries from <paramref name="first"/> to <paramref name="last"/> (in the chronology's order).</summary>
    public static KeyPracticeEpisode Between(ChronologyEntry first, ChronologyEntry last, string title, string whyItMatters) => new()
    {
        Title = title.Trim(),
        WhyItMatters = whyItMatters.Trim(),
        From = first.Date < last.Date ? first.Date : last.Date,
        To = first.When.End > last.When.End ? first.When.End : last.When.End,
    };
}
