using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using static Scr.Core.Tests.Rules.Chronology.Entries;

namespace Scr.Core.Tests.Rules.Chronology;

public class KeyPracticeEpisodesTests
{
    [Fact]
    public void Check_TitleAndWhyRequired_EndNotBeforeStart()
    {
        var problems = KeyPracticeEpisodes.Check(new KeyPracticeEpisode
        {
            Title = " ",
            WhyItMatters = "",
            From = new DateOnly(2003, 3, 10),
            To = new DateOnly(2003, 3, 1),
        });

        problems.Select(p => p.Field).ShouldBe(["title", "whyItMatters", "to"]);
        KeyPracticeEpisodes.Check(new KeyPracticeEpisode { Title = new string('x', 201), WhyItMatters = "Why", From = new DateOnly(2003, 3, 1), To = new DateOnly(2003, 3, 1) })
            .ShouldHaveSingleItem().Message.ShouldBe("The title must be 200 characters or fewer");
    }

    [Fact]
    public void Between_TwoEntries_HoldsThoseFromTheFirstToTheLast()
    {
        var entries = ChronologyMerge.Sort(
        [
            E("01/03/2003", "Police", 2),
            E("05/03/2003", "Health", 2),
            E("Mar 2003", "School", 2),
            E("10/03/2003 16:00", "Police", 3),
            E("11/03/2003", "Health", 3),
        ]);

        var episode = KeyPracticeEpisodes.Between(entries[1], entries[3], " The referral not acted on ", "Nobody followed up the school's concern.");

        KeyPracticeEpisodes.Check(episode).ShouldBeEmpty();
        episode.Title.ShouldBe("The referral not acted on");
        (episode.From, episode.To).ShouldBe((new DateOnly(2003, 3, 1), new DateOnly(2003, 3, 10)));
        KeyPracticeEpisodes.EntriesOf(episode, entries).Select(Key).ShouldBe(["School row 2", "Police row 2", "Health row 2", "Police row 3"]);
    }
}
