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

    public bool CanBreakGlass => NeedToKnow.CanBreakGlass(currentUser.Role);

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
        var visible = db.Children.AsNoTracking().VisibleTo(db, scope, today);
        var incoming = db.Children.AsNoTracking().IncomingTo(db, scope);

        await LoadSchoolOptionsAsync(scope, visible, today);

        // School staff also find the children another school has shared with theirs ahead of a move.
        var query = scope.DataScope == DataScope.School ? visible.Union(incoming) : visible;
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

                // An exact UPN is how an LA user finds a child outside their need-to-know, to open with a reason.
                query = NeedToKnow.CanBreakGlass(scope.Role)
                    ? db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
                    : query.Where(c => ids.Contains(c.Id));
            }
            else
            {
                foreach (var term in NameTerms(Query!).Take(5))
                {
                    query = query.Where(c => c.SearchName.Contains(term));
                }
            }
        }

        // Need to know: LA-wide roles and the SEN team see named children only for a search or a school, never
        // the whole authority (or its whole SEND cohort) as a list.
        NeedsCriteria = (scope.DataScope is DataScope.LocalAuthority or DataScope.SendCohort) && !hasTerms && School is null;
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
        var shown = rows.Select(r => r.Id).ToList();
        var full = (await visible.Where(c => shown.Contains(c.Id)).Select(c => c.Id).ToListAsync()).ToHashSet();
        Results = rows.Select(r => new ChildRow(
            r.Id,
            r.PreferredForename is null || r.PreferredForename == r.LegalForename
                ? $"{r.LegalSurname}, {r.LegalForename}"
                : $"{r.LegalSurname}, {r.LegalForename} (known as {r.PreferredForename})",
            r.Upn,
            r.DateOfBirth,
            NationalCurriculumYear.ForChild(r.DateOfBirth, year, r.YearGroupOffset)?.DisplayName,
            r.School,
            full.Contains(r.Id) ? ChildAccessLevel.Full : scope.DataScope == DataScope.School ? ChildAccessLevel.Incoming : ChildAccessLevel.None)).ToList();

        auditor.Record(AuditActions.ChildSearch, detail:
            $"terms: {(hasTerms ? Query : "(none)")}; school: {School?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}; page {PageNumber}; {TotalResults} results");
        await db.SaveChangesAsync();
    }

    private static bool IsUpnShaped(string upn) => upn.Length == 13 && char.IsAsciiLetter(upn[0]) && upn[1..12].All(char.IsAsciiDigit);

    /// <summary>The words searched for: letters and digits, as children's names are held for searching.</summary>
    private static string[] NameTerms(string query) => NameSearch.Normalise(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private async Task LoadSchoolOptionsAsync(UserScope scope, IQueryable<Child> visible, DateOnly today)
    {
        var schools = scope.DataScope is DataScope.LocalAuthority or DataScope.SendCohort
            ? db.Schools.AsNoTracking().Where(s => s.IsOpen)
            : db.Enrolments.AsNoTracking().Where(CurrentOn.Enrolment(today))
                .Where(e => visible.Any(c => c.Id == e.ChildId)).Select(e => e.School!).Distinct();
        var list = await schools.OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync();
        SchoolOptions = [new SelectOption("", "Any school", School is null),
            .. list.Select(s => new SelectOption(s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Urn == School))];
    }
}

/// <param name="Access">Full: the record; Incoming: what another school shared; None: outside the user's need-to-know, opened only with a reason.</param>
public sealed record ChildRow(Guid Id, string Name, string? Upn, DateOnly DateOfBirth, string? Year, string? School, ChildAccessLevel Access)
{
    public string Link => Access == ChildAccessLevel.None ? $"/children/{Id}/open-with-reason" : $"/children/{Id}";
}
