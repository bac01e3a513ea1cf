using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.ActionPlan;

/// <summary>The strategy action plan: each action under its heading, with this term's rating and its milestones.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : ActionPlanPageModel(db, currentUser, auditor)
{
    public IReadOnlyList<PlanAction> Actions { get; private set; } = [];

    public ActionPlanSettings Settings { get; private set; } = null!;

    public Term ThisTerm { get; private set; }

    public DateOnly OnDay { get; private set; }

    public IReadOnlyList<Term> Terms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessAsync(edit: false, "Action plan") is { } refused)
        {
            return refused;
        }

        OnDay = Today(clock);
        ThisTerm = SchoolTerms.Containing(OnDay);
        Actions = await Db.PlanActions.AsNoTracking().Include(a => a.Milestones).Include(a => a.Progress)
            .OrderBy(a => a.Priority).ThenBy(a => a.Number).ToListAsync();
        Settings = await SettingsAsync();
        Terms = await PlanTerms.SoFarAsync(Db, OnDay);
        return Page();
    }

    public Rag RagFor(PlanAction action, Term term) =>
        action.Progress.FirstOrDefault(p => p.AcademicYear == term.Year.StartYear && p.Term == term.Name)?.Rag ?? Rag.NotRated;
}
