using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Send;

namespace Waymark.Data.Send;

/// <summary>The LA's two SEND figures for the KPIs, read from the database and worked out by <see cref="SendFigures"/>.</summary>
public static class SendFiguresQuery
{
    /// <summary>Of the final EHC plans issued in the period, the share issued within 20 weeks of the request (exception cases left out).</summary>
    public static async Task<Share> PlansIssuedWithin20WeeksAsync(WaymarkDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var issued = await db.EhcNeedsAssessments.AsNoTracking()
            .Where(a => a.FinalPlanOn != null && a.FinalPlanOn >= from && a.FinalPlanOn <= to)
            .ToListAsync(cancellationToken);
        return SendFigures.PlansIssuedWithin20Weeks(issued.Select(a => a.Dates()), from, to);
    }

    /// <summary>Of the phase transfers whose deadline falls in the period, the share amended (new school named) by the deadline.</summary>
    public static async Task<Share> TransfersAmendedByDeadlineAsync(WaymarkDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transfers = await db.EhcPhaseTransfers.AsNoTracking()
            .Where(t => t.DueOn >= from && t.DueOn <= to)
            .Select(t => new { t.DueOn, t.AmendedOn })
            .ToListAsync(cancellationToken);
        return SendFigures.TransfersAmendedByDeadline(transfers.Select(t => (t.DueOn, t.AmendedOn)), from, to);
    }
}
