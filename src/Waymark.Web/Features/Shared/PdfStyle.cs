using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Waymark.Web.Features.Transitions.Passport;

namespace Waymark.Web.Features.Shared;

/// <summary>The GOV.UK colours the PDFs are drawn in (text, secondary text, brand blue, rules).</summary>
public static class PdfInk
{
    public static readonly XBrush Text = new XSolidBrush(XColor.FromArgb(0x0b, 0x0c, 0x0c));
    public static readonly XBrush Secondary = new XSolidBrush(XColor.FromArgb(0x50, 0x5a, 0x5f));
    public static readonly XBrush Brand = new XSolidBrush(XColor.FromArgb(0x1d, 0x70, 0xb8));
    public static readonly XColor Rule = XColor.FromArgb(0xb1, 0xb4, 0xb6);
    public static readonly XColor Quote = XColor.FromArgb(0x1d, 0x70, 0xb8);
}

/// <summary>Fonts for the PDFs: Atkinson Hyperlegible, embedded as Unicode so every name prints as written.</summary>
public static class PdfFonts
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static XFont Make(double size, XFontStyleEx style) => new(PassportFonts.Family, size, style, Unicode);
}
