using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Adulthood;

public sealed record CohortRow(Guid Id, string Name, int Age, PfaAgeBand Band, bool HasEhcPlan, bool IsCareLeaver, int CompletionPercent,
    int OverdueItems, bool NotEligibleForAsc);

public sealed record BandRow(PfaAgeBand Band, int YoungPeople, int AverageCompletion, int WithOverdueItems, int NotEligibleForAsc);

/// <summary>
/// The preparing for adulthood cohort the user may see (<see cref="AdulthoodScoping.InPfaCohort"/> within their scope):
/// young people by age band, checklist completion, those found not eligible for Adult Social Care support, and overdue
/// items, most overdue first.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const int MaxRows = 200;

    public IReadOnlyList<BandRow> Bands { get; private set; } = [];

    public IReadOnlyList<CohortRow> Rows { get; private set; } = [];

    public int Matching { get; private set; }

    public int Total { get; private set; }

    public bool CanSeePanels { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Band { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!AdulthoodAccess.CanViewCohort(currentUser.Role))
        {
            return Forbid();
        }

        var today = clock.UkToday();
        CanSeePanels = AdulthoodAccess.CanViewPanels(currentUser.Role);
        var cohort = db.Children.VisibleTo(db, currentUser.Scope, today).InPfaCohort(db, today);
        var people = await cohort.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.LegalForename, c.LegalSurname, c.PreferredForename, c.PreferredSurname, c.DateOfBirth,
                Ehc = c.Statuses.Any(s => s.Type == ChildStatusType.EhcPlan && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)),
                CareLeaver = c.Statuses.Any(s => s.Type == ChildStatusType.CareLeaver && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)),
            })
            .ToListAsync();
        var items = (await db.PfaChecklistItems.AsNoTracking().Where(i => cohort.Any(c => c.Id == i.ChildId)).ToListAsync())
            .ToLookup(i => i.ChildId);
        var all = people.Select(p =>
            {
                var rows = ChecklistRow.For(p.DateOfBirth, items[p.Id], today);
                return new CohortRow(p.Id, $"{p.PreferredForename ?? p.LegalForename} {p.PreferredSurname ?? p.LegalSurname}", PfaAges.AgeOn(p.DateOfBirth, today),
                    PfaAges.BandOn(p.DateOfBirth, today)!.Value, p.Ehc, p.CareLeaver, PfaChecklist.CompletionPercent(rows.Select(r => r.Status)),
                    rows.Count(r => r.Overdue), items[p.Id].Any(i => i.AscOutcome == AscOutcome.NotEligible));
            })
            .ToList();
        Total = all.Count;
        Bands = Enum.GetValues<PfaAgeBand>().Select(b =>
            {
                var inBand = all.Where(r => r.Band == b).ToList();
                return new BandRow(b, inBand.Count, inBand.Count == 0 ? 0 : (int)Math.Round(inBand.Average(r => r.CompletionPercent)),
                    inBand.Count(r => r.OverdueItems > 0), inBand.Count(r => r.NotEligibleForAsc));
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

        shown = Show switch
        {
            "overdue" => shown.Where(r => r.OverdueItems > 0),
            "not-eligible" => shown.Where(r => r.NotEligibleForAsc),
            "care-leavers" => shown.Where(r => r.IsCareLeaver),
            _ => shown,
        };
        var matching = shown.OrderByDescending(r => r.OverdueItems).ThenBy(r => r.CompletionPercent).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        Matching = matching.Count;
        Rows = matching.Take(MaxRows).ToList();
        await auditor.RecordNowAsync(AuditActions.PfaCohortViewed,
            detail: $"cohort: {Rows.Count} of {Matching} young people listed (band {Band ?? "all"}, show {Show ?? "all"})");
        return Page();
    }
}
