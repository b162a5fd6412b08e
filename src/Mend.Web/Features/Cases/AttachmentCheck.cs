using System.IO.Compression;
using System.Text;

namespace Mend.Web.Features.Cases;

/// <summary>
/// Decides whether an upload may be kept: PDF, Word (DOCX), PNG or JPEG, recognised by the bytes at the
/// start of the file (and, for DOCX, the Word document inside the zip), matching the file's extension,
/// and no larger than the limit (SECURITY.md 12.1–12.5). The name keeps only its last part, without
/// control characters.
/// </summary>
public static class AttachmentCheck
{
    private sealed record Kind(string Extension, string ContentType, Func<byte[], bool> Matches);

    private static readonly Kind[] Kinds =
    [
        new(".pdf", "application/pdf", b => StartsWith(b, "%PDF-"u8)),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsWordDocument),
        new(".png", "image/png", b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new(".jpg", "image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        new(".jpeg", "image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
    ];

    public static string AllowedList => "PDF, Word (.docx), PNG or JPEG";

    public static (AttachmentFile? File, string? Error) Check(string? uploadedName, byte[] content, long maxBytes)
    {
        if (content.Length == 0)
        {
            return (null, "The selected file is empty");
        }

        if (content.Length > maxBytes)
        {
            return (null, $"The selected file must be smaller than {maxBytes / (1024 * 1024)} MB");
        }

        var name = SafeName(uploadedName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Extension == extension);
        if (kind is null)
        {
            return (null, $"The selected file must be a {AllowedList}");
        }

        if (!kind.Matches(content))
        {
            return (null, $"The selected file is not a real {extension.TrimStart('.').ToUpperInvariant()} file. Save it again as a {AllowedList} and upload that");
        }

        return (new AttachmentFile(name, kind.ContentType, content), null);
    }

    /// <summary>
    /// The last part of the name only (no folders), printable characters, at most 200 long. Invisible format characters
    /// go too: a right-to-left override would show "statement\u202Egnp.pdf" as "statementfdp.png", hiding its real type.
    /// </summary>
    public static string SafeName(string? uploadedName)
    {
        var last = (uploadedName ?? "").Replace('\\', '/').Split('/').Last();
        var cleaned = new string(last.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
            && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().TrimStart('.');
        if (cleaned.Length == 0)
        {
            cleaned = "file";
        }

        var extension = Path.GetExtension(cleaned) is { Length: <= 10 } ext ? ext : "";
        return cleaned.Length <= 200 ? cleaned : cleaned[..(200 - extension.Length)] + extension;
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);

    private static bool IsWordDocument(byte[] content)
    {
        if (!StartsWith(content, "PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || zip.GetEntry("word/document.xml") is null)
            {
                return false;
            }

            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            return reader.ReadToEnd().Contains("wordprocessingml", StringComparison.Ordinal);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
