using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;

namespace Waymark.Web.Features.Children.Ledger;

/// <summary>
/// Base for the pages of a child's consent and sharing ledger: open only to those who may open the child's whole record
/// (<see cref="ChildGate"/>, which answers and audits a refusal).
/// </summary>
public abstract class LedgerPageModel(WaymarkDbContext db, ChildGate gate, TimeProvider clock) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    public DateOnly TodayDate { get; private set; }

    protected async Task<IActionResult?> OpenAsync(Guid id, string what)
    {
        TodayDate = Today(clock);
        if (!await gate.MayOpenAsync(id))
        {
            return await gate.RefuseAsync(id, what);
        }

        ChildId = id;
        ChildName = (await db.Children.AsNoTracking().SingleAsync(c => c.Id == id)).KnownAsName;
        return null;
    }

    protected static string Ledger(Guid id) => $"/children/{id}/sharing";

    /// <summary>Puts a rule's problem, if any, on its field.</summary>
    protected void Check(string field, string? problem)
    {
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
        }
    }
}
