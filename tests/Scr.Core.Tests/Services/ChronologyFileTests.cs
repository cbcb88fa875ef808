using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scr.Core.Models;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.Chronology;
using Scr.TestCommon;

namespace Scr.Core.Tests.Services;

/// <summary>Agency chronologies read from CSV and XLSX (every problem named by row and column), written back, and the template.</summary>
public class ChronologyFileTests
{
    private const string Header = "Date,Time,Approximate date,Agency,Practitioner role,Contact type,Who was present,Child seen,"
        + "Child's wishes and feelings,What the child said or showed,What happened,Decision or action,Source document";

    private static ChronologyReadResult ReadCsv(string text, ChronologyReadOptions? options = null, bool bom = false)
    {
        var bytes = new UTF8Encoding(bom).GetBytes(text);
        return ChronologyReader.ReadAll(new MemoryStream(bytes), ChronologyFileFormat.Csv, options);
    }

    private static string Csv(params string[] rows) => string.Join("\r\n", rows.Prepend(Header)) + "\r\n";

    private static string[] Problems(ChronologyReadResult result) => result.Problems.Select(p => p.ToString()).ToArray();

    [Fact]
    public void Csv_GoodRows_AllReadIntoEntries()
    {
        var result = ReadCsv(Csv(
            "31/01/2003,14:30,,Northbridge Police,Response officer,Home visit,\"Mother; child; Health visiting\",Yes,Recorded,\"Said \"\"I want to stay with Nan\"\"\",\"Called to a disturbance, mother upset\",Referral to children's social care,Incident log 4471",
            "",
            "c. 03/2003,,,Northbridge Police,Neighbourhood officer,phone,,no,,,\"Welfare call\nno answer\",,",
            "2003,,Yes,Northbridge Police,PC,Letter / email,,,,,Letter to school,,"), bom: true);

        result.Ok.ShouldBeTrue(string.Join("\n", Problems(result)));
        result.Entries.Count.ShouldBe(3);
        var first = result.Entries[0];
        first.When.ShouldBe(ChronologyDate.On(new DateOnly(2003, 1, 31), new TimeOnly(14, 30)));
        first.Agency.ShouldBe("Northbridge Police");
        first.PractitionerRole.ShouldBe("Response officer");
        first.ContactType.ShouldBe(ContactType.HomeVisit);
        first.Present.ShouldBe("Mother; child; Health visiting");
        first.ChildSeen.ShouldBe(ChildSeen.Yes);
        first.Wishes.ShouldBe(WishesAndFeelings.Recorded);
        first.WishesText.ShouldBe("Said \"I want to stay with Nan\"");
        first.WhatHappened.ShouldBe("Called to a disturbance, mother upset");
        first.DecisionOrAction.ShouldBe("Referral to children's social care");
        first.SourceDocument.ShouldBe("Incident log 4471");
        first.Row.ShouldBe(2);

        var second = result.Entries[1];
        second.Row.ShouldBe(4, "the blank line is row 3, as a spreadsheet shows it");
        second.When.ShouldBe(new ChronologyDate(new DateOnly(2003, 3, 1), DatePrecision.Month, null, true));
        second.ContactType.ShouldBe(ContactType.Phone);
        second.ChildSeen.ShouldBe(ChildSeen.No);
        second.Wishes.ShouldBe(WishesAndFeelings.NotRecorded);
        second.WhatHappened.ShouldBe("Welfare call\nno answer");
        second.Present.ShouldBeNull();

        var third = result.Entries[2];
        third.Row.ShouldBe(5);
        third.Precision.ShouldBe(DatePrecision.Year);
        third.ContactType.ShouldBe(ContactType.LetterOrEmail);
        third.ChildSeen.ShouldBe(ChildSeen.NotRecorded);
    }

