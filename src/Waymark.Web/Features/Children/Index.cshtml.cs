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

    /// <summary>True for LA-wide roles until they give a name, UPN or school.</summary>
    public bool NeedsCriteria { get; private set; }

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(searching: false);

    public async Task<IActionResult> OnPostAsync()
    {
        Query = Query?.Trim();
        if (Query is { Length: > 100 })
        {
            ModelState.AddModelError(nameof(Query), "Search terms must be 100 characters or fewer");
        }
        else if (Query is { Length: > 0 } && !IsUpnShaped(Upn.Normalise(Query)) && NameTerms(Query).Length == 0)
        {
            // Only symbols ("%", "'", "--"): there is nothing to match, and searching for nothing would list every
            // child in scope, which for an LA-wide role is the whole authority.
            ModelState.AddModelError(nameof(Query), "Enter a name or UPN using letters or numbers");
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
            var schoolId = await db.Schools.Where(s => s.Urn == urn).Select(s => (int?)s.Id).SingleOrDefaultAsync();
            query = query.OnRollOf(schoolId ?? -1, today);
        }

        var hasTerms = searching && !string.IsNullOrWhiteSpace(Query);
        if (hasTerms)
        {
            var upn = Upn.Normalise(Query!);
            if (IsUpnShaped(upn))
            {
                // Two indexed lookups rather than an OR, which would scan every child.
                var ids = db.Children.Where(c => c.Upn == upn).Select(c => c.Id)
                    .Concat(db.FormerUpns.Where(f => f.Upn == upn).Select(f => f.ChildId));
                query = query.Where(c => ids.Contains(c.Id));
            }
            else
            {
                foreach (var term in NameTerms(Query!).Take(5))
                {
                    query = query.Where(c => c.SearchName.Contains(term));
                }
            }
        }

        // Need to know: LA-wide roles see named children only for a search or a school, never
        // the whole authority as a list.
        NeedsCriteria = scope.DataScope == DataScope.LocalAuthority && !hasTerms && School is null;
        Searched = hasTerms || School is not null;
        if (NeedsCriteria)
        {
            return;
        }

        TotalResults = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var year = AcademicYear.Containing(today);
        var currentEnrolment = CurrentOn.Enrolment(today);
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
                c.YearGroupOffset,
                School = c.Enrolments.AsQueryable().Where(currentEnrolment)
                    .OrderBy(e => e.Type == EnrolmentType.DualSubsidiary).Select(e => e.School!.Name).FirstOrDefault(),
            })
            .ToListAsync();
        Results = rows.Select(r => new ChildRow(
            r.Id,
            r.PreferredForename is null || r.PreferredForename == r.LegalForename
                ? $"{r.LegalSurname}, {r.LegalForename}"
                : $"{r.LegalSurname}, {r.LegalForename} (known as {r.PreferredForename})",
            r.Upn,
            r.DateOfBirth,
            NationalCurriculumYear.ForChild(r.DateOfBirth, year, r.YearGroupOffset)?.DisplayName,
            r.School)).ToList();

        auditor.Record(AuditActions.ChildSearch, detail:
            $"terms: {(hasTerms ? Query : "(none)")}; school: {School?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}; page {PageNumber}; {TotalResults} results");
        await db.SaveChangesAsync();
    }

    private static bool IsUpnShaped(string upn) => upn.Length == 13 && char.IsAsciiLetter(upn[0]) && upn[1..12].All(char.IsAsciiDigit);

    /// <summary>The words searched for: letters and digits, as children's names are held for searching.</summary>
    private static string[] NameTerms(string query) => NameSearch.Normalise(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private async Task LoadSchoolOptionsAsync(UserScope scope, IQueryable<Child> visible, DateOnly today)
    {
        var schools = scope.DataScope == DataScope.LocalAuthority
            ? db.Schools.AsNoTracking().Where(s => s.IsOpen)
            : db.Enrolments.AsNoTracking().Where(CurrentOn.Enrolment(today))
                .Where(e => visible.Any(c => c.Id == e.ChildId)).Select(e => e.School!).Distinct();
        var list = await schools.OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync();
        SchoolOptions = [new SelectOption("", "Any school", School is null),
            .. list.Select(s => new SelectOption(s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Urn == School))];
    }
}

public sealed record ChildRow(Guid Id, string Name, string? Upn, DateOnly DateOfBirth, string? Year, string? School);
