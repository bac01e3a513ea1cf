using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Domain.Identifiers;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Data.Tests.Demo;

/// <summary>Seeding behaviour that needs a fresh database per test: repeatability, refusal, rollback.</summary>
public abstract class DemoSeedingTests(DatabaseProvider provider)
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static DemoDataGenerator Generator() => new(new PasswordHasher<WaymarkUser>());

    private async Task<(TestDatabase Database, DemoSeedResult Result)> SeedAsync(int pupils, int seed, DateOnly today)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var result = await Generator().SeedAsync(db, new DemoSeedOptions(pupils, seed, today));
        return (database, result);
    }

    /// <summary>Everything that identifies a child, in id order.</summary>
    private static async Task<List<string>> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var children = await db.Children.AsNoTracking()
            .Include(c => c.Enrolments)
            .Include(c => c.Statuses)
            .Include(c => c.KeyPeople)
            .AsSplitQuery()
            .ToListAsync();
        return [.. children.OrderBy(c => c.Id).Select(c => string.Join('|',
            c.Id, c.Upn, c.LegalForename, c.MiddleNames, c.LegalSurname, c.PreferredForename, c.PreferredSurname,
            c.DateOfBirth.ToString("O", System.Globalization.CultureInfo.InvariantCulture), c.Sex, c.EthnicityCode, c.FirstLanguage, c.Postcode,
            string.Join(',', c.Enrolments.OrderBy(e => e.StartDate).ThenBy(e => e.SchoolId).Select(e => $"{e.SchoolId}:{e.StartDate}:{e.EndDate}:{e.Type}")),
            string.Join(',', c.Statuses.OrderBy(s => s.StartDate).ThenBy(s => s.Type).Select(s => $"{s.Type}:{s.StartDate}:{s.EndDate}:{s.PrimaryNeed}")),
            string.Join(',', c.KeyPeople.OrderBy(k => k.StartDate).ThenBy(k => k.Role).Select(k => $"{k.Role}:{k.ExternalName}:{k.UserId}"))))];
    }

    [Fact]
    public async Task The_same_seed_and_date_give_identical_children()
    {
        var (first, _) = await SeedAsync(1500, 42, Today);
        var (second, _) = await SeedAsync(1500, 42, Today);
        await using (first)
        await using (second)
        {
            var a = await FingerprintAsync(first);
            var b = await FingerprintAsync(second);
            Assert.Equal(1500, a.Count);
            Assert.Equal(a, b);

            await using var dbA = first.CreateContext();
            await using var dbB = second.CreateContext();
            Assert.Equal(
                await dbA.Schools.OrderBy(s => s.Id).Select(s => s.Name + s.Urn + s.EstablishmentNumber).ToListAsync(),
                await dbB.Schools.OrderBy(s => s.Id).Select(s => s.Name + s.Urn + s.EstablishmentNumber).ToListAsync());
        }
    }

    /// <summary>Everything about each transition, keyed by child, in a fixed order.</summary>
    private static async Task<List<string>> TransitionFingerprintAsync(TestDatabase database, DateOnly today)
    {
        await using var db = database.CreateContext();
        var programme = await DemoProgrammeSnapshot.LoadAsync(db, today);
        return [.. programme.Transitions.OrderBy(t => t.ChildId).Select(t => string.Join('|',
            t.Id, t.ChildId, t.CohortYear, t.SendingSchoolId, t.Decision, t.ProposedBecause, t.ProposedAtUtc.Ticks, t.DecisionReason,
            t.DestinationSchoolId, t.DestinationStatus, programme.StageOf(t),
            string.Join(',', t.Sections.OrderBy(s => s.Section).Select(s => $"{s.Section}:{s.Status}:{s.Sharing}:{string.Join(';', s.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value))}")),
            string.Join(',', t.Meetings.OrderBy(m => m.Date).ThenBy(m => m.Status).Select(m => $"{m.Date}:{m.StartTime}:{m.Status}:{m.Venue}:{m.WhatsWorking}:"
                + string.Join(';', m.Invitees.OrderBy(i => i.Role).ThenBy(i => i.Name, StringComparer.Ordinal).Select(i => $"{i.Role}/{i.Name}/{i.Attendance}")))),
            string.Join(',', t.Shares.OrderBy(s => s.SharedAtUtc).Select(s => $"{s.RecipientSchoolId}:{s.SharedAtUtc.Ticks}:{s.AcknowledgedAtUtc?.Ticks}:{s.EndedAtUtc?.Ticks}")),
            string.Join(',', t.FollowUps.OrderBy(f => f.Kind).Select(f => $"{f.Kind}:{f.HeldOn}:{f.Year7AttendancePercent}:{f.Suspensions}:{f.Flags}"))))];
    }

    [Fact]
    public async Task The_same_seed_and_date_give_identical_transitions()
    {
        var (first, _) = await SeedAsync(1500, 42, Today);
        var (second, _) = await SeedAsync(1500, 42, Today);
        await using (first)
        await using (second)
        {
            var a = await TransitionFingerprintAsync(first, Today);
            var b = await TransitionFingerprintAsync(second, Today);
            Assert.True(a.Count >= 10, $"only {a.Count} transitions");
            Assert.Equal(a, b);

            await using var dbA = first.CreateContext();
            await using var dbB = second.CreateContext();
            Assert.Equal(
                await dbA.SchoolTransitionLeads.OrderBy(l => l.Id).Select(l => new { l.SchoolId, l.Name, l.NamedOn, l.EndedOn }).ToListAsync(),
                await dbB.SchoolTransitionLeads.OrderBy(l => l.Id).Select(l => new { l.SchoolId, l.Name, l.NamedOn, l.EndedOn }).ToListAsync());
            Assert.Equal(
                await dbA.TrainingAttendees.OrderBy(l => l.Id).Select(l => new { l.SessionId, l.Name, l.JobTitle }).ToListAsync(),
                await dbB.TrainingAttendees.OrderBy(l => l.Id).Select(l => new { l.SessionId, l.Name, l.JobTitle }).ToListAsync());
            Assert.Equal(
                await dbA.InterventionEnrolments.OrderBy(e => e.Id).Select(e => new { e.ChildId, e.Provider, e.StartDate, e.SessionsAttended, e.ScoreAfter }).ToListAsync(),
                await dbB.InterventionEnrolments.OrderBy(e => e.Id).Select(e => new { e.ChildId, e.Provider, e.StartDate, e.SessionsAttended, e.ScoreAfter }).ToListAsync());
        }
    }

    [Fact]
    public async Task A_different_seed_gives_different_children()
    {
        var (first, _) = await SeedAsync(1500, 42, Today);
        var (second, _) = await SeedAsync(1500, 43, Today);
        await using (first)
        await using (second)
        {
            await using var dbA = first.CreateContext();
            await using var dbB = second.CreateContext();
            var a = await dbA.Children.Select(c => c.Id).ToListAsync();
            var b = await dbB.Children.Select(c => c.Id).ToListAsync();
            Assert.Empty(a.Intersect(b));

            var namesA = await dbA.Children.Select(c => c.LegalForename + " " + c.LegalSurname + " " + c.DateOfBirth).ToListAsync();
            var namesB = await dbB.Children.Select(c => c.LegalForename + " " + c.LegalSurname + " " + c.DateOfBirth).ToListAsync();
            Assert.True(namesA.Intersect(namesB).Count() < 15);
            Assert.NotEqual(
                await dbA.Schools.OrderBy(s => s.Id).Select(s => s.Urn).ToListAsync(),
                await dbB.Schools.OrderBy(s => s.Id).Select(s => s.Urn).ToListAsync());
        }
    }

    [Fact]
    public async Task Seeding_a_database_that_already_has_data_throws_and_changes_nothing()
    {
        var (database, _) = await SeedAsync(300, 1, Today);
        await using (database)
        {
            await using var db = database.CreateContext();
            var before = await CountsAsync(db);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => Generator().SeedAsync(db, new DemoSeedOptions(300, 2, Today)));
            Assert.Contains("empty database", error.Message, StringComparison.Ordinal);

            await using var fresh = database.CreateContext();
            Assert.Equal(before, await CountsAsync(fresh));
            Assert.Equal((1, 30, 300, 14), before);
        }
    }

    [Fact]
    public async Task A_database_with_a_real_school_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Schools.Add(new School
            {
                Urn = 123456,
                LaCode = 823,
                EstablishmentNumber = 2001,
                Name = "A Real Primary School",
                Phase = SchoolPhase.Primary,
                Type = "Community school",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Generator().SeedAsync(db, new DemoSeedOptions(200, 1, Today)));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal((0, 1, 0, 0), await CountsAsync(db));
        }
    }

    [Fact]
    public async Task A_cancelled_seed_leaves_nothing_behind()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var cancel = new CancellationTokenSource();
        var messages = new List<string>();

        // Cancel once the first batch of children has been written, so the rollback has work to undo.
        var progress = new ListProgress(messages, m =>
        {
            if (m.StartsWith("Children:", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        });
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => Generator().SeedAsync(db, new DemoSeedOptions(5200, 1, Today), progress, cancel.Token));
        }

        Assert.Contains(messages, m => m.StartsWith("Children: 5,000", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            Assert.Equal((0, 0, 0, 0), await CountsAsync(db));
            Assert.Equal(0, await db.Enrolments.CountAsync());
        }
    }

    [Theory]
    [InlineData("2025-09-01")] // the first day of an academic year
    [InlineData("2026-08-31")] // the last
    [InlineData("2028-02-29")]
    public async Task Any_date_gives_consistent_data(string date)
    {
        var today = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var (database, result) = await SeedAsync(800, 5, today);
        await using (database)
        {
            Assert.Equal(800, result.Children);
            await using var db = database.CreateContext();
            var children = await db.Children.AsNoTracking()
                .Include(c => c.Enrolments).Include(c => c.Statuses).Include(c => c.KeyPeople).Include(c => c.FormerUpns)
                .AsSplitQuery().ToListAsync();
            Assert.Equal(800, children.Count);
            var year = Waymark.Domain.Calendar.AcademicYear.Containing(today);
            Assert.All(children, c =>
            {
                Assert.True(Upn.Validate(c.Upn).IsValid);
                Assert.InRange(c.NcYearIn(year)!.Value.Value, 0, 14);
                Assert.NotEmpty(c.Enrolments);
                Assert.All(c.Enrolments, e => Assert.True(e.StartDate <= today && (e.EndDate is null || e.EndDate >= e.StartDate)));
                Assert.All(c.Statuses, s => Assert.True(s.StartDate <= today && (s.EndDate is null || s.EndDate >= s.StartDate)));
                Assert.All(c.KeyPeople, k => Assert.True(k.StartDate <= today && (k.EndDate is null || k.EndDate >= k.StartDate)));
                Assert.All(c.FormerUpns, f => Assert.True(DateOnly.FromDateTime(f.RecordedAtUtc) <= today));
            });
            Assert.Contains(children, c => c.Enrolments.Any(e => e.IsCurrentOn(today) && e.StartDate == year.Start));

            // The transition programme keeps its rules on any date.
            var programme = await DemoProgrammeSnapshot.LoadAsync(db, today);
            Assert.NotEmpty(programme.Transitions);
            programme.AssertConsistent();
        }
    }

    [Fact]
    public async Task Zero_pupils_still_creates_the_authority_schools_and_sign_ins()
    {
        var (database, result) = await SeedAsync(0, 1, Today);
        await using (database)
        {
            Assert.Equal((0, 30, 14), (result.Children, result.Schools, result.Users));
            await using var db = database.CreateContext();
            Assert.Equal((1, 30, 0, 14), await CountsAsync(db));
        }
    }

    private static async Task<(int LocalAuthorities, int Schools, int Children, int Users)> CountsAsync(WaymarkDbContext db) =>
        (await db.LocalAuthorities.CountAsync(), await db.Schools.CountAsync(), await db.Children.CountAsync(), await db.Users.CountAsync());
}

public sealed class SqliteDemoSeedingTests() : DemoSeedingTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoSeedingTests() : DemoSeedingTests(DatabaseProvider.Postgres);
