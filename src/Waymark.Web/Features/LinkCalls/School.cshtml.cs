using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Data.LinkCalls;
using Waymark.Domain.LinkCalls;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>One contact as the school's page shows it: the children discussed that the viewer may see, and how many others.</summary>
public sealed record ContactView(LinkContact Contact, string OfficerName, IReadOnlyList<(Guid Id, string Name)> Children, int OtherChildren);

/// <summary>
/// A school's link with the LA: its Link Co-ordinator and risk group, when the next call and the termly meeting are due,
/// the actions still open (officers mark them done), and every call and meeting, newest first.
/// </summary>
public sealed class SchoolModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : LinkSchoolPageModel(db, currentUser, auditor, clock)
{
    public LinkSchoolRow? Row { get; private set; }

    public IReadOnlyList<OpenLinkAction> OpenActions { get; private set; } = [];

    public IReadOnlyList<ContactView> Contacts { get; private set; } = [];

    /// <summary>The school's current picture, for the LA's officers (school staff have their own attendance and quality mark pages).</summary>
    public SchoolPicture? Picture { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await OpenAsync(urn, "school link page") is IActionResult refused)
        {
            return refused;
        }

        Row = (await LinkWorklist.SchoolsAsync(Db, null, TodayDate, School.Id, ct)).SingleOrDefault();
        OpenActions = await LinkWorklist.OpenActionsAsync(Db, null, School.Id, TodayDate, ct);
        var contacts = await Db.LinkContacts.AsNoTracking().Where(c => c.SchoolId == School.Id)
            .Include(c => c.Children).Include(c => c.Actions)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.CreatedAtUtc).ToListAsync(ct);
        var childIds = contacts.SelectMany(c => c.Children).Select(c => c.ChildId).Distinct().ToList();
        var visible = await Db.Children.AsNoTracking().VisibleTo(Db, CurrentUser.Scope, TodayDate).Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, Forename = c.PreferredForename ?? c.LegalForename, Surname = c.PreferredSurname ?? c.LegalSurname })
            .ToDictionaryAsync(c => c.Id, c => $"{c.Forename} {c.Surname}", ct);
        var officerIds = contacts.Select(c => c.OfficerUserId).Distinct().ToList();
        var officers = await Db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Contacts = contacts.Select(c => new ContactView(c, officers.GetValueOrDefault(c.OfficerUserId) ?? "",
                c.Children.Where(x => visible.ContainsKey(x.ChildId)).Select(x => (x.ChildId, visible[x.ChildId])).OrderBy(x => x.Item2, StringComparer.CurrentCulture).ToList(),
                c.Children.Count(x => !visible.ContainsKey(x.ChildId))))
            .ToList();
        if (CanRecord)
        {
            Picture = await SchoolPicture.LoadAsync(Db, School, TodayDate, ct);
        }

        await Auditor.RecordNowAsync(AuditActions.LinkSchoolViewed,
            detail: $"school {urn}: {Contacts.Count} contact(s), {Contacts.Sum(c => c.Children.Count)} child mention(s) shown", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(int urn, Guid actionId, CancellationToken ct)
    {
        if (await OpenAsync(urn, "mark an action done", record: true) is IActionResult refused)
        {
            return refused;
        }

        var action = await Db.LinkActions.Include(a => a.Contact).SingleOrDefaultAsync(a => a.Id == actionId && a.Contact!.SchoolId == School.Id, ct);
        if (action is null)
        {
            return NotFound();
        }

        if (action.DoneOn is null)
        {
            action.DoneOn = TodayDate;
            action.DoneByUserId = CurrentUser.Id;
            Auditor.Record(AuditActions.LinkSchoolChanged, detail: $"school {urn}: action done: {action.Description}");
            await Db.SaveChangesAsync(ct);
            Flash($"Marked as done: {action.Description}");
        }

        return Redirect($"{SchoolPath}#actions");
    }
}
