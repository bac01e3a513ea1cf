using Waymark.Domain.Calendar;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;

namespace Waymark.Data.Entities;

/// <summary>
/// The LA's target for one indicator (and phase, for the by-phase indicators): the baseline year's value and the
/// value it aims for by the target year. Years are academic years by their start year (2018 is 2018/19).
/// </summary>
public class KpiTarget
{
    public int Id { get; set; }

    /// <summary>An <see cref="Indicator.Code"/>.</summary>
    public required string IndicatorCode { get; set; }

    /// <summary>Primary or Secondary for a by-phase indicator; null for an LA-wide one.</summary>
    public SchoolPhase? Phase { get; set; }

    public int BaselineYear { get; set; }

    public decimal BaselineValue { get; set; }

    public int TargetYear { get; set; }

    public decimal TargetValue { get; set; }

    public string? UpdatedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public TargetLine Line => new(BaselineYear, BaselineValue, TargetYear, TargetValue);

    /// <summary>"4.1 in 2018/19".</summary>
    public string BaselineText => $"{TargetRules.Show(BaselineValue)} in {new AcademicYear(BaselineYear)}";

    /// <summary>"3.5 by 2023/24".</summary>
    public string TargetText => $"{TargetRules.Show(TargetValue)} by {new AcademicYear(TargetYear)}";
}
