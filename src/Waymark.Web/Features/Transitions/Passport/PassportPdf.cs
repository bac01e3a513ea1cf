using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Passport;

/// <summary>
/// Draws a <see cref="TransitionPassport"/> as an A4 PDF: one page for typical content, flowing on
/// to further pages rather than cutting anything off. Text is wrapped by measured width.
/// </summary>
public static class PassportPdf
{
    public const string FileName = "transition-passport.pdf";

    public const string DocumentTitle = "Transition Passport";

    public static byte[] Render(TransitionPassport passport)
    {
        ArgumentNullException.ThrowIfNull(passport);
        PassportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = DocumentTitle;
        document.Info.Subject = "A child-friendly summary for the secondary school, made from the shareable sections of the transition profile";
        document.Info.Creator = "Waymark";
        document.Options.CompressContentStreams = true;

        using (var flow = new PageFlow(document))
        {
            flow.Header(passport);
            if (passport.IsEmpty)
            {
                flow.Paragraph("Nothing has been written in the shareable sections of the transition profile yet.", flow.Body, PdfInk.Text);
            }

            foreach (var part in passport.Parts)
            {
                flow.Part(part);
            }
        }

        DrawFooters(document, passport);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void DrawFooters(PdfDocument document, TransitionPassport passport)
    {
        var font = PdfFonts.Make(8.5, XFontStyleEx.Regular);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var top = page.Height.Point - PageFlow.Margin - PageFlow.FooterHeight + 8;
            var width = page.Width.Point - (2 * PageFlow.Margin);
            g.DrawLine(new XPen(PdfInk.Rule, 0.75), PageFlow.Margin, top - 4, PageFlow.Margin + width, top - 4);
            var second = passport.Produced + (document.PageCount > 1 ? $" · Page {i + 1} of {document.PageCount}" : "");
            var y = top;
            foreach (var line in PageFlow.Wrap(g, passport.Journey, font, width).Append(second).ToList())
            {
                g.DrawString(line, font, PdfInk.Secondary, new XPoint(PageFlow.Margin, y), XStringFormats.TopLeft);
                y += font.GetHeight();
            }
        }
    }



    /// <summary>
    /// Writes down the page in two columns, moving to the next column and then a new page whenever
    /// the next line would not fit, so nothing is ever cut off.
    /// </summary>
    private sealed class PageFlow(PdfDocument document) : IDisposable
    {
        public const double Margin = 40;
        public const double FooterHeight = 42;
        private const double Gutter = 20;
        private const double PhotoWidth = 90;
        private const double PhotoHeight = 108;
        private const double QuoteIndent = 10;

        private readonly XFont _title = PdfFonts.Make(24, XFontStyleEx.Bold);
        private readonly XFont _name = PdfFonts.Make(15, XFontStyleEx.Bold);
        private readonly XFont _heading = PdfFonts.Make(13, XFontStyleEx.Bold);
        private readonly XFont _label = PdfFonts.Make(10, XFontStyleEx.Bold);
        private readonly XFont _small = PdfFonts.Make(9, XFontStyleEx.Regular);
        private PdfPage? _page;
        private XGraphics? _g;
        private double _y;
        private double _columnTop;
        private int _column;

        public XFont Body { get; } = PdfFonts.Make(10, XFontStyleEx.Regular);

        private XGraphics G => _g ?? throw new InvalidOperationException("No page is open.");

        private double PageWidth => _page!.Width.Point;

        private double Bottom => _page!.Height.Point - Margin - FooterHeight;

        private double ColumnWidth => (PageWidth - (2 * Margin) - Gutter) / 2;

        private double Left => Margin + (_column * (ColumnWidth + Gutter));

        public void Header(TransitionPassport passport)
        {
            NewPage(continued: false);
            var photo = new XRect(PageWidth - Margin - PhotoWidth, Margin, PhotoWidth, PhotoHeight);
            G.DrawRectangle(new XPen(PdfInk.Rule, 1.5) { DashStyle = XDashStyle.Dash }, photo);
            G.DrawString("My photo", Body, PdfInk.Secondary, photo, XStringFormats.Center);

            var textWidth = PageWidth - (2 * Margin) - PhotoWidth - 16;
            Lines(TransitionPassport.Title, _title, PdfInk.Brand, 0, textWidth);
            _y += 4;
            if (!string.IsNullOrWhiteSpace(passport.KnownAs))
            {
                Lines($"My name is {passport.KnownAs}", _name, PdfInk.Text, 0, textWidth);
                _y += 4;
            }

            Lines(TransitionPassport.OwnWordsNote, _small, PdfInk.Secondary, 0, textWidth);
            _y = Math.Max(_y, Margin + PhotoHeight) + 6;
            _columnTop = _y;
        }

