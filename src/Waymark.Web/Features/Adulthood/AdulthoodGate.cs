using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Adulthood;

/// <summary>A young person as the Preparing for Adulthood pages see them.</summary>
public sealed record YoungPerson(Child Child, bool HasEhcPlan, bool IsCareLeaver, DateOnly Today)
{
    public bool InPfaYears => PfaAges.InPfaYears(Child.DateOfBirth, Today);

    public int Age => PfaAges.AgeOn(Child.DateOfBirth, Today);

    public PfaAgeBand? Band => PfaAges.BandOn(Child.DateOfBirth, Today);

    public CareLeaverBand? CareLeaverBand => IsCareLeaver ? CareLeavers.BandOn(Child.DateOfBirth, Today) : null;
}

/// <summary>One checklist item as shown: the saved row, or the item not yet started and due at its age.</summary>
public sealed record ChecklistRow(PfaItem Item, PfaItemStatus Status, string? Owner, DateOnly DueOn, string? EvidenceNote, AscOutcome? AscOutcome,
    DateOnly? ProgrammeStart, DateOnly? ProgrammeEnd, bool? RetainedEmployment, bool Overdue, bool Saved)
{
    public static IReadOnlyList<ChecklistRow> For(DateOnly dateOfBirth, IEnumerable<PfaChecklistItem> saved, DateOnly today)
    {
        var byItem = saved.ToDictionary(i => i.Item);
        return PfaItems.All.Select(item => byItem.TryGetValue(item, out var s)
                ? new ChecklistRow(item, s.Status, s.Owner, s.DueOn, s.EvidenceNote, s.AscOutcome, s.ProgrammeStart, s.ProgrammeEnd, s.RetainedEmployment,
                    PfaChecklist.IsOverdue(s.Status, s.DueOn, today), true)
                : new ChecklistRow(item, PfaItemStatus.NotStarted, null, PfaChecklist.DefaultDueOn(item, dateOfBirth), null, null, null, null, null,
                    PfaChecklist.IsOverdue(PfaItemStatus.NotStarted, PfaChecklist.DefaultDueOn(item, dateOfBirth), today), false))
            .ToList();
    }
}

/// <summary>
/// The way into every page about one young person's preparing for adulthood: the young person must be one the user may
/// open (<see cref="ChildGate"/>), or the attempt is audited and refused as "not found"; a change the role may not make
/// is audited and answered 403.
/// </summary>
public sealed class AdulthoodGate(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
{
    public async Task<(YoungPerson? Person, IActionResult? Refusal)> OpenAsync(Guid childId, string page, CancellationToken ct = default)
    {
        if (!await gate.MayOpenAsync(childId, ct))
        {
            return (null, await gate.RefuseAsync(childId, $"preparing for adulthood {page}", ct));
        }

        var today = clock.UkToday();
        var child = await db.Children.AsNoTracking().Include(c => c.Statuses).SingleAsync(c => c.Id == childId, ct);
        var current = child.Statuses.Where(s => s.IsCurrentOn(today)).Select(s => s.Type).ToHashSet();
        return (new YoungPerson(child, current.Contains(ChildStatusType.EhcPlan), current.Contains(ChildStatusType.CareLeaver), today), null);
    }

    /// <summary>Adds an audit entry to the next save: a read on a page shown, a change saved with the change itself.</summary>
    public void Record(string action, Guid childId, string detail) => auditor.Record(action, childId, detail);

    public Task RecordNowAsync(string action, Guid childId, string detail, CancellationToken ct = default) =>
        auditor.RecordNowAsync(action, childId, detail, ct: ct);

    /// <summary>Records that the user tried something their role does not allow; the page answers 403.</summary>
    public Task RefuseAsync(Guid childId, string what, CancellationToken ct = default) =>
        auditor.RecordNowAsync(AuditActions.ChildRefused, childId, $"preparing for adulthood {what}: not permitted for {Roles.CommandName(currentUser.Role)}", ct: ct);

    public Role Role => currentUser.Role;

    public string UserId => currentUser.Id;
}

/// <summary>Base for pages about one young person: <see cref="Person"/> is set once <see cref="OpenAsync"/> lets the user in.</summary>
public abstract class YoungPersonPageModel(AdulthoodGate gate) : WaymarkPageModel
{
    protected AdulthoodGate Gate => gate;

    public YoungPerson Person { get; private set; } = null!;

    public Child Child => Person.Child;

    public string ChildName => Person.Child.KnownAsName;

    public string ChecklistPath => $"/children/{Person.Child.Id}/adulthood";

    /// <summary>
    /// Null when the user may go on; otherwise the refusal: not found for a young person outside the user's scope, 403
    /// (audited) when <paramref name="allowed"/> says the role may not use this page.
    /// </summary>
    protected async Task<IActionResult?> OpenAsync(Guid id, string page, Func<Role, bool>? allowed = null)
    {
        var (person, refusal) = await gate.OpenAsync(id, page);
        if (person is null)
        {
            return refusal;
        }

        Person = person;
        if (allowed is not null && !allowed(gate.Role))
        {
            await gate.RefuseAsync(id, page);
            return Forbid();
        }

        return null;
    }

    protected static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
