using ClosedXML.Excel;
using Waymark.Data.Evaluation;
using Waymark.Domain.Evaluation;

namespace Waymark.Web.Features.Evaluation;

/// <summary>The evaluation as an XLSX workbook: one sheet per table on the page and a Methods sheet with the caveats.</summary>
public static class EvaluationWorkbook
{
    public const string GroupsSheet = "Groups";
    public const string MethodsSheet = "Methods";

    public static byte[] Build(EvaluationReport report, string programmeLabel)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var workbook = new XLWorkbook();

        var groups = workbook.Worksheets.Add(GroupsSheet);
        Header(groups, "Children", "Number");
        var row = 2;
        Row(groups, row++, "In the programme", report.InProgramme);
        Row(groups, row++, "Not evaluated yet: the period after their start has not ended", report.TooRecent);
        Row(groups, row++, "Matched: programme children, each with one comparison child", report.Matched);
        foreach (var (reason, count) in report.Unmatched)
        {
            Row(groups, row++, "Not matched: " + EvaluationText.Reason(reason), count);
        }

        Row(groups, row, "Matches where two comparison children were equally near", report.TiesBroken);
        groups.Column(1).Width = 80;

        foreach (var outcome in report.Outcomes)
        {
            var sheet = workbook.Worksheets.Add(outcome.Name);
            Header(sheet, "Group", "Children", "Mean before", "Mean after", "Mean change", "SD of change");
            Group(sheet, 2, "Programme", outcome.Result.Programme);
            Group(sheet, 3, "Comparison", outcome.Result.Comparison);
            var r = outcome.Result;
            Row(sheet, 5, "Difference in differences (" + (outcome.Unit == "%" ? "percentage points" : outcome.Unit) + ")", r.DifferenceInDifferences);
            Row(sheet, 6, "Pooled SD of the changes", r.PooledStandardDeviation);
            Row(sheet, 7, "Hedges' g", r.HedgesG);
            Row(sheet, 8, "95% confidence interval, lower", r.ConfidenceLow);
            Row(sheet, 9, "95% confidence interval, upper", r.ConfidenceHigh);
            if (r.Unavailable != EffectSizeUnavailable.None)
            {
                sheet.Cell(10, 1).Value = EvaluationText.Unavailable(r.Unavailable);
            }

            sheet.Column(1).Width = 45;
        }

        var methods = workbook.Worksheets.Add(MethodsSheet);
        Header(methods, "Item", "Value");
        var m = 2;
        methods.Cell(m, 1).Value = "Programme";
        methods.Cell(m++, 2).Value = programmeLabel;
        methods.Cell(m, 1).Value = "Start date";
        methods.Cell(m++, 2).Value = EvaluationText.Describe(report.Request.Programme.Kind);
        methods.Cell(m, 1).Value = "Days before and after the start";
        methods.Cell(m++, 2).Value = report.Request.PeriodDays;
        methods.Cell(m, 1).Value = "Caliper (percentage points)";
        methods.Cell(m++, 2).Value = report.Request.Caliper;
        methods.Cell(m, 1).Value = "Evaluated on";
        methods.Cell(m++, 2).Value = report.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        methods.Cell(m, 1).Value = "Matching";
        methods.Cell(m++, 2).Value = EvaluationText.Method;
        methods.Cell(m, 1).Value = "Formulas and sources";
        methods.Cell(m++, 2).Value = EvaluationText.Formulas;
        methods.Cell(m, 1).Value = "Attainment";
        methods.Cell(m++, 2).Value = EvaluationText.Attainment;
        foreach (var caveat in EvaluationText.Caveats)
        {
            methods.Cell(m, 1).Value = "Caveat";
            methods.Cell(m++, 2).Value = caveat;
        }

        methods.Column(1).Width = 32;
        methods.Column(2).Width = 120;
        methods.Column(2).Style.Alignment.WrapText = true;

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Header(IXLWorksheet sheet, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = names[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }
    }

    private static void Row(IXLWorksheet sheet, int row, string label, double? value)
    {
        sheet.Cell(row, 1).Value = label;
        if (value is double v)
        {
            sheet.Cell(row, 2).Value = v;
        }
        else
        {
            sheet.Cell(row, 2).Value = "Not available";
        }
    }

    private static void Group(IXLWorksheet sheet, int row, string name, GroupSummary g)
    {
        sheet.Cell(row, 1).Value = name;
        sheet.Cell(row, 2).Value = g.Count;
        Set(sheet.Cell(row, 3), g.MeanBefore);
        Set(sheet.Cell(row, 4), g.MeanAfter);
        Set(sheet.Cell(row, 5), g.MeanChange);
        Set(sheet.Cell(row, 6), g.ChangeStandardDeviation);
    }

    // Blank where there is no figure, so the column stays numeric.
    private static void Set(IXLCell cell, double? value)
    {
        if (value is double v)
        {
            cell.Value = v;
        }
    }
}