    [Fact]
    public void Csv_EveryKindOfBadRow_NamedByRowAndColumn_AndNoEntries()
    {
        var longText = new string('x', 8001);
        var result = ReadCsv(Csv(
            "31/02/2003,,,Police,PC,Home visit,,,,,Visit,,",                       // 2
            ",,,Police,PC,Home visit,,,,,Visit,,",                                 // 3
            "31/01/2003,25:00,,Police,PC,Home visit,,,,,Visit,,",                  // 4
            "Mar 2003,10:00,,Police,PC,Home visit,,,,,Visit,,",                    // 5
            "31/01/2003 10:00,11:00,,Police,PC,Home visit,,,,,Visit,,",            // 6
            "31/01/2003,,maybe,Police,PC,Home visit,,,,,Visit,,",                  // 7
            "31/01/2003,,,,PC,Home visit,,,,,Visit,,",                             // 8
            "31/01/2003,,,Police,,Home visit,,,,,Visit,,",                         // 9
            "31/01/2003,,,Police,PC,,,,,,Visit,,",                                 // 10
            "31/01/2003,,,Police,PC,Visit,,,,,Visit,,",                            // 11
            "31/01/2003,,,Police,PC,Home visit,,Perhaps,,,Visit,,",                // 12
            "31/01/2003,,,Police,PC,Home visit,,,Sometimes,,Visit,,",              // 13
            "31/01/2003,,,Police,PC,Home visit,,,Recorded,,Visit,,",               // 14
            "31/01/2003,,,Police,PC,Home visit,,,Not recorded,Wants Nan,Visit,,",  // 15
            "31/01/2003,,,Police,PC,Home visit,,,,,,,",                            // 16
            $"31/01/2003,,,Police,PC,Home visit,,,,,{longText},,",                 // 17
            "31/01/2003,,,Police,PC,Home visit,,,,,Visit,,,extra",                 // 18
            "31/01/2003,,,Police,PC,Home visit,,,,,Vis\"it,,",                     // 19
            "31/01/2003,,,Police,PC,Home visit,,,,,Visit,,",                       // 20: good
            "01/31/2003,,,,,,,,,,,,"));                                            // 21

        result.Ok.ShouldBeFalse();
        result.Entries.ShouldBeEmpty();
        Problems(result).ShouldBe(
        [
            "row 2, column 'Date': '31/02/2003' is not a date",
            "row 3, column 'Date': enter the date",
            "row 4, column 'Time': '25:00' is not a time of day: write it as 14:30",
            "row 5, column 'Time': a time needs a date with the day, and 'Mar 2003' has none",
            "row 6, column 'Time': '11:00' is not the time in column 'Date' (10:00)",
            "row 7, column 'Approximate date': 'maybe' is not one of: Yes, No",
            "row 8, column 'Agency': enter the agency's name",
            "row 9, column 'Practitioner role': enter the practitioner's role (not their name)",
            "row 10, column 'Contact type': enter one of: Home visit, Office visit, Phone, Letter or email, Meeting, Strategy discussion, Case conference, Supervision, Referral, Assessment, Court, Other",
            "row 11, column 'Contact type': 'Visit' is not one of: Home visit, Office visit, Phone, Letter or email, Meeting, Strategy discussion, Case conference, Supervision, Referral, Assessment, Court, Other",
            "row 12, column 'Child seen': 'Perhaps' is not one of: Yes, No, Not recorded",
            "row 13, column 'Child's wishes and feelings': 'Sometimes' is not one of: Recorded, Not recorded",
            "row 14, column 'Child's wishes and feelings': 'Recorded' needs what the child said or showed, in column 'What the child said or showed'",
            "row 15, column 'Child's wishes and feelings': 'Not recorded', but column 'What the child said or showed' says what the child said or showed: choose Recorded, or empty that column",
            "row 16, column 'What happened': enter what happened",
            "row 17, column 'What happened': is 8,001 characters long: the most is 8,000",
            "row 18: the row has a value in column 14, past the last column of the header (13)",
            "row 19: a quotation mark is out of place: put the whole value in double quotes, and double any quotation mark inside it",
            "row 21, column 'Date': '01/31/2003' is not a date: there is no month 31: write the day first, as in 31/01/2003",
            "row 21, column 'Agency': enter the agency's name",
            "row 21, column 'Practitioner role': enter the practitioner's role (not their name)",
            "row 21, column 'Contact type': enter one of: Home visit, Office visit, Phone, Letter or email, Meeting, Strategy discussion, Case conference, Supervision, Referral, Assessment, Court, Other",
            "row 21, column 'What happened': enter what happened",
        ]);
        result.ProblemCount.ShouldBe(23);
    }

    [Fact]
    public void Csv_NotUtf8_NamedRatherThanGarbled()
    {
        var latin1 = Encoding.Latin1.GetBytes(Csv("31/01/2003,,,Police,PC,Home visit,,,,,Paid \u00a340 for gas,,"));

        var result = ChronologyReader.ReadAll(new MemoryStream(latin1), ChronologyFileFormat.Csv);

        Problems(result).ShouldBe(["row 2, column 'What happened': has characters that could not be read: save the file as UTF-8 (in Excel, \"CSV UTF-8 (Comma delimited)\")"]);
    }

