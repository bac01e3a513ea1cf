namespace Waymark.Domain.Send;

/// <summary>A share: how many met the measure out of how many counted. Null percentage when nothing was counted.</summary>
public readonly record struct Share(int Met, int Counted)
{
    public double? Percentage => Counted == 0 ? null : 100.0 * Met / Counted;
}

/// <summary>The two SEND figures the LA's KPIs will use, worked out from dates alone.</summary>
public static class SendFigures
{
    /// <summary>
    /// Of the final plans issued between <paramref name="from"/> and <paramref name="to"/> (inclusive), the share issued
    /// within 20 weeks of the request, leaving out cases with a recorded reg 13(3) exception (as the DfE's SEN2 return does).
    /// </summary>
    public static Share PlansIssuedWithin20Weeks(IEnumerable<NeedsAssessmentDates> assessments, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        int met = 0, counted = 0;
        foreach (var a in assessments)
        {
            if (a.FinalPlanOn is DateOnly issued && issued >= from && issued <= to && NeedsAssessmentClock.FinalPlanInTime(a) is bool inTime)
            {
                counted++;
                met += inTime ? 1 : 0;
            }
        }

        return new Share(met, counted);
    }

    /// <summary>Of the phase transfers with a deadline in the period, the share amended by their deadline.</summary>
    public static Share TransfersAmendedByDeadline(IEnumerable<(DateOnly Deadline, DateOnly? AmendedOn)> transfers, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        int met = 0, counted = 0;
        foreach (var (deadline, amendedOn) in transfers)
        {
            if (deadline >= from && deadline <= to)
            {
                counted++;
                met += PhaseTransfers.AmendedInTime(deadline, amendedOn) ? 1 : 0;
            }
        }

        return new Share(met, counted);
    }
}
