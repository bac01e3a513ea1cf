using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.Worklist;

public sealed record WorklistRow(long Id, Guid ChildId, string ChildName, string? SchoolName, AlertKind Kind, AlertOwner Owner, string Summary,
    DateOnly RaisedOn, DateOnly? ClearedOn, DateTime? HandledAtUtc);

/// <summary>
/// The Link Co-ordinator's worklist: every alert the user may see, filtered by kind, school, who must act and
/// status, with the chronic-absence breakdown the LA reports for LA users.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? School { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    /// <summary>open (the default), handled, cleared or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<WorklistRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool IsLocalAuthority { get; private set; }

    public ChronicAbsenceCounts? Chronic { get; private set; }

    public string TermName { get; private set; } = "";

    public IReadOnlyList<SelectOption> KindOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> OwnerOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> StatusOptions { get; private set; } = [];

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = Today(clock);
        var scope = currentUser.Scope;
        if (!AlertHandling.CanSeeWorklist(scope.DataScope))
        {
            return Forbid();
        }

        IsLocalAuthority = scope.DataScope == DataScope.LocalAuthority;
        Status = Status is "handled" or "cleared" or "all" ? Status : "open";
        var kind = Enum.TryParse<AlertKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (AlertKind?)null;
        var owner = Enum.TryParse<AlertOwner>(Owner, out var o) && Enum.IsDefined(o) ? o : (AlertOwner?)null;

        var alerts = WorklistAlerts.VisibleTo(db, scope, today).AsNoTracking();
        var schoolIds = await alerts.Where(a => a.SchoolId != null).Select(a => a.SchoolId!.Value).Distinct().ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync(ct);
        var schoolId = schools.FirstOrDefault(s => s.Urn == School)?.Id;

        if (kind is AlertKind kindFilter)
        {
            alerts = alerts.Where(a => a.Kind == kindFilter);
        }

        if (School is not null)
        {
            var only = schoolId ?? -1;
            alerts = alerts.Where(a => a.SchoolId == only);
        }

        if (owner is AlertOwner ownerFilter)
        {
            alerts = alerts.Where(a => a.Owner == ownerFilter);
        }

        alerts = Status switch
        {
            "handled" => alerts.Where(a => a.HandledAtUtc != null),
            "cleared" => alerts.Where(a => a.HandledAtUtc == null && a.ClearedOn != null),
            "all" => alerts,
            _ => alerts.Where(a => a.HandledAtUtc == null && a.ClearedOn == null),
        };

        Total = await alerts.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await alerts
            .OrderByDescending(a => a.RaisedOn).ThenBy(a => a.Child!.LegalSurname).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.ChildId, a.Child!.LegalForename, a.Child.PreferredForename, a.Child.LegalSurname, a.Child.PreferredSurname,
                SchoolName = a.School == null ? null : a.School.Name, a.Kind, a.Owner, a.Summary, a.RaisedOn, a.ClearedOn, a.HandledAtUtc,
            }).ToListAsync(ct);
        Rows = rows.Select(r => new WorklistRow(r.Id, r.ChildId, $"{r.PreferredForename ?? r.LegalForename} {r.PreferredSurname ?? r.LegalSurname}",
            r.SchoolName, r.Kind, r.Owner, r.Summary, r.RaisedOn, r.ClearedOn, r.HandledAtUtc)).ToList();

        if (IsLocalAuthority)
        {
            TermName = SchoolTerms.Containing(today).ToString();
            Chronic = await WorklistAlerts.ChronicBreakdownAsync(db, today, School is null ? null : schoolId ?? -1, ct);
        }

        KindOptions = [new("", "All kinds", kind is null), .. Enum.GetValues<AlertKind>().Select(x => new SelectOption(x.ToString(), AlertHandling.DisplayName(x), x == kind))];
        SchoolOptions = [new("", "All schools", School is null), .. schools.Select(s => new SelectOption(s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Urn == School))];
        OwnerOptions = [new("", "Anyone", owner is null), .. Enum.GetValues<AlertOwner>().Select(x => new SelectOption(x.ToString(), AlertHandling.DisplayName(x), x == owner))];
        StatusOptions =
        [
            new("open", "Open", Status == "open"), new("handled", "Handled", Status == "handled"),
            new("cleared", "No longer applies, not handled", Status == "cleared"), new("all", "All", Status == "all"),
        ];

        await auditor.RecordNowAsync(AuditActions.AttendanceWorklistViewed,
            detail: $"status {Status}{(kind is null ? "" : $", kind {kind}")}{(School is null ? "" : $", school {School}")}{(owner is null ? "" : $", owner {owner}")}: {Total} alert(s)",
            ct: ct);
        return Page();
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind, ["school"] = School?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["owner"] = Owner, ["status"] = Status,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/attendance/worklist" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }
}