    [Fact]
    public void Header_UnknownDuplicateAndMissingColumns_Named()
    {
        var result = ReadCsv("date,Colour,Contact-Type,contact_type,What happened\n31/01/2003,red,Phone,Phone,Call\n");

        Problems(result).ShouldBe(
        [
            "row 1, column 'Colour': there is no such column in the chronology template: the columns are Date, Time, Approximate date, Agency, Practitioner role, Contact type, Who was present, Child seen, Child's wishes and feelings, What the child said or showed, What happened, Decision or action, Source document",
            "row 1, column 'contact_type': the column appears twice (also as 'Contact-Type')",
            "row 1: the header has no 'Agency' column",
            "row 1: the header has no 'Practitioner role' column",
        ]);
    }

    [Fact]
    public void Header_AnyOrder_LooseNames_OptionalColumnsLeftOut()
    {
        var result = ReadCsv("what_happened,AGENCY,date,Role,Type of contact,Child’s wishes and feelings,wishes_text\nCall,Police,31/01/2003,PC,Phone,,Wants Nan\n");

        result.Ok.ShouldBeTrue(string.Join("\n", Problems(result)));
        result.Entries.ShouldHaveSingleItem().Wishes.ShouldBe(WishesAndFeelings.Recorded, "the text says what was recorded");
    }

    [Fact]
    public void EmptyFile_SaysTheHeaderIsNeeded()
    {
        Problems(ReadCsv("")).ShouldHaveSingleItem().ShouldStartWith("row 1: the file is empty: the first row must be the header");
        Problems(ReadCsv("\n\n,,\n")).ShouldHaveSingleItem().ShouldStartWith("row 3: the file is empty");
        var headerOnly = ReadCsv(Header + "\n");
        headerOnly.Ok.ShouldBeTrue("a header alone is an empty chronology");
        headerOnly.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void AgencyKnown_EmptyCellsTakeIt_AnotherAgencyRefused()
    {
        var options = new ChronologyReadOptions { Agency = "Health visiting" };
        var text = "Date,Practitioner role,Contact type,What happened,Agency\n"
            + "31/01/2003,HV,Home visit,Visit,\n"
            + "01/02/2003,HV,Home visit,Visit,health  visiting\n"
            + "02/02/2003,HV,Home visit,Visit,Police\n";

        var result = ReadCsv(text, options);

        Problems(result).ShouldBe(["row 4, column 'Agency': 'Police' is not Health visiting: a chronology holds one agency's entries (leave the column empty, or enter Health visiting)"]);
        var good = ReadCsv(string.Join("\n", text.Split('\n')[..3]), options);
        good.Entries.Select(e => e.Agency).ShouldBe(["Health visiting", "Health visiting"]);
        ReadCsv("Date,Practitioner role,Contact type,What happened\n31/01/2003,HV,Phone,Call\n", options).Ok.ShouldBeTrue("no Agency column needed");
    }

    [Fact]
    public void Progress_ReportedAsRowsAreRead()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => $"{new DateOnly(2003, 1, 1).AddDays(i / 10):dd/MM/yyyy},,,Police,PC,Phone,,,,,Call {i},,");
        var reports = new List<ChronologyReadProgress>();

        var result = ReadCsv(Csv([.. rows]), new ChronologyReadOptions { Progress = new Inline<ChronologyReadProgress>(reports.Add), ProgressEveryRows = 1000 });

