using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Waymark.Web.Features.Transitions.Passport;

/// <summary>
/// Atkinson Hyperlegible (SIL Open Font License), built for readers with low vision and copied by
/// the build to fonts/ beside the binary: a Linux server has no fonts PDFsharp can rely on.
/// Every family name resolves to it, so nothing in a passport can fall back to a missing font.
/// </summary>
public sealed class PassportFonts : IFontResolver
{
    public const string Family = "Atkinson Hyperlegible";

    private static readonly Lock RegisterLock = new();
    private static bool _registered;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private PassportFonts()
    {
    }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fonts");

    /// <summary>PDFsharp takes one resolver for the whole process, set before any font is used.</summary>
    public static void EnsureRegistered()
    {
        lock (RegisterLock)
        {
            if (_registered)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new PassportFonts();
            _registered = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new((bold, italic) switch
    {
        (true, true) => "AtkinsonHyperlegible_700Bold_Italic",
        (true, false) => "AtkinsonHyperlegible_700Bold",
        (false, true) => "AtkinsonHyperlegible_400Regular_Italic",
        _ => "AtkinsonHyperlegible_400Regular",
    });

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, static face =>
    {
        var path = Path.Combine(Folder, face + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The passport font {face} is missing: the build copies it to {Folder}.", path);
    });
}
