using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Scr.Core.Models;

namespace Scr.Core.Rules.Documents;

/// <summary>
/// How large a document may be, and how far a Word or Excel file (a ZIP package) may expand when it is opened. From
/// configuration ("Documents"; see <c>DocumentSettings</c>).
/// </summary>
/// <param name="MaxBytes">The largest file accepted.</param>
/// <param name="MaxZipEntries">The most parts a Word or Excel file may hold.</param>
/// <param name="MaxUncompressedBytes">The most all its parts together may expand to.</param>
/// <param name="MaxCompressionRatio">How many times its compressed size one part may expand to (beyond <see cref="RatioGraceBytes"/>).</param>
public sealed record DocumentLimits(long MaxBytes, int MaxZipEntries, long MaxUncompressedBytes, int MaxCompressionRatio)
{
    public const long Megabyte = 1024 * 1024;

    /// <summary>A part may expand to this much whatever its ratio: a small run of repeated bytes is harmless.</summary>
    public const long RatioGraceBytes = Megabyte;

    /// <summary>[Content_Types].xml and the package's relationships are read into memory; real ones are a few kilobytes.</summary>
    public const int MaxManifestBytes = 1024 * 1024;

    public static readonly DocumentLimits Default = new(20 * Megabyte, 10_000, 256 * Megabyte, 100);
}

/// <summary>What the check found: the document's type, or why it is refused (a message naming the file).</summary>
public sealed record DocumentCheck(DocumentType? Type, string? Problem)
{
    public bool IsAccepted => Type is not null;
}

