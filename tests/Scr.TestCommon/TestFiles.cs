using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Scr.TestCommon;

/// <summary>Small real files, and the hostile ones an upload must refuse, made in memory for the tests.</summary>
public static class TestFiles
{
    /// <summary>A one-page PDF with a line of text.</summary>
    public static byte[] Pdf(string text = "Fictional agency report")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {$"BT /F1 12 Tf 72 770 Td ({text}) Tj ET".Length} >>\nstream\nBT /F1 12 Tf 72 770 Td ({text}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 2×2 PNG image (RGB), written chunk by chunk with its CRCs.</summary>
    public static byte[] Png()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 2);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 2);
        header[8] = 8; // bits per sample
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            // Each row: filter type 0, then two RGB pixels.
            zlib.Write([0, 0x1D, 0x70, 0xB8, 0xFF, 0xFF, 0xFF, 0, 0xFF, 0xFF, 0xFF, 0x1D, 0x70, 0xB8]);
        }
        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A 1×1 JPEG image (the smallest well-formed one: arithmetic-coded, 125 bytes).</summary>
    public static byte[] Jpeg() => Convert.FromHexString(
        "FFD8FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010"
        + "FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9");

    /// <summary>The start of a Windows program: "MZ", the DOS stub, "PE".</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 0x4E);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        Encoding.ASCII.GetBytes("PE\0\0").CopyTo(bytes, 0x80);
        return bytes;
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('x')</script></body></html>");

    /// <summary>
    /// A Word-shaped package written by hand: [Content_Types].xml, the package relationships and the main part with
    /// <paramref name="mainContentType"/> (a macro-enabled type makes a .docm), and any extra parts.
    /// </summary>
    public static byte[] OfficePackage(string mainPart, string mainContentType, params (string Name, byte[] Content)[] extra)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/{mainPart}" ContentType="{mainContentType}"/>
                </Types>
                """));
            Add(zip, "_rels/.rels", Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{mainPart}"/>
                </Relationships>
                """));
            Add(zip, mainPart, Encoding.UTF8.GetBytes("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Fictional</w:t></w:r></w:p></w:body></w:document>
                """));
            foreach (var (name, content) in extra)
            {
                Add(zip, name, content);
            }
        }
        return output.ToArray();
    }

    /// <summary>A .docx written by hand (the parts the check reads).</summary>
    public static byte[] Docx() => OfficePackage("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");

    /// <summary>
    /// A zip bomb dressed as a Word document: a valid package with one more part of <paramref name="megabytes"/> MB of
    /// zeros, which deflate squeezes about a thousand times.
    /// </summary>
    public static byte[] ZipBomb(int megabytes = 16) =>
        OfficePackage("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            ("word/media/padding.bin", new byte[megabytes * 1024 * 1024]));

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
