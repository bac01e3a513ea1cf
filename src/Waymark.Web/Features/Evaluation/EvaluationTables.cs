using System.Globalization;
using Waymark.Data.Evaluation;
using Waymark.Domain.Evaluation;
using Waymark.Domain.Kpis;
using Waymark.Web.Features.Shared.Downloads;

namespace Waymark.Web.Features.Evaluation;

/// <summary>
/// The evaluation's tables as downloads: the children in each group, one table per outcome, and the methods with the
/// caveats; together they make the XLSX workbook, one sheet each. Every download is suppressed as the KPIs' are
/// (docs/kpis.md): a count of 1 to 4 is "c", and so is every figure made from a group of 1 to 4 children, since a
/// mean of one child's attendance is that child's attendance.
/// </summary>
public static class EvaluationTables
{
    public const string Groups = "groups";
    public const string Methods = "methods";

    public static string IdOf(OutcomeEvaluation outcome) =>
        outcome.Name == ProgrammeEvaluation.AttendanceOutcome ? "attendance" : "suspensions";

    public static IReadOnlyList<DownloadTable> All(EvaluationReport report, string programmeLabel)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [GroupsTable(report), .. report.Outcomes.Select(Outcome), MethodsTable(report, programmeLabel)];
    }

    public static DownloadTable? Find(EvaluationReport report, string programmeLabel, string table) =>
        table == Groups ? GroupsTable(report)
        : table == Methods ? MethodsTable(report, programmeLabel)
        : report.Outcomes.FirstOrDefault(o => IdOf(o) == table) is { } outcome ? Outcome(outcome) : null;

    private static DownloadTable GroupsTable(EvaluationReport report)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "In the programme", Count(report.InProgramme) },
            new[] { "Not evaluated yet: the period after their start has not ended", Count(report.TooRecent) },
            new[] { "Matched: programme children, each with one comparison child", Count(report.Matched) },
        };
        rows.AddRange(report.Unmatched.Select(u => (IReadOnlyList<string>)["Not matched: " + EvaluationText.Reason(u.Key), Count(u.Value)]));
        rows.Add(["Matches where two comparison children were equally near", Count(report.TiesBroken)]);
        return new DownloadTable("evaluation-groups", "Groups", ["Children", "Number"], rows);
    }

    private static DownloadTable Outcome(OutcomeEvaluation outcome)
    {
        var r = outcome.Result;
        var small = Suppression.Hides(r.Programme.Count) || Suppression.Hides(r.Comparison.Count);
        string Figure(double? value) => small ? Suppression.Symbol : Number(value);
        IReadOnlyList<string> Group(string name, GroupSummary g)
        {
            var hide = Suppression.Hides(g.Count);
            return [name, Count(g.Count), .. new[] { g.MeanBefore, g.MeanAfter, g.MeanChange, g.ChangeStandardDeviation }.Select(v => hide ? Suppression.Symbol : Number(v))];
        }

        var did = "Difference in differences (" + (outcome.Unit == "%" ? "percentage points" : outcome.Unit) + ")";
        List<IReadOnlyList<string>> rows =
        [
            Group("Programme", r.Programme),
            Group("Comparison", r.Comparison),
            [did, Figure(r.DifferenceInDifferences), "", "", "", ""],
            ["Pooled SD of the changes", Figure(r.PooledStandardDeviation), "", "", "", ""],
            ["Hedges' g", Figure(r.HedgesG), "", "", "", ""],
            ["95% confidence interval, lower", Figure(r.ConfidenceLow), "", "", "", ""],
            ["95% confidence interval, upper", Figure(r.ConfidenceHigh), "", "", "", ""],
        ];
        if (r.Unavailable != EffectSizeUnavailable.None)
        {
            rows.Add([EvaluationText.Unavailable(r.Unavailable), "", "", "", "", ""]);
        }

        return new DownloadTable($"evaluation-{IdOf(outcome)}", outcome.Name,
            ["Group", "Children", "Mean before", "Mean after", "Mean change", "SD of change"], rows);
    }

    private static DownloadTable MethodsTable(EvaluationReport report, string programmeLabel)
    {
        List<IReadOnlyList<string>> rows =
        [
            ["Programme", programmeLabel],
            ["Start date", EvaluationText.Describe(report.Request.Programme.Kind)],
            ["Days before and after the start", report.Request.PeriodDays.ToString(CultureInfo.InvariantCulture)],
            ["Caliper (percentage points)", report.Request.Caliper.ToString(CultureInfo.InvariantCulture)],
            ["Evaluated on", report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            ["Matching", EvaluationText.Method],
            ["Formulas and sources", EvaluationText.Formulas],
            ["Attainment", EvaluationText.Attainment],
            ["Small numbers", $"Counts from 1 to {Suppression.Threshold - 1}, and every figure made from a group that small, are shown as \"{Suppression.Symbol}\"."],
            .. EvaluationText.Caveats.Select(c => (IReadOnlyList<string>)["Caveat", c]),
        ];
        return new DownloadTable("evaluation-methods", "Methods", ["Item", "Value"], rows);
    }

    private static string Count(int count) => Suppression.Count(count, suppress: true);

    // Full precision, so a spreadsheet can work with the figure; blank where there is none.
    private static string Number(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
