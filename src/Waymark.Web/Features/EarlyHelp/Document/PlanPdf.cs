using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Features.Shared;
using Waymark.Web.Features.Transitions.Passport;

namespace Waymark.Web.Features.EarlyHelp.Document;

/// <summary>
/// Draws the Family Early Help Plan as an A4 PDF, section by section in the order of the form, flowing onto new pages
/// rather than cutting anything off. Same font as the Transition Passport (Atkinson Hyperlegible, shipped with the app).
/// </summary>
public static class PlanPdf
{
    public const string DocumentTitle = "Family Early Help Plan";

    public static byte[] Render(PlanDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        PassportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = DocumentTitle;
        document.Info.Creator = "Waymark";
        document.Options.CompressContentStreams = true;
        var plan = doc.Plan;

        using (var flow = new Flow(document))
        {
            flow.Text(DocumentTitle, flow.Title, PdfInk.Brand);
            flow.Text(plan.FamilyName, flow.Name, PdfInk.Text);
            flow.Text($"Stage: {PlanText.Stage(plan.Stage)}" + (plan.Tier is TierOfNeed t ? $" · {PlanText.Tier(t)}" : ""), flow.Body, PdfInk.Secondary);
            flow.Gap(6);

            flow.Heading("Our family");
            foreach (var m in plan.Members.OrderBy(m => m.Role).ThenBy(m => m.Id))
            {
                flow.Bullet(PlanDocument.MemberText(m));
            }

            flow.Field("Address", plan.Address);
            flow.Field("Phone", plan.Phone);
            flow.Field("Email", plan.Email);
            flow.Field("Useful information", plan.UsefulInformation);
            if (plan.CurrentLeadProfessional is { } lead)
            {
                flow.Field("Lead Professional", $"{lead.Name}, {lead.Agency}" + (lead.Phone is null ? "" : $", {lead.Phone}") + (lead.Email is null ? "" : $", {lead.Email}"));
            }

            flow.Heading("Consent");
            foreach (var c in plan.Consents.OrderBy(c => c.GivenOn).ThenBy(c => c.Id))
            {
                flow.Bullet(doc.ConsentText(c));
            }

            if (doc.Services.Count > 0)
            {
                flow.Heading("Who else is working with our family");
                foreach (var s in doc.Services)
                {
                    flow.Bullet($"{s.Service} ({s.Contact}): {s.WhoAndHow}");
                }
            }

            flow.Heading("How things are: scores from 0 (really worried) to 10 (all is well)");
            var assessed = doc.Assessed.ToList();
            flow.Table(["Aspect of life", .. assessed.Select(m => m.Name)],
                [.. AspectsOfLife.All.Select(a => (IReadOnlyList<string>)[AspectsOfLife.DisplayName(a), .. assessed.Select(m => doc.ScoreText(m, a))])]);

            foreach (var m in assessed)
            {
                if (doc.AssessmentOf(m) is not { } sa)
                {
                    continue;
                }

                flow.Subheading($"{m.Name}, {EarlyHelpText.Date(sa.AssessedOn)}");
                foreach (var s in sa.Scores.OrderBy(s => s.Aspect))
                {
                    var parts = new[]
                    {
                        s.NotApplicableReason is null ? null : $"Not applicable: {s.NotApplicableReason}",
                        s.WorkingWell is null ? null : $"Working well: {s.WorkingWell}",
                        s.CouldBeBetter is null ? null : $"Could be better: {s.CouldBeBetter}",
                    }.Where(p => p is not null);
                    var text = string.Join(" ", parts);
                    if (text.Length > 0)
                    {
                        flow.Field(AspectsOfLife.DisplayName(s.Aspect), text);
                    }
                }

                flow.Field("Practitioner view", (sa.PractitionerAgrees ? "Agrees with the self-assessment" : "Disagrees with the self-assessment")
                    + (sa.PractitionerReasons is null ? "" : $": {sa.PractitionerReasons}"));
                flow.Field("In their own words", sa.InTheirOwnWords is null ? null : $"\u201c{sa.InTheirOwnWords}\u201d");
            }

            flow.Heading("Our action plan");
            foreach (var aspect in AspectsOfLife.All)
            {
                flow.Subheading(AspectsOfLife.DisplayName(aspect));
                var actions = doc.ActionsFor(aspect).ToList();
                if (actions.Count == 0)
                {
                    flow.Text(PlanDocument.NoActionNeeded, flow.Body, PdfInk.Secondary);
                }

                foreach (var a in actions)
                {
                    flow.Bullet(PlanDocument.ActionText(a));
                }
            }

            flow.Heading("Agreement and review");
            flow.Field("Plan agreed", plan.AgreedOn is DateOnly agreed ? EarlyHelpText.Date(agreed) : "Not yet agreed");
            flow.Field("Next review due", plan.ReviewDueOn is DateOnly due ? EarlyHelpText.Date(due) : "None");
            if (plan.ClosedOn is DateOnly closed)
            {
                flow.Field("Closed", EarlyHelpText.Date(closed) + (plan.ClosureReason is ClosureReason r ? $": {PlanText.Closure(r)}" : ""));
            }
        }

        DrawFooters(document, $"{DocumentTitle} · {doc.Plan.FamilyName} · Produced {EarlyHelpText.Date(doc.Today)} · Confidential");
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void DrawFooters(PdfDocument document, string text)
    {
        var font = PdfFonts.Make(8.5, XFontStyleEx.Regular);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Flow.Margin - Flow.FooterHeight + 12;
            g.DrawLine(new XPen(PdfInk.Rule, 0.75), Flow.Margin, y - 4, page.Width.Point - Flow.Margin, y - 4);
            g.DrawString($"{text} · Page {i + 1} of {document.PageCount}", font, PdfInk.Secondary, new XPoint(Flow.Margin, y), XStringFormats.TopLeft);
        }
    }