/// <summary>
/// Which files the service accepts, decided from their content, never from the name or the browser's content type: the
/// one place this rule lives, for the site, the API and anything later that attaches files. Accepted: PDF, Word
/// (.docx), Excel (.xlsx), PNG and JPEG, each with a name whose extension agrees with its content. Word and Excel files
/// are ZIP packages: every part is inflated through a counted, bounded read (the sizes a ZIP declares are not trusted,
/// and what comes out must match the part's CRC), so a zip bomb is refused before it can fill memory or disk, and a
/// package that lies about its parts is refused as damaged. Macro-enabled packages are refused. Pure: it reads only the
/// stream it is given.
/// </summary>
public static class DocumentContentRules
{
    public const string WordMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private static readonly string[] OfficeDocumentRelationships =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ];

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The media type a document is sent with.</summary>
    public static string MediaType(DocumentType type) => type switch
    {
        DocumentType.Pdf => "application/pdf",
        DocumentType.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentType.Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentType.Png => "image/png",
        _ => "image/jpeg",
    };

    /// <summary>The extensions a name may end with for each type; the first is the usual one.</summary>
    public static IReadOnlyList<string> Extensions(DocumentType type) => type switch
    {
        DocumentType.Pdf => [".pdf"],
        DocumentType.Word => [".docx"],
        DocumentType.Excel => [".xlsx"],
        DocumentType.Png => [".png"],
        _ => [".jpg", ".jpeg"],
    };

    /// <summary>What a file input may offer to choose (its <c>accept</c> attribute).</summary>
    public static string Accept => string.Join(",", Enum.GetValues<DocumentType>().SelectMany(Extensions));

    /// <summary>
    /// Checks a file as uploaded: its name (as given; it is sanitised here for the messages) and its content, a readable,
    /// seekable stream of the whole file, which is read from the start and left open.
    /// </summary>
    public static DocumentCheck Check(string? fileName, Stream content, DocumentLimits limits)
    {
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("The content must be readable and seekable.", nameof(content));
        }
        var name = DocumentNames.Sanitise(fileName);
        if (content.Length == 0)
        {
            return Refused($"“{name}” is empty");
        }
        if (content.Length > limits.MaxBytes)
        {
            return Refused($"“{name}” must be smaller than {Labels.FileSize(limits.MaxBytes)}");
        }
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        DocumentType type;
        if (head.StartsWith(PdfSignature))
        {
            type = DocumentType.Pdf;
        }
        else if (head.StartsWith(PngSignature))
        {
            type = DocumentType.Png;
        }
        else if (head.StartsWith(JpegSignature))
        {
            type = DocumentType.Jpeg;
        }
        else if (head.StartsWith(ZipSignature))
        {
            var package = CheckPackage(name, content, limits);
            if (package.Problem is not null)
            {
                return package;
            }
            type = package.Type!.Value;
        }
        else
        {
            return NotAccepted(name);
        }
        var extension = DocumentNames.Extension(name).ToLowerInvariant();
        var allowed = Extensions(type);
        if (!allowed.Contains(extension))
        {
            return Refused($"“{name}” is {Described(type)}: its name must end {allowed[0]}");
        }
        return new DocumentCheck(type, null);
    }

    private static DocumentCheck Refused(string problem) => new(null, problem);

    private static DocumentCheck NotAccepted(string name) => Refused($"“{name}” is not a PDF, Word, Excel, PNG or JPEG file");

    private static DocumentCheck Damaged(string name) => Refused($"“{name}” is damaged or is not a Word or Excel file");

    private static string Described(DocumentType type) => type switch
    {
        DocumentType.Pdf => "a PDF",
        DocumentType.Word => "a Word document",
        DocumentType.Excel => "an Excel workbook",
        DocumentType.Png => "a PNG image",
        _ => "a JPEG image",
    };

    /// <summary>A ZIP file: a Word or Excel package, inflated part by part within the limits, or refused.</summary>
    private static DocumentCheck CheckPackage(string name, Stream content, DocumentLimits limits)
    {
        content.Position = 0;
        byte[]? contentTypes = null;
        byte[]? relationships = null;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return Refused($"“{name}” holds more than {limits.MaxZipEntries.ToString("N0", CultureInfo.InvariantCulture)} parts, too many to open safely");
            }
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (!names.Add(entry.FullName))
                {
                    // Two parts of one name: programs would disagree about which one counts.
                    return Damaged(name);
                }
                var keep = entry.FullName is "[Content_Types].xml" or "_rels/.rels" ? new MemoryStream() : null;
                // Whatever the entry declares, never inflate more than its share: a ratio of its compressed size.
                var allowance = Math.Max(DocumentLimits.RatioGraceBytes, entry.CompressedLength * (long)limits.MaxCompressionRatio);
                long inflated = 0;
                uint crc = 0;
                using (var stream = entry.Open())
                {
                    int count;
                    while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        inflated += count;
                        total += count;
                        crc = Crc32.Append(crc, buffer.AsSpan(0, count));
                        if (total > limits.MaxUncompressedBytes)
                        {
                            return Refused($"“{name}” would expand to more than {Labels.FileSize(limits.MaxUncompressedBytes)} when opened, too much to open safely");
                        }
                        if (inflated > allowance)
                        {
                            return Refused($"“{name}” is compressed too tightly (more than {limits.MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)} to 1) to open safely");
                        }
                        if (keep is not null)
                        {
                            if (keep.Length + count > DocumentLimits.MaxManifestBytes)
                            {
                                return Damaged(name);
                            }
                            keep.Write(buffer, 0, count);
                        }
                    }
                }
                if (crc != entry.Crc32)
                {
                    // What came out is not what the package declares (a size that lies, or damage).
                    return Damaged(name);
                }
                if (entry.FullName == "[Content_Types].xml")
                {
                    contentTypes = keep!.ToArray();
                }
                else if (entry.FullName == "_rels/.rels")
                {
                    relationships = keep!.ToArray();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return Damaged(name);
        }
        if (contentTypes is null || relationships is null)
        {
            // A ZIP file, but not an Office package.
            return NotAccepted(name);
        }
        return CheckOfficePackage(name, names, contentTypes, relationships);
    }

    /// <summary>The package's main part, named by its relationships and typed by [Content_Types].xml, says what it is.</summary>
    private static DocumentCheck CheckOfficePackage(string name, IReadOnlySet<string> parts, byte[] contentTypesXml, byte[] relationshipsXml)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? mainTarget = null;
        try
        {
            foreach (var element in Load(contentTypesXml).Root!.Elements())
            {
                var contentType = (string?)element.Attribute("ContentType") ?? "";
                if (element.Name.LocalName == "Default" && (string?)element.Attribute("Extension") is { } extension)
                {
                    defaults[extension] = contentType;
                }
                else if (element.Name.LocalName == "Override" && (string?)element.Attribute("PartName") is { } partName)
                {
                    overrides[partName] = contentType;
                }
            }
            mainTarget = Load(relationshipsXml).Root!.Elements()
                .Where(e => e.Name.LocalName == "Relationship" && OfficeDocumentRelationships.Contains((string?)e.Attribute("Type")))
                .Select(e => (string?)e.Attribute("Target"))
                .FirstOrDefault();
        }
        catch (XmlException)
        {
            return Damaged(name);
        }
        var allTypes = defaults.Values.Concat(overrides.Values).ToList();
        if (allTypes.Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || t.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
            || parts.Any(p => p.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            return Refused($"“{name}” contains macros: save it as a Word document (.docx) or Excel workbook (.xlsx) without macros and upload that");
        }
        if (string.IsNullOrEmpty(mainTarget) || mainTarget.Contains("..", StringComparison.Ordinal) || mainTarget.Contains(':', StringComparison.Ordinal))
        {
            return NotAccepted(name);
        }
        var mainPart = "/" + mainTarget.TrimStart('/');
        if (!parts.Contains(mainPart[1..]))
        {
            return Damaged(name);
        }
        var mainType = overrides.GetValueOrDefault(mainPart) ?? defaults.GetValueOrDefault(DocumentNames.Extension(mainPart).TrimStart('.'));
        return mainType switch
        {
            WordMainContentType => new DocumentCheck(DocumentType.Word, null),
            ExcelMainContentType => new DocumentCheck(DocumentType.Excel, null),
            _ => NotAccepted(name),
        };
    }

    /// <summary>Parses a small XML part with no DTD and no external resources.</summary>
    private static XDocument Load(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = DocumentLimits.MaxManifestBytes,
        });
        var document = XDocument.Load(reader);
        return document.Root is null ? throw new XmlException("No root element.") : document;
    }
}
