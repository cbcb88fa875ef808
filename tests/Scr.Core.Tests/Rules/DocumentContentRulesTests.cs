using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Documents;
using Scr.TestCommon;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Scr.Core.Tests.Rules;

/// <summary>Which uploads are accepted, decided from their content: real files made here, and the hostile ones.</summary>
public class DocumentContentRulesTests
{
    private static readonly DocumentLimits Limits = DocumentLimits.Default;

    private static DocumentCheck Check(string name, byte[] content, DocumentLimits? limits = null) =>
        DocumentContentRules.Check(name, new MemoryStream(content), limits ?? Limits);

    /// <summary>A Word document as Word writes it (DocumentFormat.OpenXml), optionally macro-enabled.</summary>
    private static byte[] Word(WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("Fictional agency report.")))));
            if (type == WordprocessingDocumentType.MacroEnabledDocument)
            {
                var vba = main.AddNewPart<VbaProjectPart>();
                using var part = vba.GetStream(FileMode.Create);
                part.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
            }
        }
        return stream.ToArray();
    }

    /// <summary>An Excel workbook with one sheet and a few cells (DocumentFormat.OpenXml).</summary>
    private static byte[] Excel(SpreadsheetDocumentType type = SpreadsheetDocumentType.Workbook)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, type))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(new S.SheetData(new S.Row(
                new S.Cell { CellReference = "A1", DataType = S.CellValues.InlineString, InlineString = new S.InlineString(new S.Text("Date")) },
                new S.Cell { CellReference = "B1", CellValue = new S.CellValue(46000), DataType = S.CellValues.Number })
            { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Chronology" }));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Check_RealFilesWithTheirExtensions_AcceptedAsTheirType()
    {
        Check("report.pdf", TestFiles.Pdf()).Type.ShouldBe(DocumentType.Pdf);
        Check("Agency report.docx", Word()).Type.ShouldBe(DocumentType.Word);
        Check("chronology.XLSX", Excel()).Type.ShouldBe(DocumentType.Excel);
        Check("genogram.png", TestFiles.Png()).Type.ShouldBe(DocumentType.Png);
        Check("photo.jpg", TestFiles.Jpeg()).Type.ShouldBe(DocumentType.Jpeg);
        Check("photo.jpeg", TestFiles.Jpeg()).Type.ShouldBe(DocumentType.Jpeg);
        Check("by hand.docx", TestFiles.Docx()).Type.ShouldBe(DocumentType.Word);
        Check("report.pdf", TestFiles.Pdf()).Problem.ShouldBeNull();
    }

    [Fact]
    public void Check_RenamedExecutable_RefusedNamingTheFile()
    {
        var check = Check("report.pdf", TestFiles.Executable());

        check.IsAccepted.ShouldBeFalse();
        check.Problem.ShouldBe("“report.pdf” is not a PDF, Word, Excel, PNG or JPEG file");
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("page.html")]
    [InlineData("notes.txt")]
    public void Check_HtmlOrScript_Refused(string name)
    {
        Check(name, TestFiles.Html()).Problem.ShouldBe($"“{name}” is not a PDF, Word, Excel, PNG or JPEG file");
        Check(name, Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n")).Problem.ShouldBe($"“{name}” is not a PDF, Word, Excel, PNG or JPEG file");
        // A byte order mark or spaces before "%PDF-" do not make a PDF.
        Check(name, Encoding.UTF8.GetBytes("\uFEFF%PDF-1.4 <html>")).IsAccepted.ShouldBeFalse();
    }

    [Theory]
    [InlineData("photo.pdf", "“photo.pdf” is a PNG image: its name must end .png")]
    [InlineData("report", "“report” is a PNG image: its name must end .png")]
    [InlineData("genogram.jpg", "“genogram.jpg” is a PNG image: its name must end .png")]
    public void Check_ExtensionDisagreesWithTheContent_Refused(string name, string expected) =>
        Check(name, TestFiles.Png()).Problem.ShouldBe(expected);

    [Fact]
    public void Check_OfficeFilesWithTheWrongExtension_Refused()
    {
        Check("chronology.docx", Excel()).Problem.ShouldBe("“chronology.docx” is an Excel workbook: its name must end .xlsx");
        Check("report.pdf", Word()).Problem.ShouldBe("“report.pdf” is a Word document: its name must end .docx");
        Check("report.zip", Word()).Problem.ShouldBe("“report.zip” is a Word document: its name must end .docx");
    }

    [Fact]
    public void Check_MacroEnabledWordDocument_Refused()
    {
        var docm = Word(WordprocessingDocumentType.MacroEnabledDocument);

        Check("report.docm", docm).Problem.ShouldBe(
            "“report.docm” contains macros: save it as a Word document (.docx) or Excel workbook (.xlsx) without macros and upload that");
        // Renaming it does not help: the content says what it is.
        Check("report.docx", docm).Problem!.ShouldContain("contains macros");
    }

    [Fact]
    public void Check_MacroEnabledWorkbookOrMacrosInADocx_Refused()
    {
        Check("budget.xlsm", Excel(SpreadsheetDocumentType.MacroEnabledWorkbook)).Problem!.ShouldContain("“budget.xlsm” contains macros");
        var smuggled = TestFiles.OfficePackage("word/document.xml", DocumentContentRules.WordMainContentType, ("word/vbaProject.bin", [1, 2, 3]));
        Check("report.docx", smuggled).Problem!.ShouldContain("contains macros");
    }

    [Fact]
    public void Check_OtherZipFiles_Refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("payload.exe").Open();
            entry.Write(TestFiles.Executable());
        }
        Check("archive.docx", stream.ToArray()).Problem.ShouldBe("“archive.docx” is not a PDF, Word, Excel, PNG or JPEG file");
        // An OpenDocument text, or a Word template, is a package but not a .docx.
        Check("letter.docx", TestFiles.OfficePackage("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"))
            .Problem.ShouldBe("“letter.docx” is not a PDF, Word, Excel, PNG or JPEG file");
    }

    [Fact]
    public void Check_PackageWhoseMainPartIsMissing_RefusedAsDamaged()
    {
        using var stream = new MemoryStream(TestFiles.Docx());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
        }
        Check("report.docx", stream.ToArray()).Problem.ShouldBe("“report.docx” is damaged or is not a Word or Excel file");
        // Truncated: the central directory is gone.
        Check("report.docx", TestFiles.Docx()[..200]).Problem.ShouldBe("“report.docx” is damaged or is not a Word or Excel file");
    }

    [Fact]
    public void Check_ZipBomb_RefusedBeforeItIsInflated()
    {
        // 16 MB of zeros squeezed about a thousand times: a part may expand at most 100 times its compressed size.
        var bomb = TestFiles.ZipBomb(16);
        bomb.Length.ShouldBeLessThan(50_000);

        Check("report.docx", bomb).Problem.ShouldBe("“report.docx” is compressed too tightly (more than 100 to 1) to open safely");
    }

    [Fact]
    public void Check_PackageExpandingBeyondTheTotal_Refused()
    {
        // Ordinary ratios (random bytes do not compress) but more than the total allowed.
        var random = new byte[600_000];
        new Random(7).NextBytes(random);
        var package = TestFiles.OfficePackage("word/document.xml", DocumentContentRules.WordMainContentType,
            ("word/media/a.bin", random), ("word/media/b.bin", random));

        Check("report.docx", package, Limits with { MaxUncompressedBytes = DocumentLimits.Megabyte }).Problem
            .ShouldBe("“report.docx” would expand to more than 1MB when opened, too much to open safely");
        Check("report.docx", package).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void Check_PackageWithTooManyParts_Refused()
    {
        var parts = Enumerable.Range(0, 20).Select(i => ($"word/media/{i}.bin", new byte[] { 1 })).ToArray();
        var package = TestFiles.OfficePackage("word/document.xml", DocumentContentRules.WordMainContentType, parts);

        Check("report.docx", package, Limits with { MaxZipEntries = 10 }).Problem.ShouldBe("“report.docx” holds more than 10 parts, too many to open safely");
    }

    [Fact]
    public void Check_EntryThatLiesAboutItsSize_Refused()
    {
        // Patch the bomb's declared uncompressed size of the padding part down to 1 KB, in both headers.
        var bomb = TestFiles.ZipBomb(16);
        Lie(bomb, "word/media/padding.bin", 1024);

        var check = Check("report.docx", bomb);

        check.IsAccepted.ShouldBeFalse();
        check.Problem!.ShouldBeOneOf(
            "“report.docx” is compressed too tightly (more than 100 to 1) to open safely",
            "“report.docx” is damaged or is not a Word or Excel file");
    }

    [Fact]
    public void Check_LargerThanTheLimit_RefusedWithTheLimit()
    {
        var pdf = TestFiles.Pdf().Concat(new byte[2 * 1024 * 1024]).ToArray();

        Check("big.pdf", pdf, Limits with { MaxBytes = 2 * DocumentLimits.Megabyte }).Problem.ShouldBe("“big.pdf” must be smaller than 2MB");
        Check("big.pdf", pdf).IsAccepted.ShouldBeTrue();
        Check("empty.pdf", []).Problem.ShouldBe("“empty.pdf” is empty");
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData(@"C:\Users\someone\Desktop\report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("  agency   report .pdf ", "agency report.pdf")]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData("a<b>:c\"d|e?f*.pdf", "a_b__c_d_e_f_.pdf")]
    [InlineData("line\r\nbreak.pdf", "linebreak.pdf")]
    [InlineData("", "document")]
    [InlineData(null, "document")]
    [InlineData("...", "document")]
    [InlineData(".pdf", "pdf")]
    [InlineData("Rapport d’agence – résumé.docx", "Rapport d’agence – résumé.docx")]
    public void Sanitise_KeepsASafeName(string? given, string expected) => DocumentNames.Sanitise(given).ShouldBe(expected);

    [Fact]
    public void Sanitise_LongName_ShortenedKeepingItsExtension()
    {
        var name = DocumentNames.Sanitise(new string('x', 300) + ".xlsx");

        name.Length.ShouldBe(DocumentNames.MaxLength);
        name.ShouldEndWith("x.xlsx");
    }

    [Fact]
    public void Labels_FileSizes_AsGovUkWritesThem()
    {
        Labels.FileSize(20 * DocumentLimits.Megabyte).ShouldBe("20MB");
        Labels.FileSize(1_572_864).ShouldBe("1.5MB");
        Labels.FileSize(348_160).ShouldBe("340KB");
        Labels.FileSize(12).ShouldBe("12 bytes");
        Labels.Of(DocumentType.Excel).ShouldBe("Excel workbook");
    }

    [Fact]
    public void MediaTypeAndAccept_ForEveryType()
    {
        DocumentContentRules.MediaType(DocumentType.Word).ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        DocumentContentRules.MediaType(DocumentType.Pdf).ShouldBe("application/pdf");
        DocumentContentRules.Accept.ShouldBe(".pdf,.docx,.xlsx,.png,.jpg,.jpeg");
    }

    /// <summary>Rewrites the uncompressed size a ZIP declares for one entry, in its local header and its central directory record.</summary>
    private static void Lie(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04
                && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22), size);
            }
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02
                && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24), size);
            }
        }
    }
}
