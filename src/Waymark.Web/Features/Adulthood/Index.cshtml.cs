using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Audit;
using Waymark.Web.Features.Shared.Downloads;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Adulthood;

public sealed record BandRow(PfaAgeBand Band, int YoungPeople, int AverageCompletion, int WithOverdue, int NotEligibleForAsc);

/// <summary>
/// The preparing for adulthood cohort the user may see (<see cref="AdulthoodScoping.InPfaCohort"/> within their scope):
/// young people by age band, checklist completion, those found not eligible for Adult Social Care support, and overdue
/// checklist items and pathway plan reviews, most overdue first, a page at a time; the whole filtered list downloads
/// as CSV or XLSX.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TableDownloads downloads, TimeProvider clock)
    : WaymarkPageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<BandRow> Bands { get; private set; } = [];

    public IReadOnlyList<CohortRow> Rows { get; private set; } = [];

    public int Matching { get; private set; }

    public int Total { get; private set; }

    public bool CanSeePanels { get; private set; }

    public Paging Paging { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Band { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>Not "page": that is the route value naming the Razor page, so it would never bind.</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        if (!AdulthoodAccess.CanViewCohort(currentUser.Role))
        {
            return Forbid();
        }

        var today = clock.UkToday();
        CanSeePanels = AdulthoodAccess.CanViewPanels(currentUser.Role);
        var all = await PfaCohort.RowsAsync(db, db.Children.VisibleTo(db, currentUser.Scope, today), today);
        Total = all.Count;
        Bands = Enum.GetValues<PfaAgeBand>().Select(b =>
            {
                var inBand = all.Where(r => r.Band == b).ToList();
                return new BandRow(b, inBand.Count, inBand.Count == 0 ? 0 : (int)Math.Round(inBand.Average(r => r.CompletionPercent)),
                    inBand.Count(r => r.HasOverdue), inBand.Count(r => r.NotEligibleForAsc));
            })
            .ToList();

        IEnumerable<CohortRow> shown = all;
        if (Enum.TryParse<PfaAgeBand>(Band, out var band) && Enum.IsDefined(band))
        {
            shown = shown.Where(r => r.Band == band);
        }
        else
        {
            Band = null;
        }

        (shown, Show) = Show switch
        {
            "overdue" => (shown.Where(r => r.HasOverdue), Show),
            "not-eligible" => (shown.Where(r => r.NotEligibleForAsc), Show),
            "care-leavers" => (shown.Where(r => r.IsCareLeaver), Show),
            _ => (shown, null),
        };
        var matching = PfaCohort.InOrder(shown).ToList();
        Matching = matching.Count;
        var filter = $"band {Band ?? "all"}, show {Show ?? "all"}";
        if (format is not null)
        {
            if (!TableDownloads.TryParse(format, out var parsed))
            {
                return NotFound();
            }

            // Named young people, not figures: there is nothing to suppress, and the download is audited like any other.
            return await downloads.FileAsync(Table(matching, today), parsed, $"preparing for adulthood cohort, {Matching} young people ({filter})");
        }

        var pages = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pages);
        Rows = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Paging = new Paging(PageNumber, pages, Matching, p => Link(p), "Pages of young people");
        await auditor.RecordNowAsync(AuditActions.PfaCohortViewed,
            detail: $"cohort: {Rows.Count} of {Matching} young people listed, page {PageNumber} of {pages} ({filter})");
        return Page();
    }

    /// <summary>The address of this view with the current filters, for the pages and the downloads.</summary>
    public string Link(int? page = null)
    {
        var query = new List<string>();
        if (Band is not null)
        {
            query.Add("band=" + Uri.EscapeDataString(Band));
        }

        if (Show is not null)
        {
            query.Add("show=" + Uri.EscapeDataString(Show));
        }

        if (page is int p && p > 1)
        {
            query.Add("PageNumber=" + p.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/adulthood" : "/adulthood?" + string.Join("&", query);
    }

    public static string Group(CohortRow r) =>
        string.Join(", ", new[] { r.HasEhcPlan ? "EHC plan" : null, r.IsCareLeaver ? "Care leaver" : null }.Where(x => x is not null));

    public static DownloadTable Table(IReadOnlyList<CohortRow> rows, DateOnly today) => new(
        $"preparing-for-adulthood-{today:yyyy-MM-dd}", "Preparing for adulthood",
        ["Name", "Age", "Age band", "Group", "Checklist complete (%)", "Overdue checklist items", "Next pathway plan review due", "Pathway plan review overdue",
            "Adult Social Care"],
        rows.Select(r => (IReadOnlyList<string>)
        [
            r.Name, r.Age.ToString(CultureInfo.InvariantCulture), PfaItems.DisplayName(r.Band), Group(r),
            r.CompletionPercent.ToString(CultureInfo.InvariantCulture),
            string.Join("; ", r.OverdueRows.Select(o => $"{PfaItems.DisplayName(o.Item)} (due {o.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})")),
            r.PathwayReviewDue?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "",
            r.PathwayReviewOverdue ? "Yes" : r.PathwayReviewDue is null ? "" : "No",
            r.NotEligibleForAsc ? "Not eligible" : "",
        ]).ToList());
}
