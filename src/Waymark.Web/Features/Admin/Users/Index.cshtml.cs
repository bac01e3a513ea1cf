using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.Admin.Users;

public sealed class IndexModel(WaymarkDbContext db) : WaymarkPageModel
{
    public IReadOnlyList<WaymarkUser> Users { get; private set; } = [];

    public async Task OnGetAsync() =>
        Users = await db.Users.AsNoTracking().Include(u => u.School).OrderBy(u => u.DisplayName).ToListAsync();
}
