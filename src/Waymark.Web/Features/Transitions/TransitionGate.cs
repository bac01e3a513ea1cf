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

/// <summary>A transition as the current user may see it.</summary>
public sealed record TransitionView(Transition Transition, TransitionRights Rights, TransitionRelationship Relationship, DateOnly Today)
{
    public Child Child => Transition.Child!;

    public bool HasMoved => TransitionScoping.HasMoved(Transition, Today);
}

/// <summary>
/// The way into every page about one child's transition: loads it, works out what the user may
/// do, and audits the view — or the refusal, which is answered exactly as "not found".
/// </summary>
public sealed class TransitionGate(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
{
    public async Task<TransitionView?> OpenAsync(Guid id, string page, bool tracking = false, CancellationToken ct = default)
    {
        var today = clock.UkToday();
        var query = db.Transitions.Include(t => t.Child).Include(t => t.SendingSchool).Include(t => t.DestinationSchool).AsQueryable();
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        var transition = await query.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (transition is null)
        {
            return null;
        }

        var relationship = await TransitionScoping.RelationshipAsync(db, currentUser.Scope, transition, today, ct);
        var rights = TransitionAccess.For(currentUser.Role, relationship);
        if (!rights.Any)
        {
            await auditor.RecordNowAsync(AuditActions.ChildRefused, transition.ChildId, $"transition {page}: outside the user's scope", ct: ct);
            return null;
        }

        await auditor.RecordNowAsync(AuditActions.TransitionViewed, transition.ChildId, page, ct: ct);
        return new TransitionView(transition, rights, relationship, today);
    }

    /// <summary>Records that the user tried something their rights do not allow; the page answers 403.</summary>
    public Task RefuseAsync(TransitionView view, string what, CancellationToken ct = default) =>
        auditor.RecordNowAsync(AuditActions.ChildRefused, view.Transition.ChildId, $"transition {what}: not permitted for {Roles.CommandName(currentUser.Role)}", ct: ct);
}
