using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Admin;

public sealed record AdminChildRow(Guid Id, string Name, string? Upn, DateOnly DateOfBirth);

/// <summary>
/// Finding one child for an administrator's task (subject access, legal hold): by exact UPN, current or former,
/// or by name and date of birth together, so a common name alone never lists the authority. Terms travel in the
/// POST body, never the URL; every search is audited.
/// </summary>
public abstract class AdminChildSearchModel(WaymarkDbContext db, Auditor auditor) : WaymarkPageModel
{
    public const int MaxResults = 50;

    protected WaymarkDbContext Db { get; } = db;

    [BindProperty]
    public string? Upn { get; set; }

    [BindProperty]
    public string? ChildName { get; set; }

    [BindProperty]
    public DateInput DateOfBirth { get; set; } = new();

    public IReadOnlyList<AdminChildRow> Results { get; private set; } = [];

    public bool Searched { get; private set; }

    /// <summary>Where a result leads, e.g. /admin/subject-access/{id}.</summary>
    public abstract string ResultLink(Guid childId);

    /// <summary>The task named in the audit, e.g. "subject access".</summary>
    protected abstract string Purpose { get; }

    protected async Task SearchAsync()
    {
        Upn = Upn?.Trim();
        ChildName = ChildName?.Trim();
        IQueryable<Child>? query = null;
        string terms;
        if (!string.IsNullOrEmpty(Upn))
        {
            var check = Domain.Identifiers.Upn.Validate(Upn);
            if (!check.IsValid)
            {
                ModelState.AddModelError(nameof(Upn), check.Message);
                return;
            }

            var upn = Domain.Identifiers.Upn.Normalise(Upn);
            var ids = Db.Children.Where(c => c.Upn == upn).Select(c => c.Id).Concat(Db.FormerUpns.Where(f => f.Upn == upn).Select(f => f.ChildId));
            query = Db.Children.Where(c => ids.Contains(c.Id));
            terms = $"UPN {upn}";
        }
        else
        {
            if (string.IsNullOrEmpty(ChildName) && DateOfBirth.IsEmpty)
            {
                ModelState.AddModelError(nameof(Upn), "Enter a UPN, or the child's name and date of birth");
                return;
            }

            if (string.IsNullOrEmpty(ChildName))
            {
                ModelState.AddModelError(nameof(ChildName), "Enter the child's name");
            }
            else if (ChildName.Length > 100)
            {
                ModelState.AddModelError(nameof(ChildName), "Name must be 100 characters or fewer");
            }

            var born = DateOfBirth.Parse(ModelState, nameof(DateOfBirth), "the child's date of birth");
            if (!ModelState.IsValid || born is not DateOnly dob)
            {
                return;
            }

            query = Db.Children.Where(c => c.DateOfBirth == dob);
            foreach (var term in NameSearch.Normalise(ChildName!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            {
                query = query.Where(c => c.SearchName.Contains(term));
            }

            terms = string.Create(CultureInfo.InvariantCulture, $"name '{ChildName}', born {dob:yyyy-MM-dd}");
        }

        Searched = true;
        Results = (await query.AsNoTracking()
                .OrderBy(c => c.LegalSurname).ThenBy(c => c.LegalForename).ThenBy(c => c.Id)
                .Take(MaxResults)
                .Select(c => new { c.Id, c.LegalForename, c.MiddleNames, c.LegalSurname, c.Upn, c.DateOfBirth })
                .ToListAsync())
            .Select(c => new AdminChildRow(c.Id, string.Join(' ', new[] { c.LegalForename, c.MiddleNames, c.LegalSurname }.Where(n => n is not null)), c.Upn, c.DateOfBirth))
            .ToList();
        await auditor.RecordNowAsync(AuditActions.ChildSearch, detail: $"{Purpose}: {terms}; {Results.Count} results");
    }
}
