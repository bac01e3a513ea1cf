using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Programme.Training;

public static class SchoolChoices
{
    /// <summary>Open schools by name, after a first blank option, for a select.</summary>
    public static async Task<IReadOnlyList<SelectOption>> LoadAsync(WaymarkDbContext db, int? selected, string blank)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.IsOpen || s.Id == selected)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync();
        return [new SelectOption("", blank, selected is null),
            .. schools.Select(s => new SelectOption(s.Id.ToString(CultureInfo.InvariantCulture), s.Name, s.Id == selected))];
    }
}
