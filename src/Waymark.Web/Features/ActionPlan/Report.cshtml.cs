using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.ActionPlan;

/// <summary>
/// The termly progress report the monitoring group takes to its board: each action's rating and note for the term,
/// under its heading, with how many are red, amber, green and not rated. Made to be printed.
/// </summary>
public sealed class ReportModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : ActionPlanPageModel(db, currentUser, auditor)
{
    public sealed record Line(PlanAction Action, Rag Rag, string? Note);

    public Term Term { get; private set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public TermSummary Summary { get; private set; } = null!;

    public ActionPlanSettings Settings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, string? term)
    {
        if (await RefuseUnlessAsync(edit: false, "Action plan report") is { } refused)
        {
            return refused;
        }

        if (year is null && term is null)
        {
            Term = SchoolTerms.Containing(Today(clock));
        }
        else if (PlanTerms.Parse(year, term) is Term chosen)
        {
            Term = chosen;
        }
        else
        {
            return NotFound();
        }

        var actions = await Db.PlanActions.AsNoTracking().OrderBy(a => a.Priority).ThenBy(a => a.Number).ToListAsync();
        var progress = await Db.PlanActionProgress.AsNoTracking()
            .Where(p => p.AcademicYear == Term.Year.StartYear && p.Term == Term.Name).ToListAsync();
        Lines = actions.Select(a => progress.FirstOrDefault(p => p.PlanActionId == a.Id) is { } p
            ? new Line(a, p.Rag, p.Note)
            : new Line(a, Rag.NotRated, null)).ToList();
        Summary = ActionPlanRules.Summarise(Lines.Select(l => (Rag?)l.Rag));
        Settings = await SettingsAsync();
        return Page();
    }
}
