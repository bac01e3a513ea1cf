using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Waymark.Data.Entities;

namespace Waymark.Data.Auditing;

/// <summary>
/// The safety net under the explicit audit entries: every row added, changed or deleted through the context is written
/// down with its values before and after, in the same SaveChanges. The changes to a child's rows go on that save's
/// audit entry for the child; the rest on its first entry; a save with changes but no entry gets one of its own
/// (<see cref="AuditActions.RecordChanged"/>). Secrets (password hashes, security stamps, tokens) are never written.
/// </summary>
public static class ChangeCapture
{
    /// <summary>Longest value kept; anything longer is cut, with its length noted.</summary>
    private const int MaxValueLength = 500;

    private static readonly HashSet<Type> NotCaptured =
    [
        typeof(AuditEvent), typeof(AuditChainHead), typeof(UserSession), typeof(DataProtectionKey), typeof(JobRun),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>),
    ];

    /// <summary>Properties whose values are secrets or per-request noise: their change is noted without a value, or not at all.</summary>
    private static readonly HashSet<string> SecretProperties = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];

    private static readonly HashSet<string> NoiseProperties = ["LastSignedInAtUtc", "AccessFailedCount", "LockoutEnd", "UpdatedAtUtc"];

    public static void Attach(WaymarkDbContext db, IAuditActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var changes = new List<(Guid? ChildId, string Json)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotCaptured.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            if (Describe(entry) is { } json)
            {
                changes.Add((ChildOf(entry), json));
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        var events = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (events.Count == 0)
        {
            var children = changes.Select(c => c.ChildId).Distinct().ToList();
            var entry = new AuditEvent
            {
                OccurredAtUtc = nowUtc, UserId = actor.UserId, IpAddress = actor.IpAddress, Action = AuditActions.RecordChanged,
                ChildId = children is [Guid only] ? only : null,
                Detail = $"{changes.Count} record(s) changed",
            };
            db.AuditEvents.Add(entry);
            events.Add(entry);
        }

        foreach (var group in changes.GroupBy(c => events.FirstOrDefault(e => e.ChildId is not null && e.ChildId == c.ChildId) ?? events[0]))
        {
            group.Key.Changes = Join(group.Key.Changes, group.Select(c => c.Json));
        }
    }

    private static string Join(string? existing, IEnumerable<string> items)
    {
        var text = new StringBuilder("[");
        if (existing is { Length: > 2 })
        {
            text.Append(existing, 1, existing.Length - 2).Append(',');
        }

        text.AppendJoin(',', items).Append(']');
        return text.ToString();
    }

    private static Guid? ChildOf(EntityEntry entry)
    {
        if (entry.Entity is Child child)
        {
            return child.Id;
        }

        return entry.Metadata.FindProperty("ChildId") is { } property && entry.Property(property.Name).CurrentValue is Guid id ? id : null;
    }

    private static string? Describe(EntityEntry entry)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("entity", entry.Metadata.ClrType.Name);
            json.WriteString("key", string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue))));
            json.WriteString("state", entry.State.ToString());
            json.WriteStartObject("values");
            var any = false;
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (NoiseProperties.Contains(name))
                {
                    continue;
                }

                var before = entry.State == EntityState.Added ? null : property.OriginalValue;
                var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                if (entry.State == EntityState.Modified && !property.IsModified)
                {
                    continue;
                }

                if (entry.State == EntityState.Modified && Equals(before, after))
                {
                    continue;
                }

                if (entry.State != EntityState.Modified && (entry.State == EntityState.Added ? after : before) is null)
                {
                    continue;
                }

                any = true;
                json.WriteStartArray(name);
                if (SecretProperties.Contains(name))
                {
                    json.WriteStringValue("(secret, not recorded)");
                }
                else
                {
                    WriteValue(json, before);
                    WriteValue(json, after);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            if (!any && entry.State == EntityState.Modified)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }

        var text = Format(value);
        json.WriteStringValue(text.Length > MaxValueLength ? string.Create(CultureInfo.InvariantCulture, $"{text[..MaxValueLength]}… ({text.Length} characters)") : text);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        byte[] bytes => string.Create(CultureInfo.InvariantCulture, $"({bytes.Length} bytes)"),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
