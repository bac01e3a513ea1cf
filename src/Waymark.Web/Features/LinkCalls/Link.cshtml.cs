using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.LinkCalls;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>Links an LA officer to the school as its Link Co-ordinator (from a day, when the first call falls due two weeks on) and sets its risk group.</summary>
public sealed class LinkModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : LinkSchoolPageModel(db, currentUser, auditor, clock)
{
    [BindProperty]
    public string? OfficerId { get; set; }

    [BindProperty]
    public DateInput LinkedOn { get; set; } = new();

    [BindProperty]
    public string? RiskGroup { get; set; }

    [BindProperty]
    public string? RiskNote { get; set; }

    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];

    public IReadOnlyList<SelectOption> OfficerOptions =>
        [new("", "Choose an officer", string.IsNullOrEmpty(OfficerId)), .. Officers.Select(o => new SelectOption(o.Id, o.Name, o.Id == OfficerId))];

    public IReadOnlyList<ChoiceOption> RiskOptions => Enum.GetValues<Domain.LinkCalls.RiskGroup>()
        .Select(g => new ChoiceOption(g.ToString(), LinkCallRules.DisplayName(g), RiskGroup == g.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int urn)
    {
        if (await LoadAsync(urn) is IActionResult refused)
        {
            return refused;
        }

        OfficerId = Link?.OfficerUserId;
        LinkedOn = DateInput.From(Link?.LinkedOn ?? TodayDate);
        RiskGroup = (Link?.RiskGroup ?? Domain.LinkCalls.RiskGroup.NotAssigned).ToString();
        RiskNote = Link?.RiskNote;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn)
    {
        if (await LoadAsync(urn) is IActionResult refused)
        {
            return refused;
        }

        if (Officers.All(o => o.Id != OfficerId))
        {
            ModelState.AddModelError(nameof(OfficerId), "Choose the officer linked to the school");
        }

        var linkedOn = LinkedOn.Parse(ModelState, nameof(LinkedOn), "the date the officer took the school on");
        if (linkedOn > TodayDate.AddDays(LinkCallRules.CallIntervalDays))
        {
            ModelState.AddModelError(nameof(LinkedOn), "The date the officer took the school on must be no more than two weeks ahead");
        }

        var group = Enum.TryParse<RiskGroup>(RiskGroup, out var g) && Enum.IsDefined(g) ? g : (RiskGroup?)null;
        if (group is null)
        {
            ModelState.AddModelError(nameof(RiskGroup), "Select the school's risk group");
        }

        var note = string.IsNullOrWhiteSpace(RiskNote) ? null : RiskNote.Trim();
        if (note?.Length > LinkCallLimits.Short)
        {
            ModelState.AddModelError(nameof(RiskNote), $"Why must be {LinkCallLimits.Short:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var link = await Db.LinkedSchools.SingleOrDefaultAsync(l => l.SchoolId == School.Id);
        var was = link is null ? "no link" : $"{link.OfficerUserId} since {link.LinkedOn:yyyy-MM-dd}, {link.RiskGroup}";
        if (link is null)
        {
            link = new LinkedSchool { SchoolId = School.Id, OfficerUserId = OfficerId! };
            Db.LinkedSchools.Add(link);
        }

        link.OfficerUserId = OfficerId!;
        link.LinkedOn = linkedOn!.Value;
        link.RiskGroup = group!.Value;
        link.RiskNote = note;
        link.UpdatedAtUtc = UtcNow;
        Auditor.Record(AuditActions.LinkSchoolChanged, detail: $"school {urn}: {was} -> {link.OfficerUserId} since {link.LinkedOn:yyyy-MM-dd}, {link.RiskGroup}");
        await Db.SaveChangesAsync();
        Flash("Link Co-ordinator and risk group saved");
        return Redirect(SchoolPath);
    }

    private async Task<IActionResult?> LoadAsync(int urn)
    {
        if (await OpenAsync(urn, "link a Link Co-ordinator", record: true) is IActionResult refused)
        {
            return refused;
        }

        if (!CanAssign)
        {
            return Forbid();
        }

        var officers = await Db.Users.AsNoTracking().Where(u => u.IsActive && (u.Role == Domain.People.Role.LaOfficer || u.Role == Domain.People.Role.LaAdmin))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        Officers = officers.Select(o => (o.Id, o.DisplayName)).ToList();
        return null;
    }
}
