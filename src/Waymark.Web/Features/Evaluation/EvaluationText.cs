using System.Globalization;
using Waymark.Data.Evaluation;
using Waymark.Domain.Evaluation;

namespace Waymark.Web.Features.Evaluation;

/// <summary>The words and number formats the page and the spreadsheet share, so both say the same thing.</summary>
public static class EvaluationText
{
    public static readonly IReadOnlyList<(int Days, string Label)> Periods =
    [
        (91, "3 months (91 days) before and after"),
        (182, "6 months (182 days) before and after"),
        (365, "A year (365 days) before and after"),
    ];

    public static readonly IReadOnlyList<string> Caveats =
    [
        "The numbers are small: with few children, chance alone can make a large difference, which is why the 95% confidence interval is shown. An interval that includes 0 means the data are consistent with the programme making no difference.",
        "This is not a randomised trial. Children were chosen for the programme for reasons, and the comparison children were not, so a difference may come from who was chosen rather than from the programme.",
        "The matching uses only what Waymark records (year group, status group, school phase and attendance before the start). Children may differ in ways it cannot see, such as what happened at home.",
        "Unmatched programme children are left out of the comparison, so the results describe the matched children only.",
    ];

    public const string Attainment =
        "Waymark does not record attainment (test results or teacher assessments), so attainment is not evaluated here. An intervention's own before and after scores are on each child's record but have no comparison group.";

    public static string Number(double? value, int places = 2) =>
        value is double v ? v.ToString("F" + places, CultureInfo.InvariantCulture).Replace("-", "\u2212", StringComparison.Ordinal) : "Not available";

    public static string Reason(UnmatchedReason reason) => reason switch
    {
        UnmatchedReason.NoPriorAttendance => "No attendance recorded in the period before the start",
        UnmatchedReason.NoneWithSameCharacteristics => "No child left with the same year group, status group and school phase",
        UnmatchedReason.NoneWithinCaliper => "No child with the same characteristics within the caliper of prior attendance",
        _ => reason.ToString(),
    };

    public static string Unavailable(EffectSizeUnavailable why) => why switch
    {
        EffectSizeUnavailable.EmptyGroup => "No effect size: one of the groups has no children with figures before and after.",
        EffectSizeUnavailable.TooFewChildren => "No effect size: there are too few children (fewer than 4 across both groups).",
        EffectSizeUnavailable.NoVariation => "No effect size: every child's change was the same, so there is no spread to measure it against.",
        _ => "",
    };

    public static string Describe(ProgrammeKind kind) => kind switch
    {
        ProgrammeKind.TransitionCohort => "each child starts on the day they move to secondary school",
        ProgrammeKind.Intervention => "each child starts on the day their intervention started",
        ProgrammeKind.EarlyHelp => "each child starts on the day their family's early help plan was agreed",
        _ => "",
    };

    public const string Method =
        "Each programme child is matched to one child not in the programme (without replacement) with the same year group, status group (looked after, child protection plan, child in need, EHC plan, SEN support or none) and school phase on the day before the child's start, whose attendance in the period before the start is nearest, within the caliper. Equal distances go to the child with the lower id. The comparison child is measured over the same dates as their match.";

    public const string Formulas =
        "Difference in differences = mean change (programme) \u2212 mean change (comparison). Effect size: Hedges' g on the change scores, g = J \u00d7 DiD / s, with s the pooled standard deviation of the changes and J = 1 \u2212 3 / (4(n\u2081 + n\u2082 \u2212 2) \u2212 1); 95% confidence interval g \u00b1 1.96 \u00d7 \u221aVar(g), Var(g) = J\u00b2 \u00d7 ((n\u2081 + n\u2082)/(n\u2081n\u2082) + d\u00b2/(2(n\u2081 + n\u2082))). Sources: Hedges (1981), Journal of Educational Statistics 6:107\u2013128; Borenstein et al. (2009), Introduction to Meta-Analysis, chapter 4.";
}
