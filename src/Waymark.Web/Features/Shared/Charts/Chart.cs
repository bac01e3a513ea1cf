using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Waymark.Web.Features.Shared.Charts;

/// <summary>A table alternative for a chart: every figure the chart draws, in words and numbers.</summary>
public sealed record ChartTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// A chart drawn on the server as SVG (no JavaScript, prints as it shows), with an accessible name (the SVG's title)
/// and description, and the same figures as a table (<see cref="Table"/>) that _Chart.cshtml shows beneath it.
/// XElement writes the markup, so every label is escaped.
/// </summary>
public abstract class Chart
{
    protected const int Width = 640;
    protected const int Height = 320;
    protected const int Left = 56;
    protected const int Right = 16;
    protected const int Top = 16;
    protected const int Bottom = 56;

    protected static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    protected Chart(string id, string title, string description)
    {
        Id = id;
        Title = title;
        Description = description;
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    public abstract ChartTable Table { get; }

    /// <summary>The drawing's height in SVG units; a bar chart grows with its bars.</summary>
    public virtual int ViewHeight => Height;

    protected abstract IEnumerable<XElement> Draw();

    public IHtmlContent ToSvg()
    {
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {ViewHeight}"),
            new XAttribute("class", "waymark-chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{Id}-title {Id}-desc"),
            new XAttribute("id", Id),
            new XElement(Svg + "title", new XAttribute("id", $"{Id}-title"), Title),
            new XElement(Svg + "desc", new XAttribute("id", $"{Id}-desc"), Description),
            Draw());
        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }

    protected static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    protected static XElement Line(double x1, double y1, double x2, double y2, string cssClass, string? dash = null) =>
        new(Svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("class", cssClass), dash is null ? null : new XAttribute("stroke-dasharray", dash));

    protected static XElement Text(double x, double y, string text, string anchor = "middle", string cssClass = "waymark-chart__label") =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor), new XAttribute("class", cssClass), text);

    /// <summary>A tidy top for the value axis: the next of 1, 2, 5 × 10ⁿ at or above the largest value.</summary>
    protected static double NiceMax(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1d, 2, 2.5, 5, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    /// <summary>The value axis: gridlines and labels at a quarter, a half, three quarters and the top.</summary>
    protected static IEnumerable<XElement> ValueAxis(double max, string unit)
    {
        var plotHeight = Height - Top - Bottom;
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4;
            var y = Top + plotHeight - (plotHeight * i / 4.0);
            yield return Line(Left, y, Width - Right, y, "waymark-chart__grid");
            yield return Text(Left - 6, y + 4, N(value) + unit, "end");
        }
    }

    protected static double Y(double value, double max) => Top + (Height - Top - Bottom) * (1 - (value / max));
}

/// <summary>Values over time against a target line (dashed), with the points labelled.</summary>
public sealed class LineChart(string id, string title, string description, string unit,
    IReadOnlyList<(string Label, double? Value, double? Target)> points, string valueName = "Value", string targetName = "Target line")
    : Chart(id, title, description)
{
    public override ChartTable Table => new(Title, ["Year", valueName, targetName],
        points.Select(p => (IReadOnlyList<string>)[p.Label, p.Value is double v ? N(v) + unit : "No figures", p.Target is double t ? N(t) + unit : ""]).ToList());

    protected override IEnumerable<XElement> Draw()
    {
        var max = NiceMax(points.SelectMany(p => new[] { p.Value ?? 0, p.Target ?? 0 }).DefaultIfEmpty(0).Max());
        foreach (var e in ValueAxis(max, unit))
        {
            yield return e;
        }

        var step = points.Count > 1 ? (Width - Left - Right - 40) / (double)(points.Count - 1) : 0;
        double X(int i) => Left + 20 + (step * i);
        for (var i = 0; i < points.Count; i++)
        {
            yield return Text(X(i), Height - Bottom + 20, points[i].Label);
        }

        var targets = points.Select((p, i) => (p.Target, i)).Where(p => p.Target is not null).ToList();
        if (targets.Count > 1)
        {
            yield return new XElement(Svg + "polyline", new XAttribute("class", "waymark-chart__target"), new XAttribute("stroke-dasharray", "6 4"),
                new XAttribute("points", string.Join(' ', targets.Select(t => $"{N(X(t.i))},{N(Y(t.Target!.Value, max))}"))));
        }

        var values = points.Select((p, i) => (p.Value, i)).Where(p => p.Value is not null).ToList();
        if (values.Count > 1)
        {
            yield return new XElement(Svg + "polyline", new XAttribute("class", "waymark-chart__line"),
                new XAttribute("points", string.Join(' ', values.Select(v => $"{N(X(v.i))},{N(Y(v.Value!.Value, max))}"))));
        }

        foreach (var (value, i) in values)
        {
            yield return new XElement(Svg + "circle", new XAttribute("cx", N(X(i))), new XAttribute("cy", N(Y(value!.Value, max))), new XAttribute("r", 4),
                new XAttribute("class", "waymark-chart__point"));
            yield return Text(X(i), Y(value.Value, max) - 8, N(value.Value) + unit);
        }

        // A key, in words, so neither line relies on colour or dashes alone.
        yield return Line(Left, Height - 14, Left + 24, Height - 14, "waymark-chart__line");
        yield return Text(Left + 30, Height - 10, valueName, "start");
        yield return Line(Left + 200, Height - 14, Left + 224, Height - 14, "waymark-chart__target", "6 4");
        yield return Text(Left + 230, Height - 10, targetName, "start");
    }
}

