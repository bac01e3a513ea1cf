using Waymark.Domain.Attendance;

namespace Waymark.Domain.Kpis;

public static class KpiRates
{
    /// <summary>
    /// Events per 100 pupils, as DfE publishes suspension and exclusion rates, rounded half away from zero to two
    /// places; null with no pupils. The same arithmetic as a percentage: (events × 100) / pupils.
    /// </summary>
    public static decimal? PerHundred(long events, long pupils) => Rates.Percent(events, pupils);
}
