using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Identifiers;

namespace Waymark.Data.Access;

/// <summary>Finds a child as an operator names one on the command line: by Waymark id or by UPN, current or former.</summary>
public static class ChildLookup
{
    /// <summary>The child's id, or null when no child has that id or UPN. Not scoped: for server-side tools only.</summary>
    public static async Task<Guid?> FindAsync(WaymarkDbContext db, string idOrUpn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = idOrUpn?.Trim() ?? "";
        if (Guid.TryParse(text, out var id))
        {
            return await db.Children.AnyAsync(c => c.Id == id, ct) ? id : null;
        }

        var upn = Upn.Normalise(text);
        if (upn.Length == 0)
        {
            return null;
        }

        return await db.Children.Where(c => c.Upn == upn).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct)
            ?? await db.FormerUpns.Where(f => f.Upn == upn).Select(f => (Guid?)f.ChildId).FirstOrDefaultAsync(ct);
    }
}
