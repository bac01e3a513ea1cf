using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Home;

public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public int ChildrenInScope { get; private set; }

    public IReadOnlyList<(ChildStatusType Type, int Count)> StatusCounts { get; private set; } = [];

    public string ScopeDescription { get; private set; } = "";

    public bool CanOpenRecords { get; private set; }

    public async Task OnGetAsync()
    {
        var today = Today(clock);
        var scope = currentUser.Scope;
        var children = db.Children.AsNoTracking().CountableBy(db, scope, today);
        ChildrenInScope = await children.CountAsync();

        var counts = await db.ChildStatuses.AsNoTracking()
            .Where(CurrentOn.Status(today))
            .Where(s => children.Any(c => c.Id == s.ChildId))
            .GroupBy(s => s.Type)
            .Select(g => new { Type = g.Key, Count = g.Select(s => s.ChildId).Distinct().Count() })
            .ToListAsync();
        StatusCounts = Enum.GetValues<ChildStatusType>()
            .Select(t => (t, counts.FirstOrDefault(c => c.Type == t)?.Count ?? 0))
            .ToList();

        CanOpenRecords = Roles.CanOpenChildRecords(scope.Role);
        ScopeDescription = scope.DataScope switch
        {
            DataScope.LocalAuthority => "children known to the local authority",
            DataScope.School => "pupils on your school's roll",
            DataScope.Caseload => "children on your caseload",
            _ => "children in the local authority (counts only)",
        };
    }
}
