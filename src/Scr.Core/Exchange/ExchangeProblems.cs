using System.Globalization;
using System.Text;

namespace Scr.Core.Exchange;

/// <summary>What is wrong with an exchange file, and where: a JSON path such as <c>$.reviews[12].children[0].sex</c>.</summary>
public sealed record ExchangeProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The problems found in a file, in the order found: the first <see cref="Limit"/> in full, then only how many more. A file
/// with any problem is refused whole.
/// </summary>
public sealed class ExchangeProblems
{
    public const int DefaultLimit = 100;
    private readonly List<ExchangeProblem> _listed = [];

    public ExchangeProblems(int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Limit = limit;
    }

    public int Limit { get; }

    /// <summary>The problems kept in full: at most <see cref="Limit"/>.</summary>
    public IReadOnlyList<ExchangeProblem> Listed => _listed;

    /// <summary>Every problem found, listed or not.</summary>
    public int Count { get; private set; }

    /// <summary>The problems found beyond the limit.</summary>
    public int NotListed => Count - _listed.Count;

    public bool Any => Count > 0;

    public void Add(string path, string message)
    {
        if (_listed.Count < Limit)
        {
            _listed.Add(new ExchangeProblem(path, message));
        }
        Count++;
    }

    /// <summary>Forgets the problems found after the first <paramref name="count"/> (a part of the file to be read again).</summary>
    internal void TruncateTo(int count)
    {
        if (count < _listed.Count)
        {
            _listed.RemoveRange(count, _listed.Count - count);
        }
        Count = count;
    }

    /// <summary>Every listed problem on a line of its own, then "and N more" when some were not listed.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var problem in _listed)
        {
            yield return problem.ToString();
        }
        if (NotListed > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"and {NotListed:N0} more");
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, Lines());
}

/// <summary>A file refused because of its problems: nothing of it was used.</summary>
public sealed class ExchangeFileException(ExchangeProblems problems)
    : Exception(problems.Count == 1 ? "The exchange file has a problem." : $"The exchange file has {problems.Count:N0} problems.")
{
    public ExchangeProblems Problems { get; } = problems;
}

/// <summary>
/// Where the reader is in the file, kept as a stack of segments so that a path is only written out when there is a problem
/// to report.
/// </summary>
internal sealed class JsonPath
{
    private string?[] _names = new string?[16];
    private int[] _indexes = new int[16];

    public int Depth { get; private set; }

    public void Push(string name) => Push(name, -1);

    public void Push(int index) => Push(null, index);

    private void Push(string? name, int index)
    {
        if (Depth == _names.Length)
        {
            Array.Resize(ref _names, Depth * 2);
            Array.Resize(ref _indexes, Depth * 2);
        }
        _names[Depth] = name;
        _indexes[Depth] = index;
        Depth++;
    }

    public void Pop() => Depth--;

    public void PopTo(int depth) => Depth = depth;

    public string Current(string? field = null)
    {
        var text = new StringBuilder("$");
        for (var i = 0; i < Depth; i++)
        {
            if (_names[i] is { } name)
            {
                Append(text, name);
            }
            else
            {
                text.Append('[').Append(_indexes[i].ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }
        if (field is not null)
        {
            Append(text, field);
        }
        return text.ToString();
    }

    /// <summary>.name for a plain name, ['name'] for anything else.</summary>
    private static void Append(StringBuilder text, string name)
    {
        var plain = name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        if (plain)
        {
            text.Append('.').Append(name);
        }
        else
        {
            text.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }
}
