using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Api;

/// <summary>
/// The children an integration may see: exactly the web app's rule (<see cref="ChildScoping.VisibleTo"/>) for the role
/// and school it acts with. It cannot open a record with a reason (that is a person's decision), and a school sees an
/// incoming pupil's shared information on the web only: through the API such a child is not found, like any other
/// child outside the scope.
/// </summary>
public sealed class ApiChildren(WaymarkDbContext db, CurrentUser integration, TimeProvider clock, ApiCalls calls)
{
    public DateOnly Today { get; } = clock.UkToday();

    public UserScope Scope => integration.Scope;

    public IQueryable<Child> Visible => db.Children.AsNoTracking().VisibleTo(db, Scope, Today);

    /// <summary>True when the integration may see the child; otherwise the refusal of an existing child is audited.</summary>
    public async Task<bool> MaySeeAsync(Guid childId, string what, CancellationToken ct)
    {
        if (await db.Children.Where(c => c.Id == childId).VisibleTo(db, Scope, Today).AnyAsync(ct))
        {
            return true;
        }

        if (await db.Children.AnyAsync(c => c.Id == childId, ct))
        {
            calls.Refused(childId, what);
        }

        return false;
    }
}
