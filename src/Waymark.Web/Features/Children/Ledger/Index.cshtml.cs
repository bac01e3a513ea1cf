using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Children.Ledger;

/// <summary>
/// A child's consent and sharing ledger: every consent (who gave it, for what purpose, which data, from when, withdrawn
/// when) and every share (what, to whom, on what basis, why), whether Waymark made it (a transition passport) or a
/// practitioner recorded information they gave outside it.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, ChildGate gate, Auditor auditor, TimeProvider clock) : LedgerPageModel(db, gate, clock)
{
    public IReadOnlyList<Consent> Consents { get; private set; } = [];

    public IReadOnlyList<InformationShare> Shares { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public string UserName(string? id) => id is not null && UserNames.TryGetValue(id, out var name) ? name : "A user no longer on the system";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "sharing ledger") is IActionResult refused)
        {
            return refused;
        }

        Consents = await Db.Consents.AsNoTracking().Where(c => c.ChildId == id)
            .OrderByDescending(c => c.WithdrawnOn == null).ThenByDescending(c => c.GivenOn).ThenByDescending(c => c.Id).ToListAsync();
        Shares = await Db.InformationShares.AsNoTracking().Include(s => s.RecipientSchool).Include(s => s.Consent).Where(s => s.ChildId == id)
            .OrderByDescending(s => s.SharedAtUtc).ThenByDescending(s => s.Id).ToListAsync();
        var ids = Consents.SelectMany(c => new[] { c.RecordedByUserId, c.WithdrawalRecordedByUserId })
            .Concat(Shares.Select(s => s.SharedByUserId)).OfType<string>().Distinct().ToList();
        UserNames = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        await auditor.RecordNowAsync(AuditActions.SharingLedgerViewed, id);
        return Page();
    }
}
