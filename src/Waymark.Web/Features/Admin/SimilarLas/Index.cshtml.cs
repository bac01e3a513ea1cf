using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;
using Waymark.Domain.Identifiers;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Admin.SimilarLas;

/// <summary>
/// The LA administrator chooses the similar local authorities (statistical neighbours) its figures are shown beside.
/// Numbers are checked against the LAs in DfE's imported figures, or before any import against the LA number list.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const string Field = "similar";

    /// <summary>More than this is not a set of neighbours (DfE's own statistical neighbour sets have ten).</summary>
    public const int MaxSimilar = 20;

    [BindProperty(Name = Field)]
    public string? Numbers { get; set; }

    public IReadOnlyList<(int Number, string? Name)> Chosen { get; private set; } = [];

    public bool HasPublishedFigures { get; private set; }

    public TextField NumbersField => new(Field, "LA numbers of the similar local authorities", Numbers, ErrorFor(Field),
        $"The DfE 3-digit LA numbers, separated by commas or spaces, for example 852, 826, 938. Up to {MaxSimilar}.", InputMode: "numeric");

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Numbers = string.Join(", ", Chosen.Select(c => c.Number.ToString("D3", CultureInfo.InvariantCulture)));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var names = await NamesAsync();
        var own = await db.LocalAuthorities.Select(l => (int?)l.Code).SingleOrDefaultAsync();
        var chosen = new List<int>();
        var problems = new List<string>();
        foreach (var part in (Numbers ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length is < 1 or > 3 || !part.All(char.IsAsciiDigit))
            {
                problems.Add($"'{(part.Length > 20 ? part[..20] + "..." : part)}' is not a 3-digit LA number");
                continue;
            }

            var number = int.Parse(part, CultureInfo.InvariantCulture);
            if (names.Count > 0 ? !names.ContainsKey(number) : !LocalAuthorityCodes.IsLocalAuthorityNumber(number))
            {
                problems.Add(names.Count > 0
                    ? $"{number:D3} is not a local authority in DfE's imported attendance figures"
                    : $"{number:D3} is not a DfE local authority number");
            }
            else if (number == own)
            {
                problems.Add($"{number:D3} is this local authority itself");
            }
            else if (!chosen.Contains(number))
            {
                chosen.Add(number);
            }
        }

        if (problems.Count == 0 && chosen.Count > MaxSimilar)
        {
            problems.Add($"Choose at most {MaxSimilar} similar local authorities; you gave {chosen.Count}");
        }

        if (problems.Count > 0)
        {
            ModelState.AddModelError(Field, string.Join("; ", problems));
            await LoadAsync();
            return Page();
        }

        var held = await db.SimilarLocalAuthorities.ToListAsync();
        var before = held.Select(h => h.LaNumber).Order().ToList();
        var after = chosen.Order().ToList();
        if (before.SequenceEqual(after))
        {
            Flash("The similar local authorities were not changed");
            return Redirect("/admin/similar-las");
        }

        db.SimilarLocalAuthorities.RemoveRange(held.Where(h => !chosen.Contains(h.LaNumber)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var number in chosen.Where(n => !before.Contains(n)))
        {
            db.SimilarLocalAuthorities.Add(new SimilarLocalAuthority { LaNumber = number, AddedAtUtc = now, AddedByUserId = currentUser.Id });
        }

        static string List(List<int> numbers) => numbers.Count == 0 ? "none" : string.Join(", ", numbers.Select(n => n.ToString("D3", CultureInfo.InvariantCulture)));
        auditor.Record(AuditActions.SimilarLocalAuthoritiesChanged, detail: $"from {List(before)} to {List(after)}");
        await db.SaveChangesAsync();
        Flash("The similar local authorities have been saved");
        return Redirect("/admin/similar-las");
    }

    private async Task LoadAsync()
    {
        var names = await NamesAsync();
        HasPublishedFigures = names.Count > 0;
        Chosen = (await db.SimilarLocalAuthorities.AsNoTracking().OrderBy(s => s.LaNumber).Select(s => s.LaNumber).ToListAsync())
            .Select(n => (n, names.GetValueOrDefault(n)))
            .ToList();
    }

    /// <summary>Each LA number in DfE's imported figures with its latest name.</summary>
    private async Task<Dictionary<int, string>> NamesAsync() =>
        (await db.PublishedAttendance.AsNoTracking()
            .Where(p => p.Level == GeographicLevel.LocalAuthority && p.LaNumber != null)
            .Select(p => new { p.LaNumber, p.AreaName, p.TimePeriod })
            .ToListAsync())
        .GroupBy(p => p.LaNumber!.Value)
        .ToDictionary(g => g.Key, g => g.MaxBy(p => p.TimePeriod)!.AreaName);
}
