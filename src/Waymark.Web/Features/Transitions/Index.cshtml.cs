using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Transitions;

/// <summary>
/// Each person's transition worklist: the sending school's cohort, its incoming pupils and its
/// Year 7s; a social worker's or advisory teacher's caseload. LA officers go to the board.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public Role Role { get; private set; }

    public string? SchoolName { get; private set; }

    public int? SchoolUrn { get; private set; }

    public IReadOnlyList<TransitionRow> Cohort { get; private set; } = [];

    public IReadOnlyList<TransitionRow> Incoming { get; private set; } = [];

    public IReadOnlyList<TransitionRow> Year7 { get; private set; } = [];

    public IReadOnlyList<TransitionRow> Caseload { get; private set; } = [];

    public DateOnly TodayDate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Role = currentUser.Role;
        if (TransitionAccess.CanManageProgramme(Role))
        {
            return Redirect("/transition/board");
        }

        TodayDate = clock.UkToday();
        var scope = currentUser.Scope;
        var lastMoved = TransitionScoping.LastMovedCohort(TodayDate);
        if (scope.DataScope == DataScope.School && scope.SchoolId is int schoolId)
        {
            var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId);
            (SchoolName, SchoolUrn) = (school.Name, school.Urn);
            Cohort = await TransitionRows.LoadAsync(db.Transitions.SendingFrom(schoolId, TodayDate).Where(t => t.Decision != CohortDecision.Removed), TodayDate);
            if (TransitionAccess.ReceivesShares(Role))
            {
                var shared = db.InformationShares.SharedWith(schoolId).Select(s => s.TransitionId);
                Incoming = await TransitionRows.LoadAsync(db.Transitions.Where(t => shared.Contains(t.Id) && t.CohortYear > lastMoved), TodayDate);
            }

            Year7 = await TransitionRows.LoadAsync(db.Transitions.NowAt(schoolId, TodayDate).Where(t => t.Decision == CohortDecision.Confirmed), TodayDate);
        }
        else
        {
            // A social worker's caseload, the SEN team's SEND cohort, or the children an advisory teacher is named for.
            var children = scope.DataScope is DataScope.Caseload or DataScope.SendCohort
                ? db.Children.VisibleTo(db, scope, TodayDate).Select(c => c.Id)
                : db.KeyPeople.AsQueryable().Where(CurrentOn.KeyPerson(TodayDate))
                    .Where(k => k.UserId == scope.UserId && k.Role == KeyPersonRole.AdvisoryTeacher).Select(k => k.ChildId);
            Caseload = await TransitionRows.LoadAsync(
                db.Transitions.Where(t => children.Contains(t.ChildId) && t.CohortYear >= lastMoved && t.Decision != CohortDecision.Removed), TodayDate);
        }

        await auditor.RecordNowAsync(AuditActions.TransitionViewed,
            detail: $"worklist: {Cohort.Count + Incoming.Count + Year7.Count + Caseload.Count} children listed");
        return Page();
    }
}
