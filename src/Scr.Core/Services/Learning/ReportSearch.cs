using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;

namespace Scr.Core.Services.Learning;

/// <summary>A report matching a search, with how well it matches: higher is better.</summary>
public sealed class ScoredReport
{
    public int Id { get; init; }
    public double Score { get; init; }
}

/// <summary>
/// The full-text search of published reports: the only code that differs between the two databases (decision 0017).
/// SQLite: the external-content FTS5 table <c>published_reports_search</c>, ranked by bm25 with the title weighted ten times
/// the text. PostgreSQL: the generated tsvector column <c>"Search"</c> (title weight A, text B) with its GIN index, queried
/// with websearch_to_tsquery and ranked by ts_rank_cd. Both stem English words (porter / 'english').
/// </summary>
public static partial class ReportSearch
{
    /// <summary>Put around matched words by the database, then made segments: control characters never occur in a report's text.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    /// <summary>The SQLite tables of the index (the FTS5 table and its shadow tables), which a reset of the data must leave alone.</summary>
    public static readonly string[] SqliteIndexTables =
        ["published_reports_search", "published_reports_search_data", "published_reports_search_idx",
         "published_reports_search_docsize", "published_reports_search_config"];

    /// <summary>Reports matching the words, with their scores; a query of no words matches nothing.</summary>
    public static IQueryable<ScoredReport> Matching(ScrDbContext db, string words)
    {
        if (db.IsPostgres)
        {
            return db.Database.SqlQuery<ScoredReport>($"""
                SELECT r."Id" AS "Id", ts_rank_cd(r."Search", websearch_to_tsquery('english', {words}))::double precision AS "Score"
                FROM published_reports r WHERE r."Search" @@ websearch_to_tsquery('english', {words})
                """);
        }
        var match = Fts5Query(words);
        return db.Database.SqlQuery<ScoredReport>($"""
            SELECT rowid AS "Id", -bm25(published_reports_search, 10.0, 1.0) AS "Score"
            FROM published_reports_search WHERE published_reports_search MATCH {match}
            """);
    }

    /// <summary>
    /// The best passage of each report's text for the words, matched words marked, on a connection of its own (the caller's
    /// goes on with other work meanwhile). Finding a passage reads the report's whole text into words (a page of twenty took
    /// as long as the search itself, decision 0017): SQLite does that work in this process, so there the reports are shared
    /// out over this machine's processors, each share on its own connection, side by side. PostgreSQL does it on the database
    /// server, whose processors and connections many instances share: one connection there.
    /// </summary>
    public static async Task<Dictionary<int, string>> SnippetsAsync(ScrDbContext db, string words, IReadOnlyList<int> ids,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var connection = db.Database.GetDbConnection();
        var factory = DbProviderFactories.GetFactory(connection) ?? throw new InvalidOperationException("The database has no provider factory.");
        var connectionString = db.Database.GetConnectionString() ?? connection.ConnectionString;
        var postgres = db.IsPostgres;
        var connections = postgres ? 1 : SnippetConnections;
        var share = (ids.Count + connections - 1) / connections;
        var parts = await Task.WhenAll(ids.Chunk(share).Select(part =>
            Task.Run(() => SnippetsOfAsync(factory, connectionString, postgres, words, part, cancellationToken), cancellationToken)));
        return parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>At most this many SQLite connections make one page's passages: two processors were what the benchmark's machine had.</summary>
    private static readonly int SnippetConnections = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private static async Task<List<KeyValuePair<int, string>>> SnippetsOfAsync(DbProviderFactory factory, string connectionString,
        bool postgres, string words, int[] ids, CancellationToken cancellationToken)
    {
        await using var connection = factory.CreateConnection() ?? throw new InvalidOperationException("The database provider made no connection.");
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? """
              SELECT r."Id", ts_headline('english', r."Text", websearch_to_tsquery('english', @words),
                  'MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … ", StartSel=' || @start || ', StopSel=' || @end)
              FROM published_reports r WHERE r."Id" = ANY(@ids)
              """
            : """
              SELECT rowid, snippet(published_reports_search, 1, @start, @end, '…', 40)
              FROM published_reports_search WHERE published_reports_search MATCH @words
              AND rowid IN (SELECT value FROM json_each(@ids))
              """;
        Add(command, "words", postgres ? words : Fts5Query(words));
        Add(command, "start", MarkStart.ToString());
        Add(command, "end", MarkEnd.ToString());
        Add(command, "ids", postgres ? ids : JsonSerializer.Serialize(ids));
        var snippets = new List<KeyValuePair<int, string>>(ids.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snippets.Add(new(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
        }
        return snippets;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The person's words as an FTS5 query meaning what websearch_to_tsquery makes of them on PostgreSQL: every word (or
    /// "quoted phrase") must match, <c>or</c> between two allows either, and nothing the person types is read as FTS5 syntax.
    /// </summary>
    public static string Fts5Query(string words)
    {
        var query = new StringBuilder();
        var or = false;
        foreach (Match token in Tokens().Matches(words))
        {
            var phrase = token.Groups["phrase"].Success ? token.Groups["phrase"].Value : token.Value;
            var terms = Words().Matches(phrase).Select(m => m.Value).ToList();
            if (terms.Count == 0)
            {
                continue;
            }
            if (!token.Groups["phrase"].Success && terms is [var only] && only.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                or = query.Length > 0;
                continue;
            }
            if (query.Length > 0)
            {
                query.Append(or ? " OR " : " AND ");
            }
            query.Append('"').Append(string.Join(' ', terms)).Append('"');
            or = false;
        }
        // A query of no words: a phrase of nothing, which FTS5 accepts and matches to no report.
        return query.Length > 0 ? query.ToString() : "\"\"";
    }

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|[^\\s\"]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
