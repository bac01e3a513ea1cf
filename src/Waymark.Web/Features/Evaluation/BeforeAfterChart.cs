using System.Globalization;
using Waymark.Data.Evaluation;

namespace Waymark.Web.Features.Evaluation;

/// <summary>
/// Geometry for a before/after line chart of two groups' means, drawn as SVG on the server (no script). The values are in
/// the table above it, which is its text alternative.
/// </summary>
public sealed class BeforeAfterChart(string id, OutcomeEvaluation outcome)
{
    public const int Width = 480;
    public const int Height = 260;
    public const int Left = 60;
    public const int Right = 140;
    public const int Top = 20;
    public const int Bottom = 40;

    public string Id { get; } = id;

    public OutcomeEvaluation Outcome { get; } = outcome;

    public bool HasData => Series.Any();

    public IEnumerable<(string Name, string Colour, string Dash, double Before, double After)> Series
    {
        get
        {
            var r = Outcome.Result;
            if (r.Programme.MeanBefore is double pb && r.Programme.MeanAfter is double pa)
            {
                yield return ("Programme", "#1d70b8", "", pb, pa);
            }

            if (r.Comparison.MeanBefore is double cb && r.Comparison.MeanAfter is double ca)
            {
                yield return ("Comparison", "#d4351c", "6 4", cb, ca);
            }
        }
    }

    private (double Low, double High) Range
    {
        get
        {
            var values = Series.SelectMany(s => new[] { s.Before, s.After }).ToList();
            var low = values.Count == 0 ? 0 : values.Min();
            var high = values.Count == 0 ? 1 : values.Max();
            var pad = Math.Max((high - low) * 0.2, Outcome.Unit == "%" ? 1 : 0.1);
            low = Math.Max(0, low - pad);
            high = Outcome.Unit == "%" ? Math.Min(100, high + pad) : high + pad;
            return high <= low ? (low, low + 1) : (low, high);
        }
    }

    public static double XBefore => Left + 40;

    public static double XAfter => Width - Right - 40;

    public double Y(double value)
    {
        var (low, high) = Range;
        return Top + (high - value) / (high - low) * (Height - Top - Bottom);
    }

    public IEnumerable<(double Y, string Label)> Ticks
    {
        get
        {
            var (low, high) = Range;
            for (var i = 0; i <= 4; i++)
            {
                var v = low + (high - low) * i / 4;
                yield return (Y(v), Format(v));
            }
        }
    }

    public static string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    public static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
