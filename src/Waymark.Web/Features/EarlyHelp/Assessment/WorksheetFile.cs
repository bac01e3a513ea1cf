using Waymark.Data.Configuration;

namespace Waymark.Web.Features.EarlyHelp.Assessment;

/// <summary>
/// A child's worksheet or drawing: a PDF, PNG or JPEG, told by its first bytes (a renamed file is refused), no larger
/// than <see cref="EarlyHelpLimits.AttachmentBytes"/>.
/// </summary>
public static class WorksheetFile
{
    public sealed record Kind(string ContentType, string[] Extensions, byte[] Magic);

    public static readonly IReadOnlyList<Kind> Kinds =
    [
        new("application/pdf", [".pdf"], "%PDF-"u8.ToArray()),
        new("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
    ];

    public static string MaxSize => $"{EarlyHelpLimits.AttachmentBytes / (1024 * 1024)}MB";

    /// <summary>The kind of file, or an error naming the problem.</summary>
    public static (Kind? Kind, string? Problem) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return (null, "The selected worksheet is empty");
        }

        if (content.Length > EarlyHelpLimits.AttachmentBytes)
        {
            return (null, $"The worksheet must be smaller than {MaxSize}");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var kind in Kinds)
        {
            if (content.StartsWith(kind.Magic))
            {
                return kind.Extensions.Contains(extension)
                    ? (kind, null)
                    : (null, "The worksheet's name does not match what is in it: it must be a PDF, PNG or JPEG with the right ending");
            }
        }

        return (null, "The worksheet must be a PDF, PNG or JPEG");
    }

    /// <summary>A name safe to store and to send back in a download: no folders, no control characters.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "worksheet";
        }

        return name.Length <= EarlyHelpLimits.Name ? name : name[^EarlyHelpLimits.Name..];
    }
}

/// <summary>For _AnswerText: Rows 0 is a one-line text box.</summary>
public sealed record AnswerText(string Id, string Name, string Label, string? Value, string? Error, int Rows = 3);
