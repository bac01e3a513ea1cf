using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>Base for the reduced-timetable pages: <see cref="Access"/> is set once <see cref="OpenAsync"/> lets the user in.</summary>
public abstract class ReducedTimetablePageModel(WaymarkDbContext db, ReducedTimetableGate gate) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    public ChildTimetableAccess Access { get; private set; } = null!;

    public Child Child => Access.Child;

    public string ChildName => Access.Child.KnownAsName;

    /// <summary>The timetable the page is about, when it has one (loaded by <see cref="OpenTimetableAsync"/>).</summary>
    public ReducedTimetable Timetable { get; private set; } = null!;

    /// <summary>
    /// Null when the user may go on; otherwise the refusal for a child unknown or outside the user's need-to-know
    /// (<see cref="Children.ChildGate"/>), or 403 when the user may only view and <paramref name="record"/> asks for more.
    /// </summary>
    protected async Task<IActionResult?> OpenAsync(Guid id, string page, bool record = false)
    {
        var (opened, refusal) = await gate.OpenAsync(id, page);
        if (opened is not ChildTimetableAccess access)
        {
            return refusal;
        }

        Access = access;
        if (record && !access.CanRecord)
        {
            await gate.RefuseAsync(id, page);
            return Forbid();
        }

        return null;
    }

    /// <summary>
    /// As <see cref="OpenAsync"/> for one of the child's timetables; another child's timetable is not found. With
    /// <paramref name="change"/>, only the school that agreed it may go on, and only while it runs.
    /// </summary>
    protected async Task<IActionResult?> OpenTimetableAsync(Guid id, int timetableId, string page, bool change = false)
    {
        if (await OpenAsync(id, page) is IActionResult refused)
        {
            return refused;
        }

        var timetable = await db.ReducedTimetables.AsNoTracking().Include(t => t.School).Include(t => t.Reviews)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == timetableId && t.ChildId == id);
        if (timetable is null)
        {
            return NotFound();
        }

        Timetable = timetable;
        if (change && !Access.CanChange(timetable))
        {
            await gate.RefuseAsync(id, page);
            return Forbid();
        }

        return null;
    }

    protected string ListPath => $"/children/{Child.Id}/reduced-timetables";

    protected string TimetablePath(int timetableId) => $"{ListPath}/{timetableId}";
}
