using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scr.Core.Rules;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Scr.Core.Services.Learning;

/// <summary>
/// The text of a published report: read from an uploaded PDF or Word file, or as typed, and tidied into plain paragraphs
/// separated by blank lines. A file that is not a PDF or Word document, cannot be read, or holds no text (a scan) is refused
/// with a message for the person who uploaded it.
/// </summary>
public static partial class ReportText
{
    public const string FileField = "File";
    public const string TextField = "Text";

    /// <summary>The upload's largest size: a long overview report is a few megabytes.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The text of an uploaded file, by its name's extension (.pdf or .docx).</summary>
    public static string FromFile(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".pdf" or ".docx"))
        {
            throw Refused("The selected file must be a PDF or a Word document (.docx)");
        }
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            throw Refused("The selected file is empty");
        }
        if (buffer.Length > MaxFileBytes)
        {
            throw Refused("The selected file must be smaller than 50MB");
        }
        buffer.Position = 0;
        string text;
        try
        {
            text = extension == ".pdf" ? Pdf(buffer) : Word(buffer);
        }
        catch (Exception e) when (e is not RuleViolationException)
        {
            // PdfPig and OpenXml throw many kinds of exception for a damaged file; to the person they all mean the same.
            throw Refused(extension == ".pdf"
                ? "The selected file could not be read as a PDF: it may be damaged or protected by a password"
                : "The selected file could not be read as a Word document: it may be damaged or protected by a password");
        }
        text = Tidy(text);
        return text.Length > 0
            ? text
            : throw Refused("The selected file has no text to search: if it is a scan, upload a version with its text, or type the text");
    }

    /// <summary>Typed text, tidied; empty text is refused.</summary>
    public static string FromTyped(string? typed)
    {
        var text = Tidy(typed ?? "");
        return text.Length > 0 ? text : throw new RuleViolationException([new RuleProblem(TextField, "Enter the text of the report")]);
    }

    /// <summary>
    /// Plain paragraphs: line ends made \n, control characters (which the search's highlighting uses as markers) removed,
    /// spaces within lines collapsed, and runs of blank lines made one.
    /// </summary>
    public static string Tidy(string text)
    {
        var lines = ControlCharacters().Replace(text.Replace("\r\n", "\n").Replace('\r', '\n'), " ")
            .Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var result = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(blank ? "\n\n" : "\n");
            }
            result.Append(line);
            blank = false;
        }
        return result.ToString();
    }

    /// <summary>The text's paragraphs, as the report page shows them.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Pdf(Stream content)
    {
        using var document = PdfDocument.Open(content);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.Append(ContentOrderTextExtractor.GetText(page, new ContentOrderTextExtractor.Options { SeparateParagraphsWithDoubleNewline = true }));
            text.Append("\n\n");
        }
        return text.ToString();
    }

    private static string Word(Stream content)
    {
        using var document = WordprocessingDocument.Open(content, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }
        // One paragraph of the document is one paragraph of the text; a table's cells are its paragraphs too.
        return string.Join("\n\n", body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
    }

    private static RuleViolationException Refused(string message) => new([new RuleProblem(FileField, message)]);

    [GeneratedRegex(@"[\p{Cc}-[\n]]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
