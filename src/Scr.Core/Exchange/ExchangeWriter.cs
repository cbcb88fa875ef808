using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scr.Core.Models;

namespace Scr.Core.Exchange;

/// <summary>
/// Writes an exchange file (<c>scr-exchange/1</c>) a review at a time: the format, the boards, then the reviews, flushing
/// to the stream as it goes, so a file of any size is written in a small, fixed amount of memory. What
/// <see cref="ExchangeReader"/> reads back from it equals what was written. A value not known is written "not-known"
/// where the format names that value, and left out elsewhere.
/// </summary>
public sealed class ExchangeWriter : IDisposable, IAsyncDisposable
{
    private const int FlushAt = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private bool _completed;

    /// <summary>Starts the file: the format and the boards, then opens the list of reviews.</summary>
    public ExchangeWriter(Stream stream, IEnumerable<ExchangeBoard> boards, bool indented = false, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            // A file, never a web page: write text as it is (apostrophes, accents) rather than \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
        _json.WriteStartObject();
        _json.WriteString("format"u8, ExchangeReader.Format);
        _json.WriteStartArray("boards"u8);
        foreach (var board in boards)
        {
            _json.WriteStartObject();
            _json.WriteString("id"u8, board.Id);
            if (board.Name is not null)
            {
                _json.WriteString("name"u8, board.Name);
            }
            _json.WriteString("region"u8, ExchangeNames.Region.Utf8Name(board.Region));
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteStartArray("reviews"u8);
    }

    /// <summary>Writes a whole file.</summary>
    public static void Write(Stream stream, IEnumerable<ExchangeBoard> boards, IEnumerable<ExchangeReview> reviews, bool indented = false)
    {
        using var writer = new ExchangeWriter(stream, boards, indented, leaveOpen: true);
        foreach (var review in reviews)
        {
            writer.Write(review);
        }
        writer.Complete();
    }

    public void Write(ExchangeReview review)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var json = _json;
        json.WriteStartObject();
        json.WriteString("reference"u8, review.Reference);
        json.WriteString("board"u8, review.Board);
        json.WriteString("kind"u8, ExchangeNames.Kind.Utf8Name(review.Kind));
        json.WriteString("guidance"u8, ExchangeNames.Guidance.Utf8Name(review.Guidance));
        if (review.Incident is { } incident)
        {
            json.WriteStartObject("incident"u8);
            json.WriteString("type"u8, ExchangeNames.Incident.Utf8Name(incident.Type));
            Date("date"u8, incident.Date);
            Date("notifiedToBoard"u8, incident.NotifiedToBoard);
            json.WriteEndObject();
        }
        json.WriteStartArray("children"u8);
        foreach (var child in review.Children)
        {
            json.WriteStartObject();
            if (child.AgeAtIncidentMonths is { } age)
            {
                json.WriteNumber("ageAtIncidentMonths"u8, age);
            }
            else
            {
                json.WriteString("ageAtIncidentMonths"u8, ExchangeNames.NotKnown);
            }
            if (child.Harm is { } harm)
            {
                json.WriteString("harm"u8, ExchangeNames.Incident.Utf8Name(harm));
            }
            json.WriteString("sex"u8, ExchangeNames.Sex.Utf8Name(child.Sex));
            json.WriteString("ethnicity"u8, ExchangeNames.Ethnicity.Utf8Name(child.Ethnicity));
            json.WriteString("disability"u8, ExchangeNames.YesNo.Utf8Name(child.Disability));
            json.WriteString("childProtectionPlan"u8, ExchangeNames.ChildProtectionPlan.Utf8Name(child.ChildProtectionPlan));
            json.WriteString("legalStatus"u8, ExchangeNames.LegalStatus.Utf8Name(child.LegalStatus));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("parentsEthnicity"u8, ExchangeNames.Ethnicity.Utf8Name(review.ParentsEthnicity));
        json.WriteStartArray("themes"u8);
        foreach (var theme in review.Themes)
        {
            json.WriteStringValue(ExchangeNames.Theme.Utf8Name(theme));
        }
        json.WriteEndArray();
        if (review.Decision is { } decision)
        {
            WriteDecision(decision);
        }
        if (review.Report is { } report)
        {
            WriteReport(report);
        }
        json.WriteBoolean("recommendationsKnown"u8, review.RecommendationsKnown);
        json.WriteStartArray("recommendations"u8);
        foreach (var recommendation in review.Recommendations)
        {
            json.WriteStartObject();
            Number("number"u8, recommendation.Number);
            Text("text"u8, recommendation.Text);
            Text("addressedTo"u8, recommendation.AddressedTo);
            json.WriteString("focus"u8, ExchangeNames.Focus.Utf8Name(recommendation.Focus));
            Text("desiredOutcome"u8, recommendation.DesiredOutcome);
            Text("measure"u8, recommendation.Measure);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (review.ActionPlan is { } plan)
        {
            WriteActionPlan(plan);
        }
        json.WriteEndObject();
        if (json.BytesPending >= FlushAt)
        {
            json.Flush();
        }
    }

    /// <summary>Closes the list of reviews and the file, and flushes.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _completed = true;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        _completed = true;
    }

    public void Dispose()
    {
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync();
        }
    }

