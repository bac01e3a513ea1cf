using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Domain.Auditing;
using Waymark.Domain.People;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Audit;

/// <summary>One audit entry as the screens show it: who by name and role, what in words.</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string? UserId, string? UserName, Role? UserRole, string Action, Guid? ChildId,
    string? ChildName, string? ChildUpn, string? Detail, string? Reason, string? IpAddress)
{
    public string What => AuditActionLabels.For(Action);

    public string Who => UserId is null ? "Nobody signed in" : UserName is null ? "A user no longer on the system" : UserName;

    public bool OutOfHours => UnusualAccess.IsOutOfHoursUtc(AtUtc);
}

public sealed record ShareRow(string What, string Recipient, string Basis, DateTime SharedAtUtc, string SharedBy, DateTime? EndedAtUtc, string? EndReason);

public sealed record ConsentRow(string Purpose, string GivenBy, DateOnly GivenOn, string RecordedBy, DateOnly? WithdrawnOn);

/// <summary>A page of entries with links to the others.</summary>
public sealed record Paging(int Page, int Pages, int Total, Func<int, string> Link, string Label = "Pages of entries");

/// <summary>Who has seen a child's record, and what has been shared: one page of entries, every share and every consent.</summary>
/// <param name="ShowDetail">
/// The detail line of an entry can quote the record (a suspension's reasons, a decision's reason); it is shown only to
/// people who may open the record.
/// </param>
public sealed record AccessHistory(IReadOnlyList<AuditRow> Entries, Paging Paging, IReadOnlyList<ShareRow> Shares, IReadOnlyList<ConsentRow> Consents,
    bool ShowDetail);

public static class AuditViews
{
    public const int PageSize = 50;

    /// <summary>Who made a share with no Waymark user: the server's operator, named in the share's reason.</summary>
    public const string CommandLine = "The waymark command line";

    public static int Pages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>The entries about one child, newest first, with who made them.</summary>
    public static async Task<AccessHistory> ChildHistoryAsync(WaymarkDbContext db, Guid childId, int page, Func<int, string> link, bool showDetail,
        CancellationToken ct = default)
    {
        var entries = db.AuditEvents.AsNoTracking().Where(a => a.ChildId == childId);
        var total = await entries.CountAsync(ct);
        page = Math.Clamp(page, 1, Pages(total));
        var rows = await RowsAsync(db, entries.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize), ct);

