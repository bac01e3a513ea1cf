using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Admin.Retention;

public sealed record HoldRow(DateTime PlacedAtUtc, string PlacedBy, string Reason, DateTime? LiftedAtUtc, string? LiftedBy, string? LiftedReason);

/// <summary>One child's legal hold: place it with a reason, or lift it with a reason. Both are audited.</summary>
[AuditChildRefusal("legal hold")]
public sealed class HoldModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public Child Child { get; private set; } = null!;

    public IReadOnlyList<HoldRow> History { get; private set; } = [];

    public bool OnHold => History.Any(h => h.LiftedAtUtc is null);

    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (!await LoadAsync(childId))
        {
            return NotFound();
        }

        await auditor.RecordNowAsync(AuditActions.ChildViewed, childId, "legal hold");
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync(Guid childId)
    {
        if (!await LoadAsync(childId))
        {
            return NotFound();
        }

        if (OnHold)
        {
            ModelState.AddModelError(nameof(Reason), "This child is already on legal hold");
        }
        else if (CheckReason("Enter why the child's record must be kept"))
        {
            db.LegalHolds.Add(new LegalHold { ChildId = childId, Reason = Reason!, PlacedByUserId = currentUser.Id, PlacedAtUtc = clock.GetUtcNow().UtcDateTime });
            auditor.Record(AuditActions.LegalHoldPlaced, childId, $"reason: {Reason}");
            await db.SaveChangesAsync();
            Flash($"{Child.LegalName} is on legal hold. None of their record will be deleted until the hold is lifted.");
            return Redirect($"/admin/retention/holds/{childId}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid childId)
    {
        if (!await LoadAsync(childId))
        {
            return NotFound();
        }

        var holds = await db.LegalHolds.Where(h => h.ChildId == childId && h.LiftedAtUtc == null).ToListAsync();
        if (holds.Count == 0)
        {
            ModelState.AddModelError(nameof(Reason), "This child is not on legal hold");
        }
        else if (CheckReason("Enter why the hold is being lifted"))
        {
            foreach (var hold in holds)
            {
                hold.LiftedAtUtc = clock.GetUtcNow().UtcDateTime;
                hold.LiftedByUserId = currentUser.Id;
                hold.LiftedReason = Reason;
            }

            auditor.Record(AuditActions.LegalHoldLifted, childId, $"reason: {Reason}");
            await db.SaveChangesAsync();
            Flash($"The legal hold on {Child.LegalName} has been lifted. Their record is kept or deleted by the retention rules again.");
            return Redirect($"/admin/retention/holds/{childId}");
        }

        return Page();
    }

    private bool CheckReason(string missing)
    {
        Reason = Reason?.Trim();
        if (string.IsNullOrEmpty(Reason))
        {
            ModelState.AddModelError(nameof(Reason), missing);
        }
        else if (Reason.Length > LegalHold.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Reason must be {LegalHold.MaxReasonLength:N0} characters or fewer");
        }

        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(Guid childId)
    {
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId);
        if (child is null)
        {
            return false;
        }

        Child = child;
        var users = db.Users;
        History = (await db.LegalHolds.AsNoTracking().Where(h => h.ChildId == childId).OrderByDescending(h => h.PlacedAtUtc)
                .Select(h => new
                {
                    h.PlacedAtUtc, h.Reason, h.LiftedAtUtc, h.LiftedReason,
                    PlacedBy = users.Where(u => u.Id == h.PlacedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                    LiftedBy = users.Where(u => u.Id == h.LiftedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync())
            .Select(h => new HoldRow(h.PlacedAtUtc, h.PlacedBy ?? "(unknown account)", h.Reason, h.LiftedAtUtc, h.LiftedBy, h.LiftedReason)).ToList();
        return true;
    }
}
