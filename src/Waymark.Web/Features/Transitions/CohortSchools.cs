using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.Calendar;
using Waymark.Domain.Transitions;

namespace Waymark.Web.Features.Transitions;

/// <summary>A primary school with children in the current transition cohort.</summary>
public sealed record CohortSchool(int SchoolId, int Urn, string Name, int Children);

public static class CohortSchools
{
    /// <summary>
    /// Schools sending children in this year's or a later cohort (Year 6 now, or Year 5), not removed from the
    /// programme: the schools that need a Transition Lead and training. Ordered by name.
    /// </summary>
    public static async Task<List<CohortSchool>> LoadAsync(WaymarkDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = AcademicYear.Containing(today).StartYear;
        var counts = await db.Transitions.AsNoTracking()
            .Where(t => t.CohortYear >= from && t.Decision != CohortDecision.Removed && t.SendingSchoolId != null)
            .GroupBy(t => t.SendingSchoolId!.Value)
            .Select(g => new { SchoolId = g.Key, Children = g.Select(t => t.ChildId).Distinct().Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.SchoolId).ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Urn, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        return counts.Select(c => new CohortSchool(c.SchoolId, schools[c.SchoolId].Urn, schools[c.SchoolId].Name, c.Children))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
