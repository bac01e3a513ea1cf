using Microsoft.EntityFrameworkCore;
using Waymark.Domain.LinkCalls;

namespace Waymark.Data.LinkCalls;

/// <summary>A linked school on the worklist: its officer, risk group, last call, when the next call and the termly meeting are due, and its open actions.</summary>
public sealed record LinkSchoolRow(
    int SchoolId, int Urn, string SchoolName, string OfficerUserId, string OfficerName, RiskGroup RiskGroup, DateOnly LinkedOn, DateOnly? LastCallOn,
    CallDue NextCall, CallDue? TermlyMeeting, bool MissedLastTerm, int OpenActions, int OverdueActions);

/// <summary>An action agreed with a school and not yet done.</summary>
public sealed record OpenLinkAction(Guid Id, int Urn, string SchoolName, string Description, string Owner, DateOnly AgreedOn, DateOnly DueOn, bool Overdue);

/// <summary>The Link Co-ordinator's worklist: their schools (or every linked school), calls due or overdue first, and the actions still open.</summary>
public static class LinkWorklist
{
    /// <summary>Linked schools, overdue calls first, then by the day the next call is due. <paramref name="officerUserId"/> null for every officer's.</summary>
    public static async Task<IReadOnlyList<LinkSchoolRow>> SchoolsAsync(WaymarkDbContext db, string? officerUserId, DateOnly today, int? schoolId = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var linked = await db.LinkedSchools.AsNoTracking()
            .Where(l => (officerUserId == null || l.OfficerUserId == officerUserId) && (schoolId == null || l.SchoolId == schoolId))
            .Select(l => new { l.SchoolId, l.School!.Urn, l.School.Name, l.OfficerUserId, OfficerName = l.Officer!.DisplayName, l.RiskGroup, l.LinkedOn })
            .ToListAsync(ct);
        var ids = linked.Select(l => l.SchoolId).ToList();
        var contacts = await db.LinkContacts.AsNoTracking().Where(c => ids.Contains(c.SchoolId))
            .Select(c => new { c.SchoolId, c.Kind, c.HeldOn }).ToListAsync(ct);
        var actions = await db.LinkActions.AsNoTracking().Where(a => a.DoneOn == null && ids.Contains(a.Contact!.SchoolId))
            .Select(a => new { a.Contact!.SchoolId, a.DueOn }).ToListAsync(ct);
        return linked.Select(l =>
            {
                var calls = contacts.Where(c => c.SchoolId == l.SchoolId && c.Kind == LinkContactKind.FortnightlyCall).Select(c => (DateOnly?)c.HeldOn).Max();
                var meetings = contacts.Where(c => c.SchoolId == l.SchoolId && c.Kind == LinkContactKind.ResourceAllocationMeeting).Select(c => c.HeldOn).ToList();
                var open = actions.Where(a => a.SchoolId == l.SchoolId).ToList();
                return new LinkSchoolRow(l.SchoolId, l.Urn, l.Name, l.OfficerUserId, l.OfficerName, l.RiskGroup, l.LinkedOn, calls,
                    LinkCallRules.NextCall(l.LinkedOn, calls, today), LinkCallRules.TermlyMeeting(meetings, today), LinkCallRules.MissedLastTerm(meetings, l.LinkedOn, today),
                    open.Count, open.Count(a => LinkCallRules.ActionOverdue(a.DueOn, null, today)));
            })
            .OrderByDescending(r => r.NextCall.Overdue).ThenBy(r => r.NextCall.DueOn).ThenBy(r => r.SchoolName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Actions still open at the officer's schools (or one school's), overdue first, then by due date.</summary>
    public static async Task<IReadOnlyList<OpenLinkAction>> OpenActionsAsync(WaymarkDbContext db, string? officerUserId, int? schoolId, DateOnly today,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = db.LinkedSchools.Where(l => officerUserId == null || l.OfficerUserId == officerUserId).Select(l => l.SchoolId);
        var rows = await db.LinkActions.AsNoTracking()
            .Where(a => a.DoneOn == null && (schoolId == null ? mine.Contains(a.Contact!.SchoolId) : a.Contact!.SchoolId == schoolId))
            .Select(a => new { a.Id, a.Contact!.School!.Urn, a.Contact.School.Name, a.Description, a.Owner, a.Contact.HeldOn, a.DueOn })
            .ToListAsync(ct);
        return rows.Select(a => new OpenLinkAction(a.Id, a.Urn, a.Name, a.Description, a.Owner, a.HeldOn, a.DueOn, LinkCallRules.ActionOverdue(a.DueOn, null, today)))
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.DueOn).ThenBy(a => a.SchoolName, StringComparer.CurrentCulture)
            .ToList();
    }
}
