using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Scr.Core.Models;

namespace Scr.Core.Rules.Criteria;

/// <summary>
/// The sub-group's answers to the criteria questions: an immutable map from question id to answer. Stored as a flat
/// JSON object, <c>{"8.5-child-died":"yes","8.6-serious-sexual-abuse":"not-known"}</c>, with the values yes, no
/// and not-known. "Not known" is an answer; a question with no entry is unanswered.
/// </summary>
public sealed class CriteriaAnswers : IReadOnlyDictionary<string, YesNoNotKnown>, IEquatable<CriteriaAnswers>
{
    private readonly ImmutableSortedDictionary<string, YesNoNotKnown> _answers;

    private CriteriaAnswers(ImmutableSortedDictionary<string, YesNoNotKnown> answers) => _answers = answers;

    /// <summary>No answers yet.</summary>
    public static CriteriaAnswers Empty { get; } = new(ImmutableSortedDictionary.Create<string, YesNoNotKnown>(StringComparer.Ordinal));

    /// <summary>Answers from pairs of question id and answer; a later pair for the same id wins.</summary>
    public static CriteriaAnswers Of(IEnumerable<KeyValuePair<string, YesNoNotKnown>> answers) =>
        answers.Aggregate(Empty, (all, a) => all.With(a.Key, a.Value));

    /// <summary>Answers from (question id, answer) pairs: <c>CriteriaAnswers.Of(("8.5-child-died", YesNoNotKnown.Yes))</c>.</summary>
    public static CriteriaAnswers Of(params (string Id, YesNoNotKnown Answer)[] answers) =>
        answers.Aggregate(Empty, (all, a) => all.With(a.Id, a.Answer));

    /// <summary>These answers with one more, or one changed.</summary>
    public CriteriaAnswers With(string questionId, YesNoNotKnown answer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(questionId);
        return new(_answers.SetItem(questionId, answer));
    }

    /// <summary>These answers with one question left unanswered.</summary>
    public CriteriaAnswers Without(string questionId) => new(_answers.Remove(questionId));

    /// <summary>The answer to a question, or null when it is unanswered.</summary>
    public YesNoNotKnown? Find(string questionId) => _answers.TryGetValue(questionId, out var answer) ? answer : null;

    /// <summary>The form value of an answer: "yes", "no" or "not-known" (also the stored JSON value).</summary>
    public static string ValueOf(YesNoNotKnown answer) => answer switch
    {
        YesNoNotKnown.Yes => "yes",
        YesNoNotKnown.No => "no",
        YesNoNotKnown.NotKnown => "not-known",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    /// <summary>Reads a form or stored value ("yes", "no", "not-known"); false for anything else.</summary>
    public static bool TryParseValue([NotNullWhen(true)] string? value, out YesNoNotKnown answer)
    {
        switch (value)
        {
            case "yes":
                answer = YesNoNotKnown.Yes;
                return true;
            case "no":
                answer = YesNoNotKnown.No;
                return true;
            case "not-known":
                answer = YesNoNotKnown.NotKnown;
                return true;
            default:
                answer = default;
                return false;
        }
    }

    /// <summary>
    /// Answers from posted form fields (question id → "yes", "no" or "not-known"). Blank values are unanswered
    /// questions; any other value is refused with a <see cref="FormatException"/>.
    /// </summary>
    public static CriteriaAnswers Parse(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var answers = Empty;
        foreach (var (id, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (!TryParseValue(value.Trim(), out var answer))
            {
                throw new FormatException($"“{value}” is not an answer to {id}: use yes, no or not-known.");
            }
            answers = answers.With(id, answer);
        }
        return answers;
    }

    /// <summary>The answers as a flat JSON object, keys in ordinal order, for storing as text.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (id, answer) in _answers)
            {
                writer.WriteString(id, ValueOf(answer));
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads answers written by <see cref="ToJson"/>. Refuses, with a <see cref="FormatException"/>, anything but a flat
    /// object of yes / no / not-known strings, and an id given twice.
    /// </summary>
    public static CriteriaAnswers FromJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("Criteria answers are not valid JSON.", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Criteria answers must be a JSON object of question ids and answers.");
            }
            var answers = Empty;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (!TryParseValue(value, out var answer))
                {
                    throw new FormatException($"The answer to {property.Name} must be \"yes\", \"no\" or \"not-known\", not {property.Value.GetRawText()}.");
                }
                if (answers.ContainsKey(property.Name))
                {
                    throw new FormatException($"{property.Name} is answered twice.");
                }
                answers = answers.With(property.Name, answer);
            }
            return answers;
        }
    }

    /// <summary>
    /// Checks the answers against a set. Returns the ids of the questions still unanswered, in form order (every
    /// question must be answered; "not known" counts as an answer), so the form can show an error against each.
    /// Refuses with a <see cref="RuleViolationException"/> an id the set does not ask, or an answer the question does
    /// not offer.
    /// </summary>
    public IReadOnlyList<string> Validate(CriteriaSet set)
    {
        var problems = new List<string>();
        foreach (var (id, answer) in _answers)
        {
            var question = set.Question(id);
            if (question is null)
            {
                problems.Add($"“{id}” is not a question of {set.Title}.");
            }
            else if (!question.Options.Contains(answer))
            {
                problems.Add($"“{Labels.Of(answer)}” is not one of the answers to “{question.Text}”.");
            }
        }
        if (problems.Count > 0)
        {
            throw new RuleViolationException(problems);
        }
        return set.Questions.Where(q => !_answers.ContainsKey(q.Id)).Select(q => q.Id).ToList();
    }

    public YesNoNotKnown this[string key] => _answers[key];
    public IEnumerable<string> Keys => _answers.Keys;
    public IEnumerable<YesNoNotKnown> Values => _answers.Values;
    public int Count => _answers.Count;
    public bool ContainsKey(string key) => _answers.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out YesNoNotKnown value) => _answers.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, YesNoNotKnown>> GetEnumerator() => _answers.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(CriteriaAnswers? other) => other is not null && Count == other.Count && _answers.All(a => other.Find(a.Key) == a.Value);
    public override bool Equals(object? obj) => Equals(obj as CriteriaAnswers);
    public override int GetHashCode() => _answers.Aggregate(0, (hash, a) => HashCode.Combine(hash, a.Key, a.Value));
    public override string ToString() => ToJson();
}