    private void WriteDecision(ExchangeDecision decision)
    {
        var json = _json;
        json.WriteStartObject("decision"u8);
        json.WriteString("outcome"u8, ExchangeNames.Outcome.Utf8Name(decision.Outcome));
        Date("decidedOn"u8, decision.DecidedOn);
        Text("rationale"u8, decision.Rationale);
        Date("reportedToPanelOn"u8, decision.ReportedToPanelOn);
        if (decision.Panel is { } panel)
        {
            json.WriteStartObject("panel"u8);
            if (panel.Response is { } response)
            {
                json.WriteString("response"u8, ExchangeNames.PanelResponse.Utf8Name(response));
            }
            if (panel.ChallengeOutcome is { } outcome)
            {
                json.WriteString("challengeOutcome"u8, ExchangeNames.ChallengeOutcome.Utf8Name(outcome));
            }
            else
            {
                json.WriteNull("challengeOutcome"u8);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private void WriteReport(ExchangeReport report)
    {
        var json = _json;
        json.WriteStartObject("report"u8);
        DateOrNotKnown("completedOn"u8, report.CompletedOn);
        json.WriteString("authorStatus"u8, ExchangeNames.AuthorStatus.Utf8Name(report.AuthorStatus));
        if (report.Pages is { } pages)
        {
            json.WriteNumber("pages"u8, pages);
        }
        else
        {
            json.WriteString("pages"u8, ExchangeNames.NotKnown);
        }
        if (report.Outline is { } outline)
        {
            json.WriteStartObject("outline"u8);
            foreach (var item in Enum.GetValues<OutlineItem>())
            {
                json.WriteString(ExchangeNames.OutlineItem.Utf8Name(item), ExchangeNames.OutlineAnswer.Utf8Name(outline[item]));
            }
            json.WriteEndObject();
        }
        if (report.Publication is { } publication)
        {
            json.WriteStartObject("publication"u8);
            json.WriteString("decision"u8, ExchangeNames.Publication.Utf8Name(publication.Decision));
            Date("sentToPanelOn"u8, publication.SentToPanelOn);
            if (publication.PanelResponse is { } response)
            {
                json.WriteStartObject("panel"u8);
                json.WriteString("response"u8, ExchangeNames.PublicationResponse.Utf8Name(response));
                json.WriteEndObject();
            }
            Date("publishedOn"u8, publication.PublishedOn);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private void WriteActionPlan(ExchangeActionPlan plan)
    {
        var json = _json;
        json.WriteStartObject("actionPlan"u8);
        json.WriteBoolean("actionsKnown"u8, plan.ActionsKnown);
        foreach (var item in Enum.GetValues<ActionPlanItem>())
        {
            json.WriteString(ExchangeNames.PlanItem.Utf8Name(item), ExchangeNames.PlanAnswer.Utf8Name(plan[item]));
        }
        json.WriteStartArray("actions"u8);
        foreach (var action in plan.Actions)
        {
            json.WriteStartObject();
            Number("recommendation"u8, action.Recommendation);
            Text("text"u8, action.Text);
            Text("lead"u8, action.Lead);
            Date("due"u8, action.Due);
            Text("intendedOutcome"u8, action.IntendedOutcome);
            Text("status"u8, action.Status);
            Text("evidenceOfImpact"u8, action.EvidenceOfImpact);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void Text(ReadOnlySpan<byte> name, string? text)
    {
        if (text is not null)
        {
            _json.WriteString(name, text);
        }
    }

    private void Number(ReadOnlySpan<byte> name, int? number)
    {
        if (number is { } value)
        {
            _json.WriteNumber(name, value);
        }
    }

    private void Date(ReadOnlySpan<byte> name, DateOnly? date)
    {
        if (date is { } value)
        {
            WriteDate(name, value);
        }
    }

    private void DateOrNotKnown(ReadOnlySpan<byte> name, DateOnly? date)
    {
        if (date is { } value)
        {
            WriteDate(name, value);
        }
        else
        {
            _json.WriteString(name, ExchangeNames.NotKnown);
        }
    }

    private void WriteDate(ReadOnlySpan<byte> name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _json.WriteString(name, text);
    }
}
