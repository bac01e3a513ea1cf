using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Admin.Retention;

public sealed record HeldChild(Guid ChildId, string Name, string? Upn, DateTime PlacedAtUtc, string Reason);

/// <summary>Children on legal hold, and finding a child to put on hold.</summary>
public sealed class HoldsModel(WaymarkDbContext db, Auditor auditor) : AdminChildSearchModel(db, auditor)
{
    public IReadOnlyList<HeldChild> Held { get; private set; } = [];

    protected override string Purpose => "legal hold";

    public override string ResultLink(Guid childId) => $"/admin/retention/holds/{childId}";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostAsync()
    {
        await SearchAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        Held = (await Db.LegalHolds.AsNoTracking().Where(h => h.LiftedAtUtc == null)
                .Join(Db.Children, h => h.ChildId, c => c.Id, (h, c) => new { h.ChildId, c.LegalForename, c.LegalSurname, c.Upn, h.PlacedAtUtc, h.Reason })
                .OrderBy(h => h.LegalSurname).ThenBy(h => h.LegalForename).ThenBy(h => h.PlacedAtUtc)
                .ToListAsync())
            .Select(h => new HeldChild(h.ChildId, $"{h.LegalForename} {h.LegalSurname}", h.Upn, h.PlacedAtUtc, h.Reason)).ToList();
}