    /// <summary>Writes down the page in one column, starting a new page whenever the next line would not fit.</summary>
    private sealed class Flow(PdfDocument document) : IDisposable
    {
        public const double Margin = 40;
        public const double FooterHeight = 30;
        private const double Indent = 10;
        private const double CellPadding = 3;

        private readonly XFont _heading = PdfFonts.Make(14, XFontStyleEx.Bold);
        private readonly XFont _subheading = PdfFonts.Make(11, XFontStyleEx.Bold);
        private readonly XFont _label = PdfFonts.Make(10, XFontStyleEx.Bold);
        private PdfPage? _page;
        private XGraphics? _g;
        private double _y;

        public XFont Title { get; } = PdfFonts.Make(22, XFontStyleEx.Bold);

        public XFont Name { get; } = PdfFonts.Make(15, XFontStyleEx.Bold);

        public XFont Body { get; } = PdfFonts.Make(10, XFontStyleEx.Regular);

        private XGraphics G => _g ?? NewPage();

        private double Width => _page!.Width.Point - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin - FooterHeight;

        public void Gap(double points) => _y += points;

        public void Heading(string text)
        {
            EnsureSpace(10 + _heading.GetHeight() + (3 * Body.GetHeight()));
            _y += 10;
            Text(text, _heading, PdfInk.Brand);
            G.DrawLine(new XPen(PdfInk.Rule, 1), Margin, _y, Margin + Width, _y);
            _y += 4;
        }

        public void Subheading(string text)
        {
            EnsureSpace(4 + _subheading.GetHeight() + (2 * Body.GetHeight()));
            _y += 4;
            Text(text, _subheading, PdfInk.Text);
        }

        public void Field(string label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            EnsureSpace(_label.GetHeight() + Body.GetHeight());
            Text(label, _label, PdfInk.Text);
            Text(value, Body, PdfInk.Text);
            _y += 3;
        }

        public void Bullet(string text)
        {
            var first = true;
            foreach (var line in PdfWrap.Lines(G, text, Body, Width - Indent).ToList())
            {
                EnsureSpace(Body.GetHeight());
                if (first)
                {
                    G.DrawString("\u2022", Body, PdfInk.Text, new XPoint(Margin + 1, _y), XStringFormats.TopLeft);
                    first = false;
                }

                G.DrawString(line, Body, PdfInk.Text, new XPoint(Margin + Indent, _y), XStringFormats.TopLeft);
                _y += Body.GetHeight();
            }

            _y += 2;
        }

        public void Text(string text, XFont font, XBrush brush)
        {
            foreach (var line in PdfWrap.Lines(G, text, font, Width).ToList())
            {
                EnsureSpace(font.GetHeight());
                if (line.Length > 0)
                {
                    G.DrawString(line, font, brush, new XPoint(Margin, _y), XStringFormats.TopLeft);
                }

                _y += font.GetHeight();
            }
        }

        /// <summary>A grid: the first column as wide as the longest aspect, the rest shared; the header repeats on a new page.</summary>
        public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var first = Math.Min(Width / 2, 150);
            var rest = header.Count > 1 ? (Width - first) / (header.Count - 1) : 0;
            double X(int column) => Margin + (column == 0 ? 0 : first + ((column - 1) * rest));
            double W(int column) => column == 0 ? first : rest;

            void Row(IReadOnlyList<string> cells, XFont font)
            {
                var wrapped = cells.Select((c, i) => PdfWrap.Lines(G, c, font, W(i) - (2 * CellPadding)).ToList()).ToList();
                var height = (wrapped.Max(w => w.Count) * font.GetHeight()) + (2 * CellPadding);
                if (_y + height > Bottom)
                {
                    NewPage();
                    if (!ReferenceEquals(cells, header))
                    {
                        Row(header, _label);
                    }

                    wrapped = cells.Select((c, i) => PdfWrap.Lines(G, c, font, W(i) - (2 * CellPadding)).ToList()).ToList();
                }

                for (var i = 0; i < wrapped.Count; i++)
                {
                    var y = _y + CellPadding;
                    foreach (var line in wrapped[i])
                    {
                        G.DrawString(line, font, PdfInk.Text, new XPoint(X(i) + CellPadding, y), XStringFormats.TopLeft);
                        y += font.GetHeight();
                    }
                }

                _y += height;
                G.DrawLine(new XPen(PdfInk.Rule, 0.5), Margin, _y, Margin + Width, _y);
            }

            Row(header, _label);
            foreach (var row in rows)
            {
                Row(row, Body);
            }

            _y += 4;
        }

        private void EnsureSpace(double height)
        {
            if (_page is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _g?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _g = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _g;
        }

        public void Dispose() => _g?.Dispose();
    }
}