        public void Part(PassportPart part)
        {
            // A heading never sits alone at the foot of a column.
            EnsureSpace(6 + _heading.GetHeight() + 6 + _label.GetHeight() + (2 * Body.GetHeight()));
            _y += 6;
            Lines(part.Heading, _heading, PdfInk.Brand, 0, ColumnWidth);
            G.DrawLine(new XPen(PdfInk.Quote, 1.25), Left, _y + 1, Left + ColumnWidth, _y + 1);
            _y += 6;
            foreach (var entry in part.Entries)
            {
                Entry(entry);
            }

            foreach (var action in part.Actions)
            {
                Bullet(TransitionPassport.Describe(action));
            }
        }

        public void Paragraph(string text, XFont font, XBrush brush)
        {
            Lines(text, font, brush, 0, ColumnWidth);
            _y += 4;
        }

        private void Entry(PassportEntry entry)
        {
            var label = entry.ChildsOwnWords
                ? (entry.Label is null ? "In my own words" : $"{entry.Label} (in my own words)")
                : entry.Label;
            if (label is not null)
            {
                EnsureSpace(_label.GetHeight() + Body.GetHeight());
                Lines(label, _label, PdfInk.Text, 0, ColumnWidth);
                _y += 1;
            }

            if (entry.ChildsOwnWords)
            {
                var bar = new XPen(PdfInk.Quote, 2.5);
                Lines($"\u201c{entry.Text}\u201d", Body, PdfInk.Text, QuoteIndent, ColumnWidth - QuoteIndent,
                    (top, height) => G.DrawLine(bar, Left + 2, top, Left + 2, top + height));
            }
            else
            {
                Lines(entry.Text, Body, PdfInk.Text, 0, ColumnWidth);
            }

            _y += 5;
        }

        private void Bullet(string text)
        {
            var first = true;
            foreach (var line in Wrap(G, text, Body, ColumnWidth - QuoteIndent).ToList())
            {
                EnsureSpace(Body.GetHeight());
                if (first)
                {
                    G.DrawString("\u2022", Body, PdfInk.Text, new XPoint(Left + 1, _y), XStringFormats.TopLeft);
                    first = false;
                }

                G.DrawString(line, Body, PdfInk.Text, new XPoint(Left + QuoteIndent, _y), XStringFormats.TopLeft);
                _y += Body.GetHeight();
            }

            _y += 2;
        }

        /// <summary>Draws wrapped text line by line; <paramref name="decorate"/> draws beside each line (the quote bar).</summary>
        private void Lines(string text, XFont font, XBrush brush, double indent, double width, Action<double, double>? decorate = null)
        {
            var height = font.GetHeight();

            // Measured in full first: a new page replaces the graphics the lines were measured with.
            foreach (var line in Wrap(G, text, font, width).ToList())
            {
                EnsureSpace(height);
                decorate?.Invoke(_y, height);
                if (line.Length > 0)
                {
                    G.DrawString(line, font, brush, new XPoint(Left + indent, _y), XStringFormats.TopLeft);
                }

                _y += height;
            }
        }

        private void EnsureSpace(double height)
        {
            if (_y + height <= Bottom)
            {
                return;
            }

            if (_column == 0 && _columnTop > 0)
            {
                _column = 1;
                _y = _columnTop;
            }
            else
            {
                NewPage(continued: true);
            }
        }

        private void NewPage(bool continued)
        {
            _g?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _g = XGraphics.FromPdfPage(_page);
            _column = 0;
            _y = Margin;
            _columnTop = 0;
            if (continued)
            {
                G.DrawString($"{TransitionPassport.Title} (continued)", _small, PdfInk.Secondary, new XPoint(Margin, _y), XStringFormats.TopLeft);
                _y += _small.GetHeight() + 6;
                _columnTop = _y;
            }
        }

        public static IEnumerable<string> Wrap(XGraphics g, string text, XFont font, double width) => PdfWrap.Lines(g, text, font, width);

        public void Dispose() => _g?.Dispose();
    }
}
