using System.Text;

namespace Scr.Core.Services.Demo;

/// <summary>
/// Fictional report text about safeguarding practice, made of sentences put together from word lists, for load tests and
/// benchmarks of the learning repository's search. The same seed gives the same reports in the same order.
/// </summary>
public sealed class DemoReportText(int seed)
{
    /// <summary>About how many characters a report has: a real one runs to many pages.</summary>
    public const int ReportLength = 20_000;

    private static readonly string[] Children =
        ["Baby", "Child", "Young person", "Sibling group", "Infant", "Teenager"];

    private static readonly string[] Themes =
        ["neglect over many years", "non-accidental injury", "domestic abuse and the unseen child", "exploitation and going missing",
         "parental mental health", "substance misuse in the home", "sudden unexpected death in infancy", "online harm",
         "a child with disabilities", "private fostering", "elective home education", "self-harm and suicide"];

    private static readonly string[] Agents =
        ["The health visitor", "The social worker", "The police officer", "The GP", "The midwife", "The school nurse",
         "The designated safeguarding lead", "The team manager", "The independent reviewing officer", "The family support worker",
         "The paediatrician", "The housing officer", "The probation officer", "The youth worker", "The children's centre",
         "The multi-agency safeguarding hub", "The child protection conference", "The core group", "The emergency department",
         "The mental health team"];

    private static readonly string[] Actions =
        ["did not share", "recorded", "escalated", "reviewed", "missed", "assessed", "discussed", "referred", "overlooked",
         "questioned", "minimised", "challenged", "followed up", "closed", "noted"];

    private static readonly string[] Concerns =
        ["the bruising on the baby's arm", "the mother's disclosure of domestic abuse", "the child's repeated absences from school",
         "the father's history of violence", "the concerns about neglect", "the state of the home", "the missed health appointments",
         "the young person's episodes of going missing", "the referral from the nursery", "the injuries seen in the emergency department",
         "the new partner living in the household", "the parents' use of alcohol", "the child's weight loss", "the unborn baby's needs",
         "the older sibling's worries", "the anonymous call from a neighbour", "the strategy discussion", "the child in need plan",
         "the adults seen with the young person", "the return home interview"];

    private static readonly string[] Circumstances =
        ["before the incident", "at the core group meeting", "without speaking to the child", "within the timescales of the procedures",
         "after the family moved into the area", "during a home visit", "when the case was transferred", "at the initial assessment",
         "without checking the records of other agencies", "in the weeks before the admission", "at the child protection conference",
         "over the school holidays", "while the case was held by the duty team", "despite the previous referrals",
         "once the child protection plan had ended"];

    private static readonly string[] Learning =
        ["records of a baby's injuries must move with the family", "every notification must name the children in the household",
         "chronic neglect needs a chronology shared across agencies", "the voice of the child must be heard and recorded",
         "professionals must be curious about adults who are not known", "escalation must be used when agencies disagree",
         "return interviews must be read together", "supervision must test the evidence of change",
         "fathers and partners must be assessed, not only mothers", "thresholds must be understood in the same way by all agencies",
         "health information must reach the school nurse and the health visitor", "disguised compliance must be recognised"];

    private readonly Random _random = new(seed);
    private int _number;

    /// <summary>The next report: a title and its text, paragraphs separated by blank lines.</summary>
    public (string Title, string Text) Next()
    {
        _number++;
        var child = $"{Pick(Children)} {(char)('A' + _number % 26)}{_number}";
        var title = $"{child}: {Pick(Themes)}";
        var text = new StringBuilder(ReportLength + 1_000);
        while (text.Length < ReportLength)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            var sentences = _random.Next(4, 9);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    text.Append(' ');
                }
                if (_random.Next(10) == 0)
                {
                    var learning = Pick(Learning);
                    text.Append("Learning: ").Append(learning);
                }
                else
                {
                    text.Append(Pick(Agents)).Append(' ').Append(Pick(Actions)).Append(' ').Append(Pick(Concerns)).Append(' ').Append(Pick(Circumstances));
                    if (_random.Next(4) == 0)
                    {
                        text.Append(", and ").Append(child).Append(" was not seen alone");
                    }
                }
                text.Append('.');
            }
        }
        return (title, text.ToString());
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];
}