        result.Entries.Count.ShouldBe(5000);
        reports.Count.ShouldBeGreaterThanOrEqualTo(5);
        reports.Select(r => r.Rows).ShouldBeInOrder();
        reports[^1].Rows.ShouldBe(5001);
        reports[^1].TotalBytes.ShouldBeGreaterThan(100_000);
        reports[^2].Bytes.ShouldBeGreaterThan(0);
    }

    private static ChronologyEntry Entry(string when, string agency, string what, int row = 0)
    {
        var entry = new ChronologyEntry
        {
            Agency = agency,
            PractitionerRole = "Health visitor",
            ContactType = ContactType.HomeVisit,
            Present = "Mother; child",
            ChildSeen = ChildSeen.Yes,
            Wishes = WishesAndFeelings.Recorded,
            WishesText = "Showed her drawing of the family",
            WhatHappened = what,
            DecisionOrAction = "Visit again in two weeks",
            SourceDocument = "HV record",
            Row = row,
        };
        entry.SetWhen(ChronologyDates.Parse(when).Date);
        return entry;
    }

    private static readonly ChronologyEntry[] Sample =
    [
        Entry("31/01/2003 14:30", "Health visiting", "Home visit: home warm and clean, mother tired"),
        Entry("c. 03/2003", "Health visiting", "=SUM(A1) was typed by mistake"),
        Entry("2003", "Police", "-minus at the start, and a \"quote\", a comma\nand a line break"),
        Entry("c. 15/04/2003", "Police", "@someone +44 (a phone number)"),
        Entry("29/02/1904", "Police", "An old date, after Excel's missing leap day"),
    ];

    private static void ShouldMatch(IReadOnlyList<ChronologyEntry> read, IReadOnlyList<ChronologyEntry> written)
    {
        read.Count.ShouldBe(written.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var (a, b) = (read[i], written[i]);
            a.When.ShouldBe(b.When);
            (a.Agency, a.PractitionerRole, a.ContactType, a.Present, a.ChildSeen, a.Wishes, a.WishesText, a.WhatHappened, a.DecisionOrAction, a.SourceDocument)
                .ShouldBe((b.Agency, b.PractitionerRole, b.ContactType, b.Present, b.ChildSeen, b.Wishes, b.WishesText, b.WhatHappened, b.DecisionOrAction, b.SourceDocument));
            a.Row.ShouldBe(i + 2);
        }
    }

    private static byte[] Write(ChronologyFileFormat format, IEnumerable<ChronologyEntry> entries)
    {
        var stream = new MemoryStream();
        using (var writer = ChronologyWriter.Create(stream, format, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.Write(entry, entry.Agency == "Police");
            }
            writer.Complete();
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData(ChronologyFileFormat.Csv)]
    [InlineData(ChronologyFileFormat.Xlsx)]
    public void Write_ThenRead_TheSameEntries(ChronologyFileFormat format)
    {
        var bytes = Write(format, Sample);

        var result = ChronologyReader.ReadAll(new MemoryStream(bytes), format);

        result.Ok.ShouldBeTrue(string.Join("\n", Problems(result)));
        ShouldMatch(result.Entries, Sample);
    }

    [Fact]
    public void Csv_Written_ForExcel_FormulasDefused()
    {
        var text = Encoding.UTF8.GetString(Write(ChronologyFileFormat.Csv, Sample));

        text.ShouldStartWith("\uFEFF" + Header + "\r\n");
        text.ShouldContain("\r\n31/01/2003,14:30,No,Health visiting,Health visitor,Home visit,Mother; child,Yes,Recorded,Showed her drawing of the family,"
            + "\"Home visit: home warm and clean, mother tired\",Visit again in two weeks,HV record\r\n");
        text.ShouldContain(",\"'=SUM(A1) was typed by mistake\",");
        text.ShouldContain("\r\nMar 2003,,Yes,");
        text.ShouldContain(",\"'@someone +44 (a phone number)\",");
    }

    [Fact]
    public void Xlsx_Written_DatesAsExcelDates_ValidationLists_FrozenHeader()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(ChronologyFileFormat.Xlsx, Sample)), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().ShouldHaveSingleItem();
        sheet.Name!.Value.ShouldBe("Chronology");
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        rows.Count.ShouldBe(6);
        rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText).ShouldBe(ChronologyWriter.Header);
        var date = rows[1].Elements<Cell>().First();
        date.CellValue!.Text.ShouldBe("37652");
        rows[2].Elements<Cell>().First().InlineString!.InnerText.ShouldBe("Mar 2003");
        worksheet.Descendants<Pane>().ShouldHaveSingleItem().State!.Value.ShouldBe(PaneStateValues.Frozen);
        worksheet.Descendants<AutoFilter>().ShouldHaveSingleItem().Reference!.Value.ShouldBe("A1:M6");
        var lists = worksheet.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "", v => v.Formula1!.Text ?? "");
        lists.ShouldBe(new Dictionary<string, string>
        {
            ["C2:C1048576"] = "\"Yes,No\"",
            ["F2:F1048576"] = "\"Home visit,Office visit,Phone,Letter or email,Meeting,Strategy discussion,Case conference,Supervision,Referral,Assessment,Court,Other\"",
            ["H2:H1048576"] = "\"Yes,No,Not recorded\"",
            ["I2:I1048576"] = "\"Recorded,Not recorded\"",
        });
        worksheet.Descendants<PageSetup>().ShouldHaveSingleItem().Orientation!.Value.ShouldBe(OrientationValues.Landscape);
    }

    [Fact]
    public void Template_Xlsx_HeaderListsAndGuidance_NoRows()
    {
        var stream = new MemoryStream();
        ChronologyWriter.WriteTemplate(stream, ChronologyFileFormat.Xlsx);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false))
        {
            var workbook = document.WorkbookPart!;
            workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Chronology", "Guidance"]);
            var worksheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
            worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ShouldHaveSingleItem();
            worksheet.Descendants<DataValidation>().Count().ShouldBe(4);
            var columns = worksheet.Descendants<Column>().ToList();
            var textStyle = columns[0].Style!.Value;
            columns[1].Style!.Value.ShouldBe(textStyle);
            workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)textStyle).NumberFormatId!.Value.ShouldBe(49u, "text: kept as typed");
            var guidance = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Last().Id!)).Worksheet;
            guidance.InnerText.ShouldContain("Was the child seen?");
        }
        var read = ChronologyReader.ReadAll(new MemoryStream(stream.ToArray()), ChronologyFileFormat.Xlsx);
        read.Ok.ShouldBeTrue(string.Join("\n", Problems(read)));
        read.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Template_Csv_IsTheHeader()
    {
        var stream = new MemoryStream();
        ChronologyWriter.WriteTemplate(stream, ChronologyFileFormat.Csv);

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("\uFEFF" + Header + "\r\n");
    }

    /// <summary>A workbook as Excel saves one: shared strings, dates as numbers in date formats, the sheet not first.</summary>
    private static byte[] ExcelWorkbook(bool date1904 = false)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 });
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "mmm\\ yyyy" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-809]dd\\ mmmm\\ yyyy;@" }),
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },  // 1: short date
                    new CellFormat { NumberFormatId = 20, ApplyNumberFormat = true },  // 2: h:mm
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }, // 3: month
                    new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }, // 4: long UK date
                    new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true })); // 5: date and time
            var notes = workbook.AddNewPart<WorksheetPart>();
            notes.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Notes")) }) { RowIndex = 1 }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            string[] strings = ["Date", "Time", "Agency", "Practitioner role", "Contact type", "What happened", "Health visiting", "Health visitor", "Home visit", "Child seen", "Yes"];
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            shared.SharedStringTable.Append(new SharedStringItem(new Run(new Text("Visit, ")), new Run(new RunProperties(new Bold()), new Text("urgent")), new PhoneticRun(new Text("x"))));
            Cell S(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            Cell N(string reference, double value, uint style) => new() { CellReference = reference, StyleIndex = style, CellValue = new CellValue(value) };
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(S("A1", 0), S("B1", 1), S("C1", 2), S("D1", 3), S("E1", 4), S("F1", 5), S("G1", 9)) { RowIndex = 1 },
                new Row(N("A2", 37652, 1), N("B2", 0.6041666666666666, 2), S("C2", 6), S("D2", 7), S("E2", 8), S("F2", 11), S("G2", 10)) { RowIndex = 2 },
                new Row(N("A4", 37681, 3), S("C4", 6), S("D4", 7), S("E4", 8), new Cell { CellReference = "F4", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Inline")) }) { RowIndex = 4 },
                new Row(N("A5", 2003, 0), S("C5", 6), S("D5", 7), S("E5", 8), S("F5", 8)) { RowIndex = 5 },
                new Row(N("A6", 37653, 4), S("C6", 6), S("D6", 7), S("E6", 8), S("F6", 8)) { RowIndex = 6 },
                new Row(N("A7", 37653.4375, 5), S("C7", 6), S("D7", 7), S("E7", 8), S("F7", 8)) { RowIndex = 7 },
                new Row(N("A8", 12.5, 0), S("C8", 6), S("D8", 7), S("E8", 8), S("F8", 8)) { RowIndex = 8 }));
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Name = "Notes", SheetId = 1, Id = workbook.GetIdOfPart(notes) },
                new Sheet { Name = "Chronology", SheetId = 2, Id = workbook.GetIdOfPart(sheet) }));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Xlsx_AsExcelSavesIt_ExcelDatesByTheirFormat_RowNumbersAsExcelShowsThem()
    {
        var result = ChronologyReader.ReadAll(new MemoryStream(ExcelWorkbook()), ChronologyFileFormat.Xlsx);

        Problems(result).ShouldBe(["row 8, column 'Date': '12.5' is not a date"]);

        var good = ChronologyReader.ReadAll(new MemoryStream(ExcelWorkbook()), ChronologyFileFormat.Xlsx, new ChronologyReadOptions { MaxProblems = 0 });
        good.ProblemCount.ShouldBe(1);
        good.Problems.ShouldBeEmpty("past the most kept, problems are only counted");
    }

    [Fact]
    public void Xlsx_Entries_FromSharedStringsNumbersAndInlineText()
    {
        using var reader = ChronologyReader.Open(new MemoryStream(ExcelWorkbook()), ChronologyFileFormat.Xlsx);
        var entries = reader.Entries().ToList();

        entries.Select(e => (e.Row, ChronologyDates.Display(e.When))).ShouldBe(
        [
            (2, "31/01/2003 14:30"),
            (4, "c. Mar 2003"),
            (5, "c. 2003"),
            (6, "01/02/2003"),
            (7, "01/02/2003 10:30"),
        ]);
        entries[0].WhatHappened.ShouldBe("Visit, urgent", "rich text runs joined, the phonetic guide left out");
        entries[0].ChildSeen.ShouldBe(ChildSeen.Yes);
        entries[0].Agency.ShouldBe("Health visiting");
        entries[1].WhatHappened.ShouldBe("Inline");
        reader.Problems.ShouldHaveSingleItem().Row.ShouldBe(8);
    }

    [Fact]
    public void Xlsx_1904Dates()
    {
        using var reader = ChronologyReader.Open(new MemoryStream(ExcelWorkbook(date1904: true)), ChronologyFileFormat.Xlsx);

        reader.Entries().First().Date.ShouldBe(new DateOnly(2007, 2, 1), "37652 days from 1 January 1904");
    }

    [Fact]
    public void Xlsx_NotAWorkbook_OneProblemForTheFile()
    {
        var result = ChronologyReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(Csv("31/01/2003,,,Police,PC,Phone,,,,,Call,,"))), ChronologyFileFormat.Xlsx);

        Problems(result).ShouldBe(["the file is not an Excel workbook (.xlsx) that can be read: save it from Excel as \"Excel Workbook (.xlsx)\", or as CSV UTF-8"]);
    }

    [Theory]
    [InlineData(14u, null, CellNumberFormat.Date)]
    [InlineData(17u, null, CellNumberFormat.Month)]
    [InlineData(20u, null, CellNumberFormat.Time)]
    [InlineData(22u, null, CellNumberFormat.DateTime)]
    [InlineData(0u, null, CellNumberFormat.Plain)]
    [InlineData(49u, null, CellNumberFormat.Plain)]
    [InlineData(164u, "dd/mm/yyyy", CellNumberFormat.Date)]
    [InlineData(164u, "dd/mm/yyyy hh:mm", CellNumberFormat.DateTime)]
    [InlineData(164u, "mmm yyyy", CellNumberFormat.Month)]
    [InlineData(164u, "yyyy", CellNumberFormat.Year)]
    [InlineData(164u, "h:mm AM/PM", CellNumberFormat.Time)]
    [InlineData(164u, "[h]:mm:ss", CellNumberFormat.Time)]
    [InlineData(164u, "[$-809]dddd, d mmmm yyyy", CellNumberFormat.Date)]
    [InlineData(164u, "0.00\" days\"", CellNumberFormat.Plain)]
    [InlineData(164u, "#,##0;[Red]-#,##0", CellNumberFormat.Plain)]
    public void NumberFormats_ClassifiedByWhatTheyShow(uint id, string? code, CellNumberFormat expected)
    {
        XlsxChronologyReader.Classify(id, code).ShouldBe(expected);
    }

    [Fact]
    public async Task LibreOffice_OpensTheTemplateAndAWrittenWorkbook()
    {
        Assert.SkipWhen(LibreOffice.Binary is null, LibreOffice.SkipReason);
        Assert.SkipUnless(LibreOffice.HasCalc, LibreOffice.CalcSkipReason);
        var template = new MemoryStream();
        ChronologyWriter.WriteTemplate(template, ChronologyFileFormat.Xlsx);

        var templateCsv = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(template.ToArray(), "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"));
        var written = Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(Write(ChronologyFileFormat.Xlsx, Sample), "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"));
        var pdf = await LibreOffice.ConvertAsync(Write(ChronologyFileFormat.Xlsx, Sample), "xlsx", "pdf");

        templateCsv.ShouldStartWith(Header);
        written.ShouldContain("31/01/2003,14:30,No,Health visiting");
        written.ShouldContain("Mar 2003,,Yes,Health visiting");
        written.ShouldContain("=SUM(A1) was typed by mistake");
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
