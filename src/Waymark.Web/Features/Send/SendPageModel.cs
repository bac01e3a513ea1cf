using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Send;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Send;

/// <summary>
/// Base for the pages about one child's EHC pathway. The role must work on SEND (<see cref="SendAccess"/>) or the
/// answer is 403; the child must be within the user's need-to-know (<see cref="ChildGate"/>) or it is refused as for any
/// record; changes need the SEN team's role.
/// </summary>
public abstract class SendPageModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    protected CurrentUser CurrentUser => currentUser;

    protected Auditor Auditor => auditor;

    public Child Child { get; private set; } = null!;

    public string ChildName => Child.KnownAsName;

    public DateOnly TodayDate { get; private set; }

    public bool CanRecord { get; private set; }

    public SendCase Case { get; private set; } = null!;

    protected DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    protected string ChildPath => $"/children/{Child.Id}/send";

    /// <summary>Null when the user may go on; otherwise the refusal, audited.</summary>
    protected async Task<IActionResult?> OpenAsync(Guid id, string page, bool record = false)
    {
        TodayDate = Today(clock);
        if (!SendAccess.CanView(currentUser.Role))
        {
            if (await db.Children.AnyAsync(c => c.Id == id))
            {
                await auditor.RecordNowAsync(AuditActions.ChildRefused, id, $"EHC pathway, {page}: the role does not work on SEND");
            }

            return Forbid();
        }

        if (!await gate.MayOpenAsync(id))
        {
            return await gate.RefuseAsync(id, $"EHC pathway, {page}");
        }

        CanRecord = SendAccess.CanRecord(currentUser.Role);
        if (record && !CanRecord)
        {
            await auditor.RecordNowAsync(AuditActions.ChildRefused, id, $"EHC pathway, {page}: only the SEN team records it");
            return Forbid();
        }

        Child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id);
        Case = await SendCase.LoadAsync(db, id, TodayDate);
        return null;
    }

    /// <summary>
    /// Opens a form for one record of the child's case, to record (<c>new</c>) or change it: the refusal, or the record
    /// when <paramref name="recordId"/> names one of this child's (a 404 for any other id, including another child's).
    /// </summary>
    protected async Task<(IActionResult? Refused, T? Existing)> OpenRecordAsync<T>(Guid id, string page, string recordId,
        Func<SendCase, IEnumerable<T>> records, Func<T, Guid> idOf)
        where T : class
    {
        if (await OpenAsync(id, page, record: true) is IActionResult refused)
        {
            return (refused, null);
        }

        if (recordId == "new")
        {
            return (null, null);
        }

        return Guid.TryParse(recordId, out var rid) && records(Case).FirstOrDefault(r => idOf(r) == rid) is T existing
            ? (null, existing)
            : (NotFound(), null);
    }
}
