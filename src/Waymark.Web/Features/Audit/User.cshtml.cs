using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Audit;

/// <summary>Whose activity the page shows: a person, or an integration calling the API (docs/api.md).</summary>
public sealed record AuditSubject(string Id, string Name, string? Email, Domain.People.Role Role, string? School, string Status, bool IsIntegration);

/// <summary>
/// Everything one user (or integration) has done, newest first, optionally between two dates. Children are named (with a link to their
/// access history); the detail line of an entry about a child, which can quote the record, is left out.
/// </summary>
public sealed class UserModel(WaymarkDbContext db, Auditor auditor) : WaymarkPageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public AuditSubject Subject { get; private set; } = null!;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public DateRangeFilter Range { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var subject = await SubjectAsync(id, ct);
        if (subject is null)
        {
            return NotFound();
        }

        Subject = subject;
        Range = DateRangeFilter.Parse(From, To, ModelState);
        var filter = DateRangeFilter.Query(From, To);
        if (!ModelState.IsValid)
        {
            Paging = new Paging(1, 1, 0, _ => "");
            await auditor.RecordNowAsync(AuditActions.AuditUserActivityViewed, detail: $"{Who(subject)}: the dates given were not valid", ct: ct);
            return Page();
        }

        var entries = db.AuditEvents.AsNoTracking().Where(a => a.UserId == id);
        if (Range.FromUtc is DateTime fromUtc)
        {
            entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (Range.ToUtc is DateTime toUtc)
        {
            entries = entries.Where(a => a.OccurredAtUtc < toUtc);
        }

        var total = await entries.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, AuditViews.Pages(total));
        Entries = await AuditViews.RowsAsync(db,
            entries.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id).Skip((page - 1) * AuditViews.PageSize).Take(AuditViews.PageSize), ct);
        Paging = new Paging(page, AuditViews.Pages(total), total, p => $"/audit/users/{Uri.EscapeDataString(id)}?{filter}&PageNumber={p}");
        await auditor.RecordNowAsync(AuditActions.AuditUserActivityViewed,
            detail: $"{Who(subject)}: {Range.Describe()}, page {page}", ct: ct);
        return Page();
    }

    private static string Who(AuditSubject subject) => subject.IsIntegration ? $"integration {subject.Name}" : $"user {subject.Email}";

    private async Task<AuditSubject?> SubjectAsync(string id, CancellationToken ct)
    {
        if (IntegrationActors.IntegrationOf(id) is Guid integrationId)
        {
            var integration = await db.ApiIntegrations.AsNoTracking().Include(i => i.School).SingleOrDefaultAsync(i => i.Id == integrationId, ct);
            return integration is null
                ? null
                : new AuditSubject(id, integration.Name, null, integration.Role, integration.School?.Name,
                    integration.IsRevoked ? "Token revoked" : "Registered", true);
        }

        var user = await db.Users.AsNoTracking().Include(u => u.School).SingleOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : new AuditSubject(user.Id, user.DisplayName, user.Email, user.Role, user.School?.Name, user.IsActive ? "Active" : "Deactivated", false);
    }
}
