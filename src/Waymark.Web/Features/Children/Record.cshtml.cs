using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Children;

public sealed class RecordModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public Child Child { get; private set; } = null!;

    /// <summary>
    /// A school the child's transition information was shared with sees who the child is and what was shared, not the
    /// record: the consent covers the passport and the shareable sections, nothing more.
    /// </summary>
    public bool IncomingOnly { get; private set; }

    /// <summary>For an incoming child: the shares in force with the user's school.</summary>
    public IReadOnlyList<InformationShare> SharesWithUserSchool { get; private set; } = [];

    /// <summary>The record was opened outside the user's need-to-know today; the reason given.</summary>
    public string? OpenedWithReason { get; private set; }

    /// <summary>Who has seen the record and who it was sent to: for LA users (<see cref="AccessModel"/>).</summary>
    public bool CanSeeAccess { get; private set; }

    public DateOnly TodayDate { get; private set; }

    public NcYear? Year { get; private set; }

    public bool YearIsOverridden { get; private set; }

    /// <summary>The child's transitions to secondary school, latest first; each page decides what the user may see of it.</summary>
    public IReadOnlyList<(Guid Id, int CohortYear, Waymark.Domain.Transitions.CohortDecision Decision)> Transitions { get; private set; } = [];

    /// <summary>The child's Family Early Help Plans the user may see, latest first; and whether the user may start one.</summary>
    public IReadOnlyList<(Guid Id, string FamilyName, Waymark.Domain.EarlyHelp.PlanStage Stage)> EarlyHelpPlans { get; private set; } = [];

    public bool CanStartPlan { get; private set; }

    /// <summary>The EHC pathway's clock, for the SEN team and SENCos (<see cref="Waymark.Domain.Send.SendAccess"/>); null for others.</summary>
    public Waymark.Data.Send.SendCase? Send { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        TodayDate = Today(clock);
        var level = await gate.AccessAsync(id);
        if (level == ChildAccessLevel.None)
        {
            return await gate.RefuseAsync(id, "child record");
        }

        if (level == ChildAccessLevel.Incoming)
        {
            IncomingOnly = true;
            Child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id);
            SharesWithUserSchool = await db.InformationShares.AsNoTracking().Include(s => s.Transition)
                .Where(s => s.ChildId == id && s.RecipientSchoolId == currentUser.SchoolId && s.EndedAtUtc == null)
                .OrderByDescending(s => s.SharedAtUtc).ToListAsync();
            await auditor.RecordNowAsync(AuditActions.ChildViewed, childId: id, detail: "incoming to the user's school: what was shared only");
            return Page();
        }

        var child = await db.Children.AsNoTracking()
            .Include(c => c.FormerUpns)
            .Include(c => c.Enrolments).ThenInclude(e => e.School)
            .Include(c => c.Statuses)
            .Include(c => c.KeyPeople).ThenInclude(k => k.User)
            .Include(c => c.Address)
            .Include(c => c.Contacts).ThenInclude(k => k.Phones)
            .Include(c => c.SchoolHistory)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == id);

        Child = child;
        OpenedWithReason = await db.BreakGlassAccesses.Where(g => g.ChildId == id && g.UserId == currentUser.Id && g.GrantedOn == TodayDate)
            .OrderByDescending(g => g.GrantedAtUtc).Select(g => g.Reason).FirstOrDefaultAsync();
        CanSeeAccess = AccessModel.MaySee(currentUser.Role);
        var year = AcademicYear.Containing(TodayDate);
        YearIsOverridden = child.YearGroupOffset != 0;
        Year = child.NcYearIn(year);
        Transitions = (await db.Transitions.AsNoTracking().Where(t => t.ChildId == id).OrderByDescending(t => t.CohortYear)
                .Select(t => new { t.Id, t.CohortYear, t.Decision }).ToListAsync())
            .Select(t => (t.Id, t.CohortYear, t.Decision)).ToList();
        CanStartPlan = Waymark.Domain.EarlyHelp.EarlyHelpAccess.CanStartPlan(currentUser.Role);
        EarlyHelpPlans = (await db.EarlyHelpPlans.AsNoTracking().VisibleTo(currentUser.Scope).Where(p => p.Members.Any(m => m.ChildId == id))
                .OrderByDescending(p => p.CreatedAtUtc).Select(p => new { p.Id, p.FamilyName, p.Stage }).ToListAsync())
            .Select(p => (p.Id, p.FamilyName, p.Stage)).ToList();
        if (Waymark.Domain.Send.SendAccess.CanView(currentUser.Role))
        {
            Send = await Waymark.Data.Send.SendCase.LoadAsync(db, id, TodayDate);
        }

        await auditor.RecordNowAsync(AuditActions.ChildViewed, childId: id);
        return Page();
    }
}
