using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Hosting;
using Waymark.Web.Jobs;

namespace Waymark.Web.Tests.Adulthood;

/// <summary>The daily overdue notices: due at their time, once a day, each overdue item told once even when a day is missed.</summary>
public abstract class PfaOverdueJobTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _childId;
    private string _workerId = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        var worker = TestWorld.NewUser("pfa.job@test.example", "PfA Job Worker", Role.PfaWorker, null);
        db.Users.Add(worker);

        // 16 in September 2026, with an EHC plan: in the PfA worker's caseload.
        var child = TestWorld.NewChild("Jamie", "Overdue", new DateOnly(2010, 5, 1), Sex.Male, 2997, 1);
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = new DateOnly(2024, 1, 10) });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        db.PfaChecklistItems.Add(new PfaChecklistItem
        {
            ChildId = child.Id, Item = PfaItem.IndependentTravelTraining, Status = PfaItemStatus.InProgress, Owner = "Travel team",
            DueOn = new DateOnly(2026, 9, 17), UpdatedByUserId = worker.Id,
        });
        db.PfaChecklistItems.Add(new PfaChecklistItem
        {
            ChildId = child.Id, Item = PfaItem.HousingPathwayInformation, Status = PfaItemStatus.InProgress, Owner = "Housing",
            DueOn = new DateOnly(2026, 9, 19), UpdatedByUserId = worker.Id,
        });
        await db.SaveChangesAsync();
        (_childId, _workerId) = (child.Id, worker.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ShiftedClock ClockAt(int day, int hour) =>
        new() { Offset = new DateTimeOffset(2026, 9, day, hour, 45, 0, TimeSpan.FromHours(1)) - DateTimeOffset.UtcNow };

    private async Task<JobRun?> RunAsync(ShiftedClock clock)
    {
        await using var app = WaymarkApp.Build(_database.Location, configure: b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Services.AddSingleton<TimeProvider>(clock);
        });
        return await app.Services.GetRequiredService<PfaOverdueDaily>().RunIfDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Each_item_is_notified_once_on_the_first_run_after_it_falls_overdue()
    {
        var early = await RunAsync(ClockAt(18, 5));
        var first = await RunAsync(ClockAt(18, 7));
        var again = await RunAsync(ClockAt(18, 9));
        var nextDay = await RunAsync(ClockAt(19, 7));

        // No run on the 20th, when the housing item fell overdue: the run of the 21st catches it.
        var afterGap = await RunAsync(ClockAt(21, 7));

        Assert.Null(early);
        Assert.Contains("1 notification(s)", first!.Outcome, StringComparison.Ordinal);
        Assert.Null(again);
        Assert.Contains("0 notification(s)", nextDay!.Outcome, StringComparison.Ordinal);
        Assert.Contains("1 notification(s)", afterGap!.Outcome, StringComparison.Ordinal);

        await using var db = _database.CreateContext();
        var sent = await db.Notifications.AsNoTracking().Where(n => n.UserId == _workerId).OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, n => Assert.Equal(_childId, n.ChildId));
        Assert.Contains("Independent travel training (due 17 September 2026)", sent[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("housing", sent[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(due 19 September 2026)", sent[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("travel", sent[1].Text, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class PfaOverdueJobTestsOnSqlite() : PfaOverdueJobTests(DatabaseProvider.Sqlite);

public sealed class PfaOverdueJobTestsOnPostgres() : PfaOverdueJobTests(DatabaseProvider.Postgres);
