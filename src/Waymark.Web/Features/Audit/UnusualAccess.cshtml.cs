using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Domain.Auditing;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using Rules = Waymark.Domain.Auditing.UnusualAccess;

namespace Waymark.Web.Features.Audit;

public sealed record OpeningRow(long Id, DateTime GrantedAtUtc, string UserId, string UserName, Role UserRole, Guid ChildId, string ChildName, string? ChildUpn,
    string Reason, string? ReviewedBy, DateTime? ReviewedAtUtc, string? ReviewNote)
{
    public bool Reviewed => ReviewedAtUtc is not null;
}

public sealed record BurstRow(string UserId, string UserName, Role? UserRole, DateTime FirstUtc, DateTime LastUtc, int Children, int Reads, DateOnly UkDay);

/// <summary>
/// The Caldicott Guardian's report of access that deserves a second look, over a range of UK days (the last 30 by
/// default): records opened outside need-to-know (with the form to mark each reviewed), entries about children out of
/// hours, and users reading many children's records in a short time (<see cref="Rules"/>).
/// </summary>
public sealed class UnusualAccessModel(WaymarkDbContext db, Auditor auditor, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    /// <summary>The longest range the report covers at once, so that its queries stay bounded.</summary>
    public const int MaxDays = 93;

    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    /// <summary>The page of out-of-hours entries.</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Note { get; set; }

    public DateRangeFilter Range { get; private set; } = null!;

    /// <summary>False when the dates given were not valid: the page shows the errors and no report.</summary>
    public bool Loaded { get; private set; }

    public IReadOnlyList<OpeningRow> Openings { get; private set; } = [];

    /// <summary>Openings before the range still waiting for review.</summary>
    public int EarlierUnreviewed { get; private set; }

    public IReadOnlyList<AuditRow> OutOfHours { get; private set; } = [];

    public Paging OutOfHoursPaging { get; private set; } = new(1, 1, 0, _ => "");

    public IReadOnlyList<BurstRow> Bursts { get; private set; } = [];

    public string CurrentUserId => currentUser.Id;

    /// <summary>The range as a query string, for links and the review forms.</summary>
    public string Filter => DateRangeFilter.Query(From, To);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        await auditor.RecordNowAsync(AuditActions.UnusualAccessViewed,
            detail: loaded ? $"{Range.Describe()}: {Openings.Count} openings, {OutOfHoursPaging.Total} out of hours, {Bursts.Count} runs; page {OutOfHoursPaging.Page}" : "the dates given were not valid",
            ct: ct);
        return Page();
    }

    /// <summary>Marks an opening outside need-to-know as reviewed: by whom, when, and an optional note.</summary>
    public async Task<IActionResult> OnPostReviewAsync(long grantId, CancellationToken ct)
    {
        var grant = await db.BreakGlassAccesses.Include(g => g.ReviewedBy).SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null)
        {
            return NotFound();
        }

        if (grant.ReviewedAtUtc is not null)
        {
            Flash($"That opening was already reviewed by {grant.ReviewedBy?.DisplayName ?? "someone else"}");
            return Redirect($"/audit/unusual-access?{Filter}#opening-{grantId}");
        }

        var key = $"Note-{grantId}";
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (grant.UserId == currentUser.Id)
        {
            ModelState.AddModelError(key, "You cannot review your own opening of a record: another administrator or the Caldicott Guardian must");
        }
        else if (Note is { Length: > 2000 })
        {
            ModelState.AddModelError(key, "The note must be 2,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        grant.ReviewedByUserId = currentUser.Id;
        grant.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        grant.ReviewNote = Note;
        auditor.Record(AuditActions.BreakGlassReviewed, grant.ChildId, $"opening {grant.Id} of {grant.GrantedOn:yyyy-MM-dd} reviewed{(Note is null ? "" : ": " + Note)}");
        await db.SaveChangesAsync(ct);
        Flash("The opening is marked as reviewed");
        return Redirect($"/audit/unusual-access?{Filter}#opening-{grantId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = Today(clock);
        var filterState = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        Range = DateRangeFilter.Parse(From, To, filterState, MaxDays);
        foreach (var (key, entry) in filterState)
        {
            foreach (var error in entry.Errors)
            {
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }

        if (filterState.ErrorCount > 0)
        {
            return false;
        }

        // The last 30 days unless told otherwise; an open end is filled in from the other.
        var to = Range.To ?? (Range.From is DateOnly f ? Min(f.AddDays(DefaultDays - 1), today) : today);
        var from = Range.From ?? to.AddDays(-(DefaultDays - 1));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            from = to.AddDays(-(MaxDays - 1));
        }

        From = DateInput.From(from);
        To = DateInput.From(to);
        Range = DateRangeFilter.Parse(From, To, new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary(), MaxDays);
        var fromUtc = Rules.UkDayStartUtc(from);
        var toUtc = Rules.UkDayStartUtc(to.AddDays(1));

        await LoadOpeningsAsync(fromUtc, toUtc, ct);
        await LoadOutOfHoursAsync(from, to, ct);
        await LoadBurstsAsync(fromUtc, toUtc, ct);
        Loaded = true;
        return true;
    }

    private async Task LoadOpeningsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.BreakGlassAccesses.AsNoTracking()
            .Where(g => g.GrantedAtUtc >= fromUtc && g.GrantedAtUtc < toUtc)
            .OrderByDescending(g => g.GrantedAtUtc).ThenByDescending(g => g.Id)
            .Select(g => new
            {
                g.Id, g.GrantedAtUtc, g.UserId, UserName = g.User!.DisplayName, UserRole = g.User.Role, g.ChildId,
                g.Child!.LegalForename, g.Child.LegalSurname, g.Child.PreferredForename, g.Child.PreferredSurname, g.Child.Upn,
                g.Reason, ReviewedBy = g.ReviewedBy!.DisplayName, g.ReviewedAtUtc, g.ReviewNote,
            })
            .ToListAsync(ct);
        Openings = [.. rows.Select(g => new OpeningRow(g.Id, g.GrantedAtUtc, g.UserId, g.UserName, g.UserRole, g.ChildId,
            $"{g.PreferredForename ?? g.LegalForename} {g.PreferredSurname ?? g.LegalSurname}", g.Upn, g.Reason,
            g.ReviewedAtUtc is null ? null : g.ReviewedBy, g.ReviewedAtUtc, g.ReviewNote))];
        EarlierUnreviewed = await db.BreakGlassAccesses.CountAsync(g => g.GrantedAtUtc < fromUtc && g.ReviewedAtUtc == null, ct);
    }

    private async Task LoadOutOfHoursAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Out of hours as UTC ranges of the indexed column, so the database does the filtering and the counting.
        // People's access only: integrations read out of hours and in bulk by design, and have their own page (docs/api.md).
        var entries = db.AuditEvents.AsNoTracking().Where(a => a.ChildId != null && a.UserId != null && !a.UserId.StartsWith(IntegrationActors.Prefix))
            .Where(InAny(Rules.OutOfHoursUtc(from, to)));
        var total = await entries.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, AuditViews.Pages(total));
        OutOfHours = await AuditViews.RowsAsync(db,
            entries.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id).Skip((page - 1) * AuditViews.PageSize).Take(AuditViews.PageSize), ct);
        var filter = Filter;
        OutOfHoursPaging = new Paging(page, AuditViews.Pages(total), total, p => $"/audit/unusual-access?{filter}&PageNumber={p}#out-of-hours-heading",
            "Pages of out-of-hours entries");
    }

    private async Task LoadBurstsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var reads = db.AuditEvents.AsNoTracking()
            .Where(a => a.ChildId != null && a.UserId != null && !a.UserId.StartsWith(IntegrationActors.Prefix)
                && a.OccurredAtUtc >= fromUtc && a.OccurredAtUtc < toUtc && AuditActions.ChildReads.Contains(a.Action));

        // Only users who read more children than the threshold in the whole range can have a run; the database finds
        // them, and only their reads are fetched and walked through in time order.
        var candidates = await reads.GroupBy(a => a.UserId)
            .Where(g => g.Select(a => a.ChildId).Distinct().Count() > Rules.ManyChildren)
            .Select(g => g.Key!).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            Bursts = [];
            return;
        }

        var theirs = await reads.Where(a => candidates.Contains(a.UserId!)).Select(a => new { a.UserId, a.ChildId, a.OccurredAtUtc }).ToListAsync(ct);
        var bursts = Rules.FindBursts(theirs.Select(r => new ChildRead(r.UserId!, r.ChildId!.Value, r.OccurredAtUtc)));
        var users = await db.Users.AsNoTracking().Where(u => candidates.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Role }).ToDictionaryAsync(u => u.Id, ct);
        Bursts = [.. bursts.Select(b =>
        {
            var user = users.GetValueOrDefault(b.UserId);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(b.FirstUtc, DateTimeKind.Utc), Rules.UkTimeZone));
            return new BurstRow(b.UserId, user?.DisplayName ?? "A user no longer on the system", user?.Role, b.FirstUtc, b.LastUtc, b.Children, b.Reads, day);
        })];
    }

    /// <summary>Entries in any of the periods: a balanced OR of range tests, each one an index range.</summary>
    private static Expression<Func<AuditEvent, bool>> InAny(IReadOnlyList<(DateTime FromUtc, DateTime ToUtc)> periods)
    {
        var entry = Expression.Parameter(typeof(AuditEvent), "a");
        if (periods.Count == 0)
        {
            return Expression.Lambda<Func<AuditEvent, bool>>(Expression.Constant(false), entry);
        }

        var at = Expression.Property(entry, nameof(AuditEvent.OccurredAtUtc));
        Expression Build(int low, int high)
        {
            if (high - low == 1)
            {
                var (fromUtc, toUtc) = periods[low];
                return Expression.AndAlso(
                    Expression.GreaterThanOrEqual(at, Expression.Constant(fromUtc)),
                    Expression.LessThan(at, Expression.Constant(toUtc)));
            }

            var middle = (low + high) / 2;
            return Expression.OrElse(Build(low, middle), Build(middle, high));
        }

        return Expression.Lambda<Func<AuditEvent, bool>>(Build(0, periods.Count), entry);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
