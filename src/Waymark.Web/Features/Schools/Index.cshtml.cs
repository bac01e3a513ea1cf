using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Schools;

namespace Waymark.Web.Features.Schools;

/// <summary>The school register. School details are public (GIAS), so every signed-in role may read it.</summary>
public sealed class IndexModel(WaymarkDbContext db, Waymark.Web.Auth.CurrentUser currentUser) : WaymarkPageModel
{
    public Waymark.Domain.People.Role Role => currentUser.Role;

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    public IReadOnlyList<School> Schools { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Schools.AsNoTracking();
        if (!IncludeClosed)
        {
            // Schools proposed to open are listed too: they are not closed, and staff look them up ahead of September.
            query = query.Where(s => s.Status != SchoolStatus.Closed);
        }

        if (!string.IsNullOrWhiteSpace(Name))
        {
            var term = Name.Trim().ToUpperInvariant();
            query = query.Where(s => s.Name.ToUpper().Contains(term));
        }

        Schools = await query.OrderBy(s => s.Name).Take(500).ToListAsync();
    }
}
