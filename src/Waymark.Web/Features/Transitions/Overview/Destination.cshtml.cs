using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Overview;

/// <summary>
/// The secondary school the child is going to, and how certain it is: preference, offer, accepted.
/// It can change; every change is kept, and sharing follows the accepted school.
/// </summary>
public sealed class DestinationModel(WaymarkDbContext db, TransitionGate gate, TransitionSharing sharing, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : TransitionPageModel(gate)
{
    private static readonly SchoolPhase[] SecondaryPhases =
        [SchoolPhase.Secondary, SchoolPhase.AllThrough, SchoolPhase.MiddleDeemedSecondary, SchoolPhase.NotApplicable];

    [BindProperty]
    public int? School { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public IReadOnlyList<DestinationChange> History { get; private set; } = [];

    public IReadOnlyList<ChoiceOption> StatusOptions =>
        Enum.GetValues<DestinationStatus>().Select(s => new ChoiceOption(s.ToString(), DestinationStatuses.DisplayName(s), s.ToString() == Status,
            s == DestinationStatus.Accepted ? "Once consent is recorded, the school's Transition Lead and SENCo can see the passport" : null)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "destination", r => r.SetDestination) is IActionResult refused)
        {
            return refused;
        }

        School = View.Transition.DestinationSchool?.Urn;
        Status = View.Transition.DestinationStatus?.ToString();
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "destination", r => r.SetDestination, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        Note = Note?.Trim();
        var school = School is int urn
            ? await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn && s.IsOpen && SecondaryPhases.Contains(s.Phase))
            : null;
        if (school is null)
        {
            ModelState.AddModelError(nameof(School), "Select the secondary school");
        }

        if (!Enum.TryParse<DestinationStatus>(Status, out var status) || !Enum.IsDefined(status))
        {
            ModelState.AddModelError(nameof(Status), "Select whether this is a preference, an offer or an accepted place");
        }

        if (Note is { Length: > 1000 })
        {
            ModelState.AddModelError(nameof(Note), "The note must be 1,000 characters or fewer");
        }

        var t = View.Transition;
        if (ModelState.IsValid && school!.Id == t.DestinationSchoolId && status == t.DestinationStatus)
        {
            ModelState.AddModelError(nameof(Status), $"{school.Name} is already recorded as {DestinationStatuses.DisplayName(status).ToLowerInvariant()}");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        t.DestinationSchoolId = school!.Id;
        t.DestinationStatus = status;
        db.DestinationChanges.Add(new DestinationChange
        {
            TransitionId = t.Id, SchoolId = school.Id, Status = status, Note = string.IsNullOrEmpty(Note) ? null : Note,
            ChangedByUserId = currentUser.Id, ChangedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        auditor.Record(AuditActions.TransitionChanged, t.ChildId, $"Secondary school: {school.Name}, {DestinationStatuses.DisplayName(status).ToLowerInvariant()}");
        await db.SaveChangesAsync();
        await sharing.SyncAsync(t);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        Flash($"Secondary school recorded: {school.Name}, {DestinationStatuses.DisplayName(status).ToLowerInvariant()}");
        return Redirect($"/transition/{id}");
    }

    private async Task LoadAsync(Guid id)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.IsOpen && SecondaryPhases.Contains(s.Phase))
            .OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync();
        SchoolOptions = [new SelectOption("", "Select a school", School is null),
            .. schools.Select(s => new SelectOption(s.Urn.ToString(CultureInfo.InvariantCulture), s.Name, s.Urn == School))];
        History = await db.DestinationChanges.AsNoTracking().Include(c => c.School).Include(c => c.ChangedBy)
            .Where(c => c.TransitionId == id).OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id).ToListAsync();
    }
}
