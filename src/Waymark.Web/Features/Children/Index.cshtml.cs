using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Children;

/// <summary>
/// Finding a child. Search terms travel in the POST body, never the URL, so names and UPNs stay out
/// of browser history, proxies and server logs.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const int PageSize = 25;

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? School { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ChildRow> Results { get; private set; } = [];

    public int TotalResults { get; private set; }

    public int TotalPages => Math.Max(1, (TotalResults + PageSize - 1) / PageSize);

    public bool Searched { get; private set; }

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(searching: false);

    public async Task<IActionResult> OnPostAsync()
    {
        Query = Query?.Trim();
        if (Query is { Length: > 100 })
        {
            ModelState.AddModelError(nameof(Query), "Search terms must be 100 characters or fewer");
        }

        await LoadAsync(searching: ModelState.IsValid);
        return Page();
    }

    private async Task LoadAsync(bool searching)
    {
        var today = Today(clock);
        var scope = currentUser.Scope;
        var visible = db.Children.AsNoTracking().VisibleTo(scope, today);

        await LoadSchoolOptionsAsync(scope, visible, today);

        var query = visible;
        if (School is int urn)
        {
            query = query.Where(c => c.Enrolments.Any(e => e.School!.Urn == urn &&
                e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)));
        }

        if (searching && !string.IsNullOrWhiteSpace(Query))
        {
            Searched = true;
            var upn = Upn.Normalise(Query);
            if (upn.Length == 13 && char.IsAsciiLetter(upn[0]) && upn[1..12].All(char.IsAsciiDigit))
            {
                // Two indexed lookups rather than an OR, which would scan every child.
                var ids = db.Children.Where(c => c.Upn == upn).Select(c => c.Id)
                    .Concat(db.FormerUpns.Where(f => f.Upn == upn).Select(f => f.ChildId));
                query = query.Where(c => ids.Contains(c.Id));
            }
            else
            {
                foreach (var term in Query.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                {
                    query = query.Where(c => c.SearchName.Contains(term));
                }
            }
        }

        TotalResults = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var year = AcademicYear.Containing(today);
        var rows = await query
            .OrderBy(c => c.LegalSurname).ThenBy(c => c.LegalForename).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new
            {
                c.Id,
                c.Upn,
                c.LegalForename,
                c.LegalSurname,
                c.PreferredForename,
                c.DateOfBirth,
                c.NcYearOverride,
                School = c.Enrolments
                    .Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
                    .OrderBy(e => e.Type).Select(e => e.School!.Name).FirstOrDefault(),
            })
            .ToListAsync();
        Results = rows.Select(r => new ChildRow(
            r.Id,
            r.PreferredForename is null || r.PreferredForename == r.LegalForename
                ? $"{r.LegalSurname}, {r.LegalForename}"
                : $"{r.LegalSurname}, {r.LegalForename} (known as {r.PreferredForename})",
            r.Upn,
            r.DateOfBirth,
            (r.NcYearOverride ?? NationalCurriculumYear.Derive(r.DateOfBirth, year))?.DisplayName,
            r.School)).ToList();

        auditor.Record(AuditActions.ChildSearch, detail:
            $"terms: {(Searched ? Query : "(none)")}; school: {School?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}; page {PageNumber}; {TotalResults} results");
        await db.SaveChangesAsync();
    }

    private async Task LoadSchoolOptionsAsync(UserScope scope, IQueryable<Child> visible, DateOnly today)
    {
        var schools = scope.DataScope == DataScope.LocalAuthority
            ? db.Schools.AsNoTracking().Where(s => s.IsOpen)
            : db.Schools.AsNoTracking().Where(s => s.Enrolments.Any(e =>
                visible.Any(c => c.Id == e.ChildId) && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today)));
        var list = await schools.OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync();
        SchoolOptions = [new SelectOption("", "Any school", School is null),
            .. list.Select(s => new SelectOption(s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Urn == School))];
    }
}

public sealed record ChildRow(Guid Id, string Name, string? Upn, DateOnly DateOfBirth, string? Year, string? School);
