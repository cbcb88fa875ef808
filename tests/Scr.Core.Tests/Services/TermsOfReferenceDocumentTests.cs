using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Scr.Core.Models;
using Scr.Core.Services.TermsOfReference;
using Scr.Core.Tests.Rules;
using Scr.Core.Tests.Rules.Timescales;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>The Word document of signed-off terms of reference: valid Office Open XML, built from styles, and it opens in LibreOffice.</summary>
public class TermsOfReferenceDocumentTests
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static byte[] Build()
    {
        var review = MilestonesTests.Decided(Decided);
        review.SaveTermsDraft(TermsOfReferenceSamples.Complete(review.IncidentDate, "Why was the referral from school not acted on?",
            "How far did agencies share what they knew?") with
        {
            OtherBoards = [new NamedOrganisation(Guid.NewGuid(), "Eastmere Safeguarding Children Board")],
            FamilyContribution = "The lead reviewer meets the parents.\nThe family see the report before it is published.",
            Methodology = Methodology.Hybrid,
            MethodologyNote = "A SILP learning event with a Learning Together case group.",
        }, Guid.NewGuid(), Decided);
        var version = review.SignOffTerms(Guid.NewGuid(), "Agreed at the first panel meeting.", Decided.AddDays(1));
        return TermsOfReferenceDocument.Build(new TermsOfReferenceDocumentData("NORTHBRIDGE-2026-002", "Northbridge Safeguarding Children Board",
            ReviewKind.SeriousCaseReview, version, "Martin Oakes", Decided.AddDays(2)));
    }

    [Fact]
    public void Build_ValidOpenXml_HeadingStyles_NumberedLines_Tables_ConfidentialHeaderAndFooter()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Build()), false);

        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var body = document.MainDocumentPart!.Document!.Body!;
        string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        body.Elements<Paragraph>().Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText).ShouldBe(
            ["Key lines of enquiry", "Period and who is involved", "Methodology and evidence", "The family's contribution", "Parallel processes",
                "Timetable", "Publication", "Sign-off"]);
        body.Elements<Paragraph>().First().InnerText.ShouldBe("Terms of reference");
        StyleOf(body.Elements<Paragraph>().First()).ShouldBe("Title");
        var numbered = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).Select(p => p.InnerText).ToList();
        numbered.ShouldBe(["Why was the referral from school not acted on?", "How far did agencies share what they knew?"]);
        document.MainDocumentPart.NumberingDefinitionsPart.ShouldNotBeNull();
        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        styles.ShouldContain("Heading1");
        styles.ShouldContain("TableGrid");

        var tables = body.Elements<Table>().ToList();
        tables.Count.ShouldBe(2);
        var who = tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        who[0].ShouldBe(["Item", "Detail"]);
        who[1].ShouldBe(["Period under review", "3 November 2025 to 3 November 2026"]);
        who[2].ShouldBe(["Lead board", "Northbridge Safeguarding Children Board"]);
        who[3].ShouldBe(["Other boards involved", "Eastmere Safeguarding Children Board"]);
        tables[0].Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull("the header row repeats on each page");
        tables[1].InnerText.ShouldContain("A hybrid of these");
        body.InnerText.ShouldContain("A SILP learning event with a Learning Together case group.");
        body.InnerText.ShouldContain("The family see the report before it is published.");
        body.InnerText.ShouldContain("The chair, Martin Oakes, signed off version 1 on 24 November 2026.");
        body.InnerText.ShouldContain("Agreed at the first panel meeting.");

        document.MainDocumentPart.HeaderParts.Single().Header!.InnerText.ShouldBe("CONFIDENTIAL");
        document.MainDocumentPart.FooterParts.Single().Footer!.InnerText.ShouldStartWith(
            "CONFIDENTIAL · Case NORTHBRIDGE-2026-002 · Terms of reference, version 1, signed off by Martin Oakes on 24 November 2026");
        document.PackageProperties.Title.ShouldBe("Terms of reference: case NORTHBRIDGE-2026-002");
    }

    [Fact]
    public async Task LibreOffice_OpensIt_AsPdfAndAsText()
    {
        Assert.SkipWhen(LibreOffice.Binary is null, LibreOffice.SkipReason);
        var docx = Build();

        var pdf = await LibreOffice.ConvertAsync(docx, "docx", "pdf");
        var text = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(docx, "docx", "txt:Text (encoded):UTF8"));

        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        pdf.Length.ShouldBeGreaterThan(5000);
        text.ShouldContain("Terms of reference");
        text.ShouldContain("Why was the referral from school not acted on?");
        text.ShouldContain("Key lines of enquiry");
        text.ShouldContain("Northbridge Safeguarding Children Board");
    }
}
