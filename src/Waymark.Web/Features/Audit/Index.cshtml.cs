using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Identifiers;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Audit;

/// <summary>
/// The audit screens' front page, for administrators and the Caldicott Guardian: find a child by UPN to see their
/// access history, find a user to see their activity, or open the report of unusual access. The UPN travels in the
/// POST body, never the URL.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, Auditor auditor) : WaymarkPageModel
{
    [BindProperty]
    public string? Upn { get; set; }

    /// <summary>Part of a user's name or email address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? UserQuery { get; set; }

    public IReadOnlyList<WaymarkUser> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadUsersAsync(ct);
        auditor.Record(AuditActions.AuditIndexViewed, detail: $"users: {(string.IsNullOrWhiteSpace(UserQuery) ? "all" : UserQuery.Trim())}");
        await db.SaveChangesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var upn = Waymark.Domain.Identifiers.Upn.Normalise(Upn ?? "");
        if (upn.Length == 0)
        {
            ModelState.AddModelError(nameof(Upn), "Enter the child's UPN");
        }
        else if (upn.Length != 13)
        {
            ModelState.AddModelError(nameof(Upn), "A UPN is 13 characters: a letter and 12 numbers");
        }

        if (!ModelState.IsValid)
        {
            await LoadUsersAsync(ct);
            return Page();
        }

        var childId = await db.Children.Where(c => c.Upn == upn).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
            ?? await db.FormerUpns.Where(f => f.Upn == upn).Select(f => (Guid?)f.ChildId).FirstOrDefaultAsync(ct);
        await auditor.RecordNowAsync(AuditActions.AuditChildSearch, childId, $"UPN {upn}: {(childId is null ? "no child" : "found")}", ct: ct);
        if (childId is Guid id)
        {
            return Redirect($"/audit/children/{id}");
        }

        ModelState.AddModelError(nameof(Upn), "No child has this UPN, now or in the past");
        await LoadUsersAsync(ct);
        return Page();
    }

    private async Task LoadUsersAsync(CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Include(u => u.School).AsQueryable();
        if (!string.IsNullOrWhiteSpace(UserQuery))
        {
            var term = UserQuery.Trim().ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToUpper().Contains(term) || u.NormalizedEmail!.Contains(term));
        }

        Users = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Take(200).ToListAsync(ct);
    }
}