/// <summary>Horizontal bars, one per group (schools), each labelled with its value; suppressed groups are named, not drawn.</summary>
public sealed class BarChart(string id, string title, string description, string unit, string groupName, string valueName,
    IReadOnlyList<(string Label, double? Value, string Shown)> bars) : Chart(id, title, description)
{
    private const int BarHeight = 22;
    private const int LabelWidth = 240;

    public override ChartTable Table => new(Title, [groupName, valueName], bars.Select(b => (IReadOnlyList<string>)[b.Label, b.Shown]).ToList());

    protected override IEnumerable<XElement> Draw()
    {
        var max = NiceMax(bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max());
        var plot = Width - LabelWidth - Right - 60;
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Top + (i * BarHeight);
            var label = bars[i].Label.Length > 34 ? bars[i].Label[..33] + "…" : bars[i].Label;
            yield return Text(LabelWidth - 6, y + 15, label, "end");
            if (bars[i].Value is double v)
            {
                var w = plot * v / max;
                yield return new XElement(Svg + "rect", new XAttribute("x", LabelWidth), new XAttribute("y", y + 3), new XAttribute("width", N(w)),
                    new XAttribute("height", BarHeight - 6), new XAttribute("class", "waymark-chart__bar"));
                yield return Text(LabelWidth + w + 4, y + 15, bars[i].Shown + (bars[i].Shown.Length > 0 ? unit : ""), "start");
            }
            else
            {
                yield return Text(LabelWidth + 4, y + 15, bars[i].Shown, "start");
            }
        }
    }

    /// <summary>Tall enough for every bar.</summary>
    public override int ViewHeight => Top + (bars.Count * BarHeight) + 8;
}

/// <summary>How many pupils fall in each band of a measure (absence rate), as touching columns.</summary>
public sealed class Histogram(string id, string title, string description, string bandName, string countName,
    IReadOnlyList<(string Band, long Count, string Shown)> bands) : Chart(id, title, description)
{
    public override ChartTable Table => new(Title, [bandName, countName], bands.Select(b => (IReadOnlyList<string>)[b.Band, b.Shown]).ToList());

    protected override IEnumerable<XElement> Draw()
    {
        // Suppressed bands are drawn as empty, so the picture gives no more away than the table.
        var drawn = bands.Select(b => b.Shown == Domain.Kpis.Suppression.Symbol ? 0 : b.Count).ToList();
        var max = NiceMax(drawn.DefaultIfEmpty(0).Max());
        foreach (var e in ValueAxis(max, ""))
        {
            yield return e;
        }

        var width = (Width - Left - Right) / (double)Math.Max(1, bands.Count);
        for (var i = 0; i < bands.Count; i++)
        {
            var x = Left + (i * width);
            var y = Y(drawn[i], max);
            yield return new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(width - 1)),
                new XAttribute("height", N(Height - Bottom - y)), new XAttribute("class", "waymark-chart__bar"));
            yield return Text(x + (width / 2), Height - Bottom + 16, bands[i].Band);
            yield return Text(x + (width / 2), y - 4, bands[i].Shown);
        }

        yield return Text(Left + ((Width - Left - Right) / 2.0), Height - 12, bandName);
    }
}
