using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.EarlyHelp;

/// <summary>A family's plan as the current user may see it.</summary>
public sealed record PlanView(EarlyHelpPlan Plan, PlanRelationship Relationship, bool CanChange, DateOnly Today)
{
    public bool IsOpen => PlanText.IsOpen(Plan.Stage);

    /// <summary>Consent to share with those supporting the plan, given and not withdrawn: without it nothing more is recorded.</summary>
    public bool HasConsent => Plan.Consents.Any(c => c.Kind == EarlyHelpConsentKind.ShareWithSupporters && c.InForce);

    /// <summary>Open, consented and the user may change it.</summary>
    public bool CanEdit => CanChange && IsOpen && HasConsent;
}

/// <summary>
/// The way into every page about one family's plan: loads it with its family and people, works out how the user stands
/// (<see cref="EarlyHelpScoping"/>), and audits the view against each child of the family who has a record — or the
/// refusal, which is answered exactly as "not found".
/// </summary>
public sealed class EarlyHelpGate(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
{
    public async Task<PlanView?> OpenAsync(Guid id, string page, bool tracking = false, CancellationToken ct = default)
    {
        var today = clock.UkToday();
        var query = db.EarlyHelpPlans
            .Include(p => p.Members).ThenInclude(m => m.Child)
            .Include(p => p.Consents)
            .Include(p => p.LeadProfessionals)
            .Include(p => p.Actions)
            .Include(p => p.LeadSchool)
            .AsSplitQuery();
        var plan = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }

        var scope = currentUser.Scope;
        var relationship = RelationshipOf(plan, scope);
        var children = plan.Members.Where(m => m.ChildId is not null).Select(m => m.ChildId!.Value).Distinct().ToList();
        if (!EarlyHelpAccess.CanView(relationship))
        {
            foreach (var childId in children.DefaultIfEmpty())
            {
                auditor.Record(AuditActions.ChildRefused, childId == Guid.Empty ? null : childId, $"early help plan {id} {page}: outside the user's scope");
            }

            await db.SaveChangesAsync(ct);
            return null;
        }

        foreach (var childId in children.DefaultIfEmpty())
        {
            auditor.Record(AuditActions.EarlyHelpViewed, childId == Guid.Empty ? null : childId, $"early help plan {id}: {page}");
        }

        await db.SaveChangesAsync(ct);
        return new PlanView(plan, relationship, EarlyHelpAccess.CanChange(scope.Role, relationship), today);
    }

    /// <summary>Records that the user tried a change their relationship to the plan does not allow; the page answers 403.</summary>
    public Task RefuseAsync(PlanView view, string what, CancellationToken ct = default) =>
        auditor.RecordNowAsync(AuditActions.ChildRefused, FirstChild(view.Plan),
            $"early help plan {view.Plan.Id} {what}: not permitted for {Roles.CommandName(currentUser.Role)}", ct: ct);

    /// <summary>Adds an audit entry of a change to the plan, against each child of the family with a record; saved with the change.</summary>
    public void RecordChange(EarlyHelpPlan plan, string detail)
    {
        var children = plan.Members.Where(m => m.ChildId is not null).Select(m => m.ChildId!.Value).Distinct().ToList();
        foreach (var childId in children.DefaultIfEmpty())
        {
            auditor.Record(AuditActions.EarlyHelpChanged, childId == Guid.Empty ? null : childId, $"early help plan {plan.Id}: {detail}");
        }

        plan.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    public static PlanRelationship RelationshipOf(EarlyHelpPlan plan, UserScope scope)
    {
        if (scope.DataScope == DataScope.LocalAuthority)
        {
            return PlanRelationship.LocalAuthority;
        }

        var lead = plan.CurrentLeadProfessional;
        if (scope.DataScope == DataScope.Caseload)
        {
            if (lead?.UserId == scope.UserId)
            {
                return PlanRelationship.LeadProfessional;
            }

            return plan.Actions.Any(a => a.ResponsibleUserId == scope.UserId) ? PlanRelationship.Contributor : PlanRelationship.None;
        }

        if (scope is { DataScope: DataScope.School, SchoolId: int schoolId })
        {
            if (lead?.UserId == scope.UserId)
            {
                return PlanRelationship.LeadProfessional;
            }

            if (plan.LeadSchoolId == schoolId)
            {
                return PlanRelationship.LeadSchool;
            }

            return plan.Actions.Any(a => a.ResponsibleSchoolId == schoolId || a.ResponsibleUserId == scope.UserId)
                ? PlanRelationship.Contributor
                : PlanRelationship.None;
        }

        return PlanRelationship.None;
    }

    private static Guid? FirstChild(EarlyHelpPlan plan) => plan.Members.FirstOrDefault(m => m.ChildId is not null)?.ChildId;
}
