using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scr.Core.Rules;
using Scr.Core.Services.Learning;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Scr.Core.Tests.Services;

/// <summary>The text of a published report from an upload (PDF, Word) or as typed.</summary>
public class ReportTextTests
{
    private static MemoryStream Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var y = 800.0;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new UglyToad.PdfPig.Core.PdfPoint(50, y), font);
            y -= 40;
        }
        return new MemoryStream(builder.Build());
    }

    private static MemoryStream Word(params string[] paragraphs)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }
        stream.Position = 0;
        return stream;
    }

    private static string Refusal(Action read) => Should.Throw<RuleViolationException>(read).Problems.Single().Message;

    [Fact]
    public void FromFile_Pdf_ItsText()
    {
        var text = ReportText.FromFile(Pdf("Agencies did not share information.", "The child was not seen."), "report.PDF");

        text.ShouldContain("Agencies did not share information.");
        text.ShouldContain("The child was not seen.");
    }

    [Fact]
    public void FromFile_Word_ItsParagraphs()
    {
        var text = ReportText.FromFile(Word("First finding.", "", "Second   finding."), "report.docx");

        text.ShouldBe("First finding.\n\nSecond finding.");
    }

    [Theory]
    [InlineData("report.pdf", "The selected file is empty")]
    [InlineData("report.docx", "The selected file is empty")]
    public void FromFile_EmptyFile_Refused(string name, string message) =>
        Refusal(() => ReportText.FromFile(new MemoryStream(), name)).ShouldBe(message);

    [Fact]
    public void FromFile_NotAPdfOrWordDocument_Refused() =>
        Refusal(() => ReportText.FromFile(new MemoryStream([1, 2, 3]), "report.txt")).ShouldBe("The selected file must be a PDF or a Word document (.docx)");

    [Theory]
    [InlineData("report.pdf", "The selected file could not be read as a PDF: it may be damaged or protected by a password")]
    [InlineData("report.docx", "The selected file could not be read as a Word document: it may be damaged or protected by a password")]
    public void FromFile_Damaged_Refused(string name, string message) =>
        Refusal(() => ReportText.FromFile(new MemoryStream("not a document at all"u8.ToArray()), name)).ShouldBe(message);

    [Fact]
    public void FromFile_PdfWithNoText_Refused() =>
        Refusal(() => ReportText.FromFile(Pdf(), "scan.pdf"))
            .ShouldBe("The selected file has no text to search: if it is a scan, upload a version with its text, or type the text");

    [Fact]
    public void Tidy_ControlCharactersAndBlankLines_PlainParagraphs() =>
        ReportText.Tidy("  One\u0002 line\r\nnext\u0003\r\n\r\n\r\n\tTwo  ").ShouldBe("One line\nnext\n\nTwo");

    [Fact]
    public void Fts5Query_Syntax_EveryWordQuoted() =>
        ReportSearch.Fts5Query("child* OR \"health visitor\" -(x) or").ShouldBe("\"child\" OR \"health visitor\" AND \"x\"");
}
