using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.EarlyHelp.Reports;

/// <summary>The LA's early help figures, for LA officers and analysts (counts only: no family is named).</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public EarlyHelpFigures Figures { get; private set; } = null!;

    public AcademicYear Year { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!EarlyHelpAccess.CanSeeReports(currentUser.Role))
        {
            return Forbid();
        }

        var today = clock.UkToday();
        Year = AcademicYear.Containing(today);
        Figures = await EarlyHelpFigures.LoadAsync(db, today, Year.Start);
        await auditor.RecordNowAsync(AuditActions.EarlyHelpReportViewed, detail: $"early help figures since {Year.Start:yyyy-MM-dd}");
        return Page();
    }
}
