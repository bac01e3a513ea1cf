using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Kpis;
using Waymark.Domain.Calendar;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Kpis;

/// <summary>What the KPI pages share: who is looking, which school (if any) they are limited to, and target lookups.</summary>
public abstract class KpiPageModel(WaymarkDbContext db, CurrentUser currentUser) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    protected CurrentUser CurrentUser => currentUser;

    /// <summary>The school a school user is limited to, or that an LA user chose; null for the whole LA.</summary>
    public (int Id, int Urn, string Name)? School { get; private set; }

    public bool Suppress { get; private set; }

    public bool CanSetTargets { get; private set; }

    public IReadOnlyList<Data.Entities.KpiTarget> Targets { get; private set; } = [];

    /// <summary>
    /// Refuses roles without a KPI view (403) and, for school staff, any school but their own (404, as elsewhere a
    /// record outside scope is "not found"); otherwise sets <see cref="School"/>. Null when the page may go on.
    /// </summary>
    protected async Task<IActionResult?> ScopeAsync(int? requestedUrn)
    {
        if (!KpiAccess.CanSee(currentUser.Role))
        {
            return Forbid();
        }

        Suppress = KpiAccess.SuppressOnScreen(currentUser.Role);
        CanSetTargets = KpiAccess.CanSetTargets(currentUser.Role);
        if (Suppress)
        {
            var own = await db.Schools.AsNoTracking().Where(s => s.Id == currentUser.SchoolId).Select(s => new { s.Id, s.Urn, s.Name }).SingleOrDefaultAsync();
            if (own is null || (requestedUrn is int urn && urn != own.Urn))
            {
                return NotFound();
            }

            School = (own.Id, own.Urn, own.Name);
        }
        else if (requestedUrn is int urn)
        {
            var chosen = await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Id, s.Urn, s.Name }).SingleOrDefaultAsync();
            if (chosen is null)
            {
                return NotFound();
            }

            School = (chosen.Id, chosen.Urn, chosen.Name);
        }

        Targets = await db.KpiTargets.AsNoTracking().ToListAsync();
        return null;
    }

    /// <summary>Targets are the LA's: a school's own figures are shown without them.</summary>
    public Data.Entities.KpiTarget? TargetFor(Indicator indicator, SchoolPhase? phase) =>
        School is null ? Targets.FirstOrDefault(t => t.IndicatorCode == indicator.Code && t.Phase == phase) : null;

    public static RagStatus? StatusOf(Data.Entities.KpiTarget? target, Indicator indicator, AcademicYear year, decimal? value) =>
        target is not null && value is decimal v ? Rag.Status(target.Line, year.StartYear, v, indicator.Direction) : null;

    public string Scope => School is { } s ? s.Name : "the LA";

    /// <summary>For the by-phase indicators, the phases; for the rest, one line for everything.</summary>
    public static IReadOnlyList<SchoolPhase?> PhasesOf(Indicator indicator) =>
        indicator.ByPhase ? Indicators.ReportedPhases.Select(p => (SchoolPhase?)p).ToList() : [null];

    public static KpiCell CellFor(KpiYear figures, SchoolPhase? phase) => phase is SchoolPhase p ? figures.ForPhase(p) : figures.All;

    public static string PhaseName(SchoolPhase? phase) => phase is SchoolPhase p ? SchoolPhases.DisplayName(p) : "All schools";
}