        var shares = await db.InformationShares.AsNoTracking().Where(s => s.ChildId == childId).OrderByDescending(s => s.SharedAtUtc)
            .Select(s => new { s.What, Recipient = s.RecipientSchool != null ? s.RecipientSchool.Name : s.RecipientOrganisation, s.Basis, s.Reason, s.SharedAtUtc, s.SharedByUserId, s.EndedAtUtc, s.EndReason })
            .ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.ChildId == childId).OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Purpose, c.GivenByName, c.GivenBy, c.GivenOn, c.RecordedByUserId, c.WithdrawnOn })
            .ToListAsync(ct);
        var names = await NamesAsync(db, shares.Select(s => s.SharedByUserId).Concat(consents.Select(c => c.RecordedByUserId)), ct);
        return new AccessHistory(
            rows,
            new Paging(page, Pages(total), total, link),
            [.. shares.Select(s => new ShareRow(s.What, s.Recipient ?? "Unknown recipient", Waymark.Domain.Transitions.Sharing.DisplayName(s.Basis), s.SharedAtUtc,
                s.SharedByUserId is null ? CommandLine : names.GetValueOrDefault(s.SharedByUserId, "A user no longer on the system"), s.EndedAtUtc, s.EndReason))],
            [.. consents.Select(c => new ConsentRow(c.Purpose, $"{c.GivenByName} ({Waymark.Domain.Transitions.Sharing.DisplayName(c.GivenBy)})", c.GivenOn,
                names.GetValueOrDefault(c.RecordedByUserId, "A user no longer on the system"), c.WithdrawnOn))],
            showDetail);
    }

    /// <summary>The entries of a query (already ordered and paged) with the names and roles of their users and children.</summary>
    public static async Task<IReadOnlyList<AuditRow>> RowsAsync(WaymarkDbContext db, IQueryable<AuditEvent> entries, CancellationToken ct = default)
    {
        var list = await entries.Select(a => new { a.Id, a.OccurredAtUtc, a.UserId, a.Action, a.ChildId, a.Detail, a.Reason, a.IpAddress }).ToListAsync(ct);
        var userIds = list.Where(a => a.UserId is not null).Select(a => a.UserId!).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Role })
            .ToDictionaryAsync(u => u.Id, ct);

        // Integrations act through the API under their own actor id: named as integrations, with the role they act as.
        var integrationIds = userIds.Select(IntegrationActors.IntegrationOf).OfType<Guid>().ToList();
        foreach (var integration in await db.ApiIntegrations.AsNoTracking().Where(i => integrationIds.Contains(i.Id)).Select(i => new { i.Id, i.Name, i.Role }).ToListAsync(ct))
        {
            users[IntegrationActors.ActorId(integration.Id)] = new { Id = IntegrationActors.ActorId(integration.Id), DisplayName = $"{integration.Name} (API integration)", integration.Role };
        }

        var childIds = list.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.LegalForename, c.LegalSurname, c.PreferredForename, c.PreferredSurname, c.Upn })
            .ToDictionaryAsync(c => c.Id, ct);
        return [.. list.Select(a =>
        {
            var user = a.UserId is null ? null : users.GetValueOrDefault(a.UserId);
            var child = a.ChildId is Guid id ? children.GetValueOrDefault(id) : null;
            return new AuditRow(a.Id, a.OccurredAtUtc, a.UserId, user?.DisplayName, user?.Role, a.Action, a.ChildId,
                child is null ? null : $"{child.PreferredForename ?? child.LegalForename} {child.PreferredSurname ?? child.LegalSurname}", child?.Upn,
                a.Detail, a.Reason, a.IpAddress);
        })];
    }

    public static async Task<Dictionary<string, string>> NamesAsync(WaymarkDbContext db, IEnumerable<string?> ids, CancellationToken ct = default)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>A stored UTC time in UK time, e.g. "3 March 2027 at 2:05pm".</summary>
    public static string When(DateTime utc) => Hosting.UkClock.UkDateTime(utc);

    public static string Role(Role? role) => role is Role r ? Roles.DisplayName(r) : "";
}

/// <summary>
/// The From and To dates of a report, as two GOV.UK date inputs in the query string: UK days, both inclusive.
/// </summary>
public sealed class DateRangeFilter
{
    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>Reads the two inputs; adds errors to the model state for dates that are not real or the wrong way round.</summary>
    public static DateRangeFilter Parse(DateInput from, DateInput to, ModelStateDictionary modelState, int? maxDays = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(modelState);
        var range = new DateRangeFilter
        {
            From = from.Parse(modelState, "From", "the date to start from", required: false),
            To = to.Parse(modelState, "To", "the date to end on", required: false),
        };
        if (range.From is DateOnly start && range.To is DateOnly end)
        {
            if (end < start)
            {
                modelState.AddModelError("To", "The date to end on must be the same as or after the date to start from");
            }
            else if (maxDays is int max && end.DayNumber - start.DayNumber + 1 > max)
            {
                modelState.AddModelError("To", $"The dates must be no more than {max} days apart");
            }
        }

        return range;
    }

    public DateTime? FromUtc => From is DateOnly d ? UnusualAccess.UkDayStartUtc(d) : null;

    /// <summary>Midnight at the end of the To day, in UTC (exclusive).</summary>
    public DateTime? ToUtc => To is DateOnly d ? UnusualAccess.UkDayStartUtc(d.AddDays(1)) : null;

    public string Describe() => (From, To) switch
    {
        (DateOnly f, DateOnly t) => $"{Day(f)} to {Day(t)}",
        (DateOnly f, null) => $"from {Day(f)}",
        (null, DateOnly t) => $"to {Day(t)}",
        _ => "all dates",
    };

    /// <summary>The filter as query-string pairs, for page links.</summary>
    public static string Query(DateInput from, DateInput to) =>
        string.Join("&", new[] { ("From", from), ("To", to) }.SelectMany(p => new[]
        {
            $"{p.Item1}.Day={Uri.EscapeDataString(p.Item2.Day ?? "")}",
            $"{p.Item1}.Month={Uri.EscapeDataString(p.Item2.Month ?? "")}",
            $"{p.Item1}.Year={Uri.EscapeDataString(p.Item2.Year ?? "")}",
        }));

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
